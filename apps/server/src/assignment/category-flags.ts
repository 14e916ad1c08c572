/**
 * The names in a comma-joined flags value (`'NotifyMembers, DefaultToCategoryMaster'`).
 * @example categoryFlags('Internal, DelegateToOurContact').has('DelegateToOurContact') // true
 */
export function categoryFlags(flags: string): Set<string> {
  return new Set(
    flags
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name.length > 0)
  )
}
