/** The language codes multi-language values use (`NO:"Høy";US:"High"`), as SuperOffice writes them. */
export const languageCodes = ['US', 'GB', 'NO', 'SE', 'DK', 'DE', 'NL'] as const
export type LanguageCode = (typeof languageCodes)[number]

// Contract §8 "Languages": ISO language tags to SuperOffice's country-based codes.
const byTag: Record<string, LanguageCode> = {
  en: 'US',
  'en-us': 'US',
  'en-gb': 'GB',
  no: 'NO',
  nb: 'NO',
  nn: 'NO',
  sv: 'SE',
  da: 'DK',
  de: 'DE',
  nl: 'NL',
}

const isLanguageCode = (value: string): value is LanguageCode =>
  (languageCodes as readonly string[]).includes(value)

/**
 * The code for one language tag: exact tag, then its primary subtag, then a SuperOffice code
 * given as is (`SO-Language: NO`).
 * @example languageOfTag('nb-NO') // 'NO'
 */
export function languageOfTag(tag: string): LanguageCode | undefined {
  const lower = tag.trim().toLowerCase()
  const upper = lower.toUpperCase()
  return (
    byTag[lower] ?? byTag[lower.split('-')[0] ?? ''] ?? (isLanguageCode(upper) ? upper : undefined)
  )
}

/** `Accept-Language` ranges, best first (RFC 9110 §12.5.4); ranges with q=0 are dropped. */
function rankedTags(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((p) => p.trim())
      const q = params.find((p) => p.toLowerCase().startsWith('q='))
      return { tag, index, q: q ? Number(q.slice(2)) : 1 }
    })
    .filter((range) => range.tag !== '' && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((range) => range.tag)
}

/**
 * The language strings are resolved in, or `null` when they pass through unchanged: no header,
 * or `SO-Language: *` / `x`. SO-Language wins over Accept-Language. A language the service has
 * no code for still turns resolution on; values then fall back to US, then to their first entry.
 * @example resolveLanguage('de-CH, en;q=0.5', undefined) // 'DE'
 */
export function resolveLanguage(
  acceptLanguage: string | undefined,
  soLanguage: string | undefined
): LanguageCode | null {
  const so = soLanguage?.trim()
  if (so) {
    if (so === '*' || so.toLowerCase() === 'x') {
      return null
    }
    return languageOfTag(so) ?? 'US'
  }
  const accept = acceptLanguage?.trim()
  if (!accept) {
    return null
  }
  for (const tag of rankedTags(accept)) {
    const code = languageOfTag(tag)
    if (code) {
      return code
    }
  }
  return 'US'
}
