import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** Why a document was refused; the caller turns it into a 400 in the request's language. */
export type XmlProblem =
  | { kind: 'doctype' }
  | { kind: 'malformed'; reason: string; line?: number }
  | { kind: 'entity'; reference: string }
  | { kind: 'root' }

export type ParsedXml =
  | { ok: true; root: string; node: unknown }
  | { ok: false; problem: XmlProblem }

export const attributePrefix = '@_'
export const textKey = '#text'

// Text is kept exactly (no trimming, no number guessing): the schema decides types later.
// Namespace prefixes are dropped so `xsi:nil` and default-namespaced documents read the same.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: attributePrefix,
  textNodeName: textKey,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

const hidden = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g
const references = /&(#x[0-9a-fA-F]+|#[0-9]+|[^;\s&<]*);?/g
const predefined = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

// XML 1.0 Char production; a reference to anything else is not well-formed.
export const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff)

/** The first reference that XML without a DTD cannot resolve (the parser would drop it). */
function badReference(markup: string): string | undefined {
  for (const [whole, name = ''] of markup.matchAll(references)) {
    if (!whole.endsWith(';')) {
      return whole
    }
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      if (!isXmlChar(code)) {
        return whole
      }
    } else if (!predefined.has(name)) {
      return whole
    }
  }
  return undefined
}

/**
 * Reads one XML document: any DOCTYPE is refused (no DTDs, so no entity expansion), the text
 * must be well-formed with exactly one root element. Returns the root's name and content.
 * @example parseXml('<TicketEntity><Title>x</Title></TicketEntity>') // { ok: true, root: 'TicketEntity', … }
 */
export function parseXml(text: string): ParsedXml {
  const markup = text.replace(hidden, '')
  if (/<!DOCTYPE/i.test(markup)) {
    return { ok: false, problem: { kind: 'doctype' } }
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    return {
      ok: false,
      problem: { kind: 'malformed', reason: valid.err.msg, line: valid.err.line },
    }
  }
  const reference = badReference(markup)
  if (reference !== undefined) {
    return { ok: false, problem: { kind: 'entity', reference } }
  }
  let document: Record<string, unknown>
  try {
    document = parser.parse(text) as Record<string, unknown>
  } catch (error) {
    return { ok: false, problem: { kind: 'malformed', reason: (error as Error).message } }
  }
  const roots = Object.entries(document).filter(([name]) => name !== textKey)
  const stray = document[textKey]
  const [first] = roots
  if (
    roots.length !== 1 ||
    !first ||
    Array.isArray(first[1]) ||
    (typeof stray === 'string' && stray.trim())
  ) {
    return { ok: false, problem: { kind: 'root' } }
  }
  return { ok: true, root: first[0], node: first[1] }
}
