import type { LanguageCode } from './language.ts'
import { type LocalizedText, stringResources } from './string-resources.ts'

// A whole string of `XX:"text";` pairs; anything else is an ordinary string.
const multiLanguage = /^\s*(?:[A-Za-z]{2}:"[^"]*"\s*;?\s*)+$/
const pair = /([A-Za-z]{2}):"([^"]*)"/g
const reference = /\[(SR_[A-Za-z0-9_]+)\]/g

/** The text of a localized entry in `code`, else US, else the first one given. */
export function pick(texts: Partial<Record<string, string>>, code: LanguageCode): string {
  return texts[code] ?? texts.US ?? Object.values(texts)[0] ?? ''
}

function pickMultiLanguage(text: string, code: LanguageCode): string {
  if (!multiLanguage.test(text)) {
    return text
  }
  const texts: Record<string, string> = {}
  for (const [, lang = '', value = ''] of text.matchAll(pair)) {
    texts[lang.toUpperCase()] ??= value
  }
  return pick(texts, code)
}

const lookup = (id: string): LocalizedText | undefined =>
  Object.hasOwn(stringResources, id) ? stringResources[id] : undefined

/**
 * Resolves a multi-language value and the known `[SR_…]` references in one string.
 * @example resolveText('NO:"Høy";US:"High"', 'NO') // 'Høy'
 */
export function resolveText(text: string, code: LanguageCode): string {
  const picked = pickMultiLanguage(text, code)
  if (!picked.includes('[SR_')) {
    return picked
  }
  return picked.replace(reference, (whole, id: string) => {
    const texts = lookup(id)
    return texts ? pick(texts, code) : whole
  })
}

/** A copy of any JSON value with every string resolved; keys are left alone. */
export function resolveStrings(value: unknown, code: LanguageCode): unknown {
  if (typeof value === 'string') {
    return resolveText(value, code)
  }
  if (Array.isArray(value)) {
    return value.map((item) => resolveStrings(item, code))
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveStrings(item, code)])
    )
  }
  return value
}
