/** One step of an ASP.NET-style form key: a property name, a dictionary key or an array index. */
export type KeySegment = string | number

const first = /^[^.[\]]+/
const next = /^(?:\.([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\])/

/**
 * Splits `Tags[0].Name` into `['Tags', 0, 'Name']` and `CustomFields[x.y]` into
 * `['CustomFields', 'x.y']`; `undefined` when the key is not of that shape.
 * @example formKeySegments('OwnedBy.AssociateId') // ['OwnedBy', 'AssociateId']
 */
export function formKeySegments(key: string): KeySegment[] | undefined {
  const head = first.exec(key)
  if (!head) {
    return undefined
  }
  const segments: KeySegment[] = [head[0]]
  let rest = key.slice(head[0].length)
  while (rest !== '') {
    const m = next.exec(rest)
    if (!m) {
      return undefined
    }
    const [whole, name, index, dictionaryKey] = m
    segments.push(name ?? (index !== undefined ? Number(index) : (dictionaryKey ?? '')))
    rest = rest.slice(whole.length)
  }
  return segments
}

/** The JSON pointer of a form key, for `errors[].path`. */
export const pointerOf = (segments: KeySegment[]) =>
  `/${segments.map((s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`
