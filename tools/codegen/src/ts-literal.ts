/** Single-quoted TypeScript string literal. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** An object key, quoted only when it is not a plain identifier. */
export function propertyKey(key: string): string {
  return identifier.test(key) ? key : quote(key)
}

/**
 * A value as TypeScript literal source in the house style (single quotes, trailing commas on
 * multi-line objects). Arrays of primitives stay on one line; objects break per key.
 */
export function toTsLiteral(value: unknown, indent = ''): string {
  if (typeof value === 'string') {
    return quote(value)
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value)
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => toTsLiteral(item, indent)).join(', ')}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) {
      return '{}'
    }
    const inner = `${indent}  `
    const lines = entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${toTsLiteral(v, inner)},`)
    return `{\n${lines.join('\n')}\n${indent}}`
  }
  throw new Error(`cannot write ${typeof value} as a TypeScript literal`)
}
