import type { LanguageCode } from './language.ts'

// SO-Culture defaults to the language (see docs/decisions.md); without either, invariant-like en-US.
const cultureOfLanguage: Record<LanguageCode, string> = {
  US: 'en-US',
  GB: 'en-GB',
  NO: 'nb-NO',
  SE: 'sv-SE',
  DK: 'da-DK',
  DE: 'de-DE',
  NL: 'nl-NL',
}

/**
 * The BCP 47 locale for numbers and dates inside display strings, or `undefined` when
 * `SO-Culture` is not a language tag.
 * @example resolveCulture('de', null) // 'de'
 */
export function resolveCulture(
  soCulture: string | undefined,
  language: LanguageCode | null
): string | undefined {
  const given = soCulture?.trim()
  if (given) {
    try {
      return Intl.getCanonicalLocales(given)[0]
    } catch {
      return undefined
    }
  }
  return language ? cultureOfLanguage[language] : 'en-US'
}

/** A number as the culture writes it in prose (`1,000` / `1.000` / `1 000`). */
export const formatNumber = (culture: string, value: number) =>
  new Intl.NumberFormat(culture).format(value)
