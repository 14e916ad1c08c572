import { ApiError } from './api-error.ts'

/** Query parameters by name, case-insensitively (SuperOffice clients vary the casing). */
export function queryParam(url: string, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of new URL(url).searchParams) {
    if (key.toLowerCase() === wanted) {
      return value
    }
  }
  return undefined
}

/** `true`/`false`/`1`/`0` in any case; absent is the default; anything else is a 400. */
export function booleanParam(url: string, name: string, fallback = false): boolean {
  const raw = queryParam(url, name)
  if (raw === undefined || raw === '') {
    return fallback
  }
  const value = raw.toLowerCase()
  if (value === 'true' || value === '1') {
    return true
  }
  if (value === 'false' || value === '0') {
    return false
  }
  throw new ApiError('VALIDATION', `Query parameter ${name} must be true or false.`, {
    errors: [
      { path: `/query/${name}`, message: `expected true or false, got ${raw}`, code: 'type' },
    ],
  })
}

/** A positive integer id from a path or query value; anything else is a 400. */
export function idParam(raw: string | undefined, name: string): number {
  const id = Number(raw)
  if (!raw || !/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0 || id > 2147483647) {
    throw new ApiError('VALIDATION', `${name} must be a positive integer.`, {
      errors: [
        {
          path: `/${name}`,
          message: `expected a positive integer, got ${raw ?? 'nothing'}`,
          code: 'type',
        },
      ],
    })
  }
  return id
}
