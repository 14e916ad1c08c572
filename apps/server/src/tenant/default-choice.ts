/**
 * The index of the item that becomes the default: the first one marked, else the first one
 * (exactly one default per kind); -1 for an empty list.
 * @example defaultIndex([{ IsDefault: false }, { IsDefault: true }], (s) => s.IsDefault === true) // 1
 */
export function defaultIndex<T>(items: readonly T[], isDefault: (item: T) => boolean): number {
  if (items.length === 0) {
    return -1
  }
  const marked = items.findIndex(isDefault)
  return Math.max(marked, 0)
}

/** The names of a comma-joined flags value, without the zero value `Unknown`. */
export function flagNames(flags: string | undefined): string[] {
  return (flags ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== 'Unknown')
}

/** Joins flag names as .NET writes them (`"External, Default"`); no flags is `"Unknown"`. */
export function joinFlags(names: readonly string[]): string {
  const unique = [...new Set(names)].filter((name) => name !== 'Unknown')
  return unique.length > 0 ? unique.join(', ') : 'Unknown'
}

/** A flags value with `flag` set or cleared, other flags kept in their order. */
export function withFlag(flags: string | undefined, flag: string, on: boolean): string {
  const names = flagNames(flags).filter((name) => name !== flag)
  return joinFlags(on ? [...names, flag] : names)
}
