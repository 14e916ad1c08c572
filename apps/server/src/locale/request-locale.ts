import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { requestHeader } from '../http/request-header.ts'
import { formatNumber, resolveCulture } from './culture.ts'
import { type LanguageCode, resolveLanguage } from './language.ts'
import type { RequestLocale } from './locale.ts'
import { type Messages, messages, type NumberText } from './messages.ts'
import { parseTimeZone } from './time-zone.ts'

type HeaderOf = (name: Lowercase<string>) => string | undefined

function readLanguageAndCulture(header: HeaderOf) {
  const language = resolveLanguage(header('accept-language'), header('so-language'))
  const culture = resolveCulture(header('so-culture'), language)
  return { language, culture }
}

/** The locale of a request, leniently: headers that cannot be read are ignored. */
function lenientLocale(header: HeaderOf): RequestLocale {
  const { language, culture } = readLanguageAndCulture(header)
  const zoneHeader = header('so-timezone')
  const zone = zoneHeader ? parseTimeZone(zoneHeader) : undefined
  return {
    language,
    culture: culture ?? 'en-US',
    timeZone: zone && 'zone' in zone ? zone : null,
  }
}

/**
 * The locale of a request; an unknown SO-TimeZone (or option) or a malformed SO-Culture is a 400
 * in the requested language.
 */
export function readLocale(header: HeaderOf): RequestLocale {
  const locale = lenientLocale(header)
  const culture = header('so-culture')
  if (culture?.trim() && !readLanguageAndCulture(header).culture) {
    throw new ApiError('BAD_REQUEST', say(locale, 'invalidCulture', { culture }), {
      errors: [{ path: '/headers/SO-Culture', message: culture, code: 'invalid_culture' }],
    })
  }
  const zoneHeader = header('so-timezone')
  const zone = zoneHeader?.trim() ? parseTimeZone(zoneHeader) : undefined
  if (zone && 'unknownZone' in zone) {
    throw new ApiError('BAD_REQUEST', say(locale, 'unknownTimeZone', { zone: zone.unknownZone }), {
      errors: [
        { path: '/headers/SO-TimeZone', message: zone.unknownZone, code: 'unknown_time_zone' },
      ],
    })
  }
  if (zone && 'unknownOption' in zone) {
    throw new ApiError(
      'BAD_REQUEST',
      say(locale, 'unknownTimeZoneOption', { option: zone.unknownOption }),
      {
        errors: [
          { path: '/headers/SO-TimeZone', message: zone.unknownOption, code: 'unknown_option' },
        ],
      }
    )
  }
  return locale
}

/** Reads the locale headers once per request, before authentication, so every answer uses them. */
export const localeMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set(
    'locale',
    readLocale((name) => requestHeader(c, name))
  )
  await next()
}

/** The request's locale: what the middleware read, or (outside `/api`, or when it refused) lenient. */
export function localeOf(c: Context): RequestLocale {
  const set = c.get('locale') as RequestLocale | undefined
  return set ?? lenientLocale((name) => requestHeader(c, name))
}

type ParamsOf<K extends keyof Messages> = Parameters<Messages[K]['US']>[0]
type Texts<P> = Partial<Record<LanguageCode, (p: P, n: NumberText) => string>> & {
  US: (p: P, n: NumberText) => string
}

/**
 * One of the service's own messages in the request's language (US when it has none, or when
 * resolution is off), numbers written in its culture.
 * @example say(localeOf(c), 'xmlDoctype', {})
 */
export function say<K extends keyof Messages>(
  locale: RequestLocale,
  key: K,
  params: ParamsOf<K>
): string {
  const texts = messages[key] as unknown as Texts<ParamsOf<K>>
  const text = (locale.language && texts[locale.language]) || texts.US
  return text(params, (n) => formatNumber(locale.culture, n))
}

export type { RequestLocale }
