import type { LanguageCode } from './language.ts'

export type LocalizedText = { US: string } & Partial<Record<LanguageCode, string>>

/**
 * The `[SR_…]` string references the service itself emits (e.g. as a FieldRight Reason), with
 * their text per language. References not listed here are left as they are.
 */
export const stringResources: Record<string, LocalizedText> = {
  SR_MANDATORY_FIELD_1281: {
    US: 'Mandatory field',
    GB: 'Mandatory field',
    NO: 'Obligatorisk felt',
    SE: 'Obligatoriskt fält',
    DK: 'Obligatorisk felt',
    DE: 'Pflichtfeld',
    NL: 'Verplicht veld',
  },
}
