/**
 * Rewrites a JSON pointer so each segment uses the document's own spelling: SuperOffice treats
 * patch paths case-insensitively and the leading `/` as optional (`title`, `/Title` and
 * `/TITLE` are the same field).
 * @example canonicalPointer({ OwnedBy: { AssociateId: 1 } }, 'ownedby/associateid') // '/OwnedBy/AssociateId'
 */
export function canonicalPointer(document: unknown, path: string): string {
  const segments = (path.startsWith('/') ? path.slice(1) : path)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  let node: unknown = document
  const out: string[] = []
  for (const segment of segments) {
    let name = segment
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const lower = segment.toLowerCase()
      name = Object.keys(node).find((key) => key.toLowerCase() === lower) ?? segment
      node = (node as Record<string, unknown>)[name]
    } else if (Array.isArray(node)) {
      node = segment === '-' ? undefined : node[Number(segment)]
    } else {
      node = undefined
    }
    out.push(name.replace(/~/g, '~0').replace(/\//g, '~1'))
  }
  return `/${out.join('/')}`
}
