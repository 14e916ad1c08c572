import { ApiError } from '../http/api-error.ts'

export const realm = 'Ticket: SuperOffice Username or Ticket'

/** A 401 with the Basic challenge every 401 carries (see docs/decisions.md). */
export const unauthorized = (detail: string): ApiError =>
  new ApiError('UNAUTHORIZED', detail, {
    headers: { 'WWW-Authenticate': `Basic realm="${realm}", charset="UTF-8"` },
  })
