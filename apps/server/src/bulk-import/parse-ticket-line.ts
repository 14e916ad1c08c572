import { type TicketEntity, TicketEntity as TicketEntitySchema } from '@ticket/schema'
import { ApiError, type FieldError } from '../http/api-error.ts'
import { fastEntityReader } from '../input/fast-entity.ts'
import { inspectBody, structuralGateCodes } from '../input/gate.ts'
import { compileBodyParser } from '../input/parse-body.ts'
import { datesIn } from '../locale/convert-dates.ts'

/**
 * Reads one import line the way `POST /Ticket` reads a JSON body (gate, dates to UTC, the body
 * parser), so a line is accepted or refused with the same problems as a create. Most lines of an
 * import are valid and already in the schema's own spelling: they take the fast reader a create
 * takes too (`input/fast-entity.ts`). Any other line takes the full path and its problem details.
 * @example const input = parseTicketLine('{"Title":"Printer on fire"}')
 */
export function parseTicketLine(text: string): Partial<TicketEntity> {
  const raw: unknown = JSON.parse(text)
  const fast = readFast(text, raw, null)
  return fast === undefined ? parseLikeCreate(raw) : (fast as Partial<TicketEntity>)
}

/** The full path alone, as a create reads the line (what the fast path must agree with). */
export const parseTicketLineFully = (text: string) => parseLikeCreate(JSON.parse(text))

/** True when the line takes the fast path. */
export const readsFast = (text: string) => readFast(text, JSON.parse(text), null) !== undefined

const readFast = fastEntityReader(TicketEntitySchema)

const parseTicket = compileBodyParser(TicketEntitySchema)

/**
 * The full path, in a create's order: the request gate (its structural problems stop the line at
 * once, its text problems are reported with the parser's), dates read as UTC (an import has no
 * SO-TimeZone), the body parser.
 */
function parseLikeCreate(raw: unknown): Partial<TicketEntity> {
  const gateErrors = inspectBody(raw, TicketEntitySchema)
  if (gateErrors.some((error) => structuralGateCodes.has(error.code))) {
    throw invalidLine(gateErrors)
  }
  let input: Partial<TicketEntity>
  try {
    input = parseTicket(datesIn(raw, TicketEntitySchema, null))
  } catch (error) {
    if (gateErrors.length === 0 || !(error instanceof ApiError) || error.code !== 'VALIDATION') {
      throw error
    }
    const seen = new Set(error.errors.map((e) => e.path))
    throw invalidLine([...error.errors, ...gateErrors.filter((e) => !seen.has(e.path))])
  }
  if (gateErrors.length > 0) {
    throw invalidLine(gateErrors)
  }
  return input
}

const invalidLine = (errors: FieldError[]) =>
  new ApiError('VALIDATION', `${errors.length} invalid field(s) in the body.`, { errors })
