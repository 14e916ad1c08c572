type Plain = Record<string, unknown>
type Copy = (head: unknown, from: Plain, tail: unknown) => Plain

interface Shape {
  keys: readonly string[]
  copy: Copy
}

// Past this many key lists a copier spreads: the lists an app's entities have are few.
const maxShapes = 16

const sameKeys = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) {
    return false
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false
    }
  }
  return true
}

/** Straight-line code making the copy for one key list; names are written as JSON literals. */
function compile(headKey: string, keys: readonly string[], tailKey: string): Copy {
  const name = (key: string) => JSON.stringify(key)
  const body = [
    `${name(headKey)}: head`,
    ...keys.map((key) => `${name(key)}: from[${name(key)}]`),
    `${name(tailKey)}: tail`,
  ]
  return new Function('head', 'from', 'tail', `return {\n${body.join(',\n')}\n}`) as Copy
}

/**
 * Copies a plain object between a first and a last property of its own: exactly
 * `{ [headKey]: head, ...from, [tailKey]: tail }`, made by code written once per list of keys.
 * A spread after a property copies key by key, each copy giving the new object a new shape (a
 * ticket has sixty keys: about 3 % of a create); an object literal of fixed names is built in
 * one go. Objects with another list of keys, with symbols or with the frame's own keys spread.
 * @example const stamp = framedCopier('TableRight', 'FieldProperties'); stamp(right, ticket, fields)
 */
export function framedCopier(headKey: string, tailKey: string): Copy {
  const shapes: Shape[] = []
  const spread: Copy = (head, from, tail) => ({ [headKey]: head, ...from, [tailKey]: tail })
  const copiable = (keys: readonly string[], from: Plain) =>
    !keys.includes(headKey) &&
    !keys.includes(tailKey) &&
    !keys.includes('__proto__') &&
    Object.getOwnPropertySymbols(from).length === 0
  return (head, from, tail) => {
    const keys = Object.keys(from)
    for (const shape of shapes) {
      if (sameKeys(shape.keys, keys)) {
        return Object.getOwnPropertySymbols(from).length === 0
          ? shape.copy(head, from, tail)
          : spread(head, from, tail)
      }
    }
    if (shapes.length >= maxShapes || !copiable(keys, from)) {
      return spread(head, from, tail)
    }
    const copy = compile(headKey, keys, tailKey)
    shapes.push({ keys, copy })
    return copy(head, from, tail)
  }
}
