import type { Operation } from 'fast-json-patch'

/**
 * JSON Merge Patch (RFC 7396) as JSON Patch operations, the way SuperOffice converts it. Like
 * SuperOffice, a merge patch does not descend into a property that is currently null: the
 * whole object replaces it.
 */
export function mergePatchToOperations(
  target: unknown,
  patch: Record<string, unknown>,
  prefix = ''
): Operation[] {
  const operations: Operation[] = []
  const current =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? (target as Record<string, unknown>)
      : {}
  for (const [key, value] of Object.entries(patch)) {
    const path = `${prefix}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
    const existing = Object.keys(current).find((k) => k.toLowerCase() === key.toLowerCase())
    const before = existing === undefined ? undefined : current[existing]
    if (value === null) {
      operations.push({ op: 'replace', path, value: null })
    } else if (
      typeof value === 'object' &&
      !Array.isArray(value) &&
      before !== null &&
      typeof before === 'object' &&
      !Array.isArray(before)
    ) {
      operations.push(...mergePatchToOperations(before, value as Record<string, unknown>, path))
    } else {
      operations.push({ op: existing === undefined ? 'add' : 'replace', path, value })
    }
  }
  return operations
}
