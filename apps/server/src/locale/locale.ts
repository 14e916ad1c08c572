import type { LanguageCode } from './language.ts'
import type { TimeZoneChoice } from './time-zone.ts'

/** What one request asked for with Accept-Language, SO-Language, SO-Culture and SO-TimeZone. */
export interface RequestLocale {
  /** Language strings are resolved in; `null`: they pass through unchanged. */
  language: LanguageCode | null
  /** BCP 47 locale for numbers and dates inside display strings. */
  culture: string
  /** Zone dates are converted to and from; `null`: UTC with `Z`. */
  timeZone: TimeZoneChoice | null
}
