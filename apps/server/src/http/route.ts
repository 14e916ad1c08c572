import type { Static, TObject, TSchema } from '@sinclair/typebox'
import type { OperationSpec } from '@ticket/codegen'
import { IGNORED_PROPERTIES_HEADER, JsonPatch, operations } from '@ticket/schema'
import type { Context, Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { fastEntityReader } from '../input/fast-entity.ts'
import { type BodyParserOptions, compileBodyParser } from '../input/parse-body.ts'
import { ApiError, type FieldError } from './api-error.ts'
import { bodySpecOf } from './body-spec.ts'
import { prepareHeader } from './complete-answer.ts'
import { noEntityToSave } from './entity-to-save.ts'
import { compileParamsParser } from './parse-input.ts'
import { readRequestBody } from './read-body.ts'
import { requestHeader } from './request-header.ts'
import { negotiateFor, type Representation, renderEntity, sendEntity } from './send-entity.ts'
import { kindOf } from './wire-schema.ts'

/** A patch body: applied to a document by the handler, then parsed as the entity. */
export type PatchBody = { kind: 'json-patch' | 'merge-patch'; value: unknown }

type ParamsOf<O> = O extends { params: infer P extends TObject } ? Static<P> : Record<never, never>
type QueryOf<O> = O extends { query: infer Q extends TObject } ? Static<Q> : Record<never, never>
type HeadersOf<O> = O extends { headers: infer H extends TObject }
  ? Static<H>
  : Record<never, never>

/**
 * The body a handler receives: the parsed entity (partial: a carrier may be sent as its id);
 * with patch alternatives, the entity or the patch; `null` when an optional body was not sent.
 */
export type BodyOf<O> = O extends { body: { schema: infer B extends TSchema } }
  ? B extends typeof JsonPatch
    ? PatchBody
    : O extends { body: { alternatives: unknown[] } }
      ? { kind: 'entity'; value: Partial<Static<B>> } | PatchBody
      : O extends { body: { required: true } }
        ? Partial<Static<B>>
        : Partial<Static<B>> | null
  : undefined

type SuccessSchema<O> = O extends { responses: { 200: { schema: infer R extends TSchema } } }
  ? R
  : O extends { responses: { 201: { schema: infer R extends TSchema } } }
    ? R
    : O extends { responses: { 202: { schema: infer R extends TSchema } } }
      ? R
      : never

/**
 * The operation's success response; the value is sent in the negotiated format. With `version`
 * it carries the ETag of this representation of that version.
 */
export type Send<O> = (
  body: Static<SuccessSchema<O>>,
  extra?: { headers?: Record<string, string>; version?: number }
) => Response

/**
 * The operation's success value as its representation for this request (negotiated format,
 * language, time zone; the ETag of `version`), to keep and answer with `sendRepresentation`.
 */
export type Render<O> = (body: Static<SuccessSchema<O>>, version?: number) => Representation

export interface RouteInput<O, F = never> {
  params: ParamsOf<O>
  query: QueryOf<O>
  headers: HeadersOf<O>
  body: BodyOf<O>
  /** The files of a `multipart/form-data` body (see `RouteOptions.multipart`); else empty. */
  files: F[]
  send: Send<O>
  render: Render<O>
}

/** A `multipart/form-data` body read into the entity's fields and the files beside them. */
export interface MultipartBody<F> {
  fields: Record<string, unknown>
  files: F[]
}

export interface RouteOptions<O, F = never> {
  /** Runs before anything is parsed (an admin check: a refused caller learns nothing more). */
  guard?: (c: Context<AppEnv>) => void
  /** How the body is parsed beyond its schema (a complete document, extra rules). */
  body?: O extends { body: { schema: infer B extends TSchema } }
    ? BodyParserOptions<Static<B>>
    : never
  /**
   * Reads a `multipart/form-data` body, for an operation that declares it as a body alternative:
   * the fields are parsed as the entity, like any other body, and the files reach the handler.
   */
  multipart?: (c: Context<AppEnv>) => Promise<MultipartBody<F>>
}

export type RouteHandler<O, F = never> = (
  c: Context<AppEnv>,
  input: RouteInput<O, F>
) => Response | Promise<Response>

/** `/api/v1/Ticket/{id}` as Hono writes it: `/api/v1/Ticket/:id`. */
const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1')

const noPairs: [string, string][] = []
/** A request URL's query pairs; one without `?` has none, and is not parsed for them. */
const queryOf = (url: string) => (url.includes('?') ? new URL(url).searchParams : noPairs)

/**
 * The Hono handler for an operation: its path, query and body parsers are compiled from the spec
 * here, once; a request gets its path, query, headers and body parsed and typed, and `send` answers with the spec's success
 * status and schema.
 */
function bindOperation<O extends OperationSpec, F = never>(
  op: O,
  handler: RouteHandler<O, F>,
  options: RouteOptions<O, F> = {}
): (c: Context<AppEnv>) => Promise<Response> {
  const parseParams = op.params ? compileParamsParser(op.params, 'path') : () => ({})
  const parseQuery = op.query ? compileParamsParser(op.query, 'query') : () => ({})
  const parseHeaders = op.headers ? compileParamsParser(op.headers, 'headers') : () => ({})
  const headerNames = (op.headers ? Object.keys(op.headers.properties) : []).map(
    (name) => [name, name.toLowerCase() as Lowercase<string>] as const
  )
  // Only the declared headers, each looked up by name: listing all of them would first build the
  // request's full web Headers.
  const declaredHeaders = (c: Context<AppEnv>) => {
    const found: [string, string][] = []
    for (const [name, lowerCase] of headerNames) {
      const value = requestHeader(c, lowerCase)
      if (value !== undefined) {
        found.push([name, value])
      }
    }
    return found
  }
  const readBody = op.body
    ? compileBodyReader(op, options.body, options.multipart)
    : async () => ({ body: undefined, files: [] })
  const success = successOf(op)
  const send =
    (c: Context<AppEnv>) =>
    (body: unknown, extra: { headers?: Record<string, string>; version?: number } = {}) =>
      sendEntity(c, body, success.carrier, success.status, extra.headers, extra.version)
  const render = (c: Context<AppEnv>) => (body: unknown, version?: number) =>
    renderEntity(c, body, success.carrier, version)
  return async (c) => {
    options.guard?.(c)
    const params = parseParams(Object.entries(c.req.param()))
    const query = parseQuery(queryOf(c.req.url))
    const headers = parseHeaders(declaredHeaders(c))
    const { body, files } = await readBody(c)
    return handler(c, {
      params,
      query,
      headers,
      body,
      files,
      send: send(c),
      render: render(c),
    } as RouteInput<O, F>)
  }
}

function compileBodyReader<F>(
  op: OperationSpec,
  options: BodyParserOptions<unknown> = {},
  multipart?: (c: Context<AppEnv>) => Promise<MultipartBody<F>>
) {
  const spec = bodySpecOf(op)
  const parse =
    spec.schema && spec.schema !== JsonPatch ? compileBodyParser(spec.schema, options) : undefined
  // The fast reading makes what the plain parser makes; a parser with options (every required
  // property, extra checks) keeps the full reading.
  const fast =
    parse && spec.schema && !options.complete && !options.refine
      ? fastEntityReader(spec.schema)
      : undefined
  const hasAlternatives = (op.body?.alternatives?.length ?? 0) > 0
  const entity = (c: Context<AppEnv>, value: unknown, earlier: FieldError[]) => {
    if (!parse) {
      return value
    }
    const ignored: string[] = []
    const parsed = parseWith((v) => parse(v, ignored), value, earlier)
    announceIgnored(c, ignored)
    return hasAlternatives ? { kind: 'entity', value: parsed } : parsed
  }
  const readMultipart =
    multipart && parse
      ? async (c: Context<AppEnv>) => {
          // As for any body: a request whose answer cannot be sent changes nothing.
          negotiateFor(c)
          const upload = await multipart(c)
          return { body: entity(c, upload.fields, []), files: upload.files }
        }
      : undefined
  return async (c: Context<AppEnv>): Promise<{ body: unknown; files: F[] }> => {
    if (readMultipart && isMultipart(c)) {
      return readMultipart(c)
    }
    return { body: await readBody(c), files: [] }
  }

  async function readBody(c: Context<AppEnv>): Promise<unknown> {
    const body = await readRequestBody(c, spec, fast)
    if (body.value === null) {
      if (op.body?.required) {
        throw noEntityToSave()
      }
      return null
    }
    if (body.kind === 'entity' && body.parsed) {
      return hasAlternatives ? { kind: 'entity', value: body.value } : body.value
    }
    if (body.kind !== 'entity' || !parse) {
      if (body.kind === 'entity' && body.textErrors) {
        throw invalidBody(body.textErrors)
      }
      return body
    }
    return entity(c, body.value, body.textErrors ?? [])
  }
}

const isMultipart = (c: Context) =>
  /^multipart\/form-data\b/i.test(requestHeader(c, 'content-type') ?? '')

/**
 * Unknown properties are ignored, as SuperOffice does, but never silently: the response names
 * them (JSON pointers, percent-encoded so any name fits a header, at most 50).
 */
function announceIgnored(c: Context<AppEnv>, ignored: string[]) {
  if (ignored.length > 0) {
    const pointers = ignored.slice(0, 50).map((p) => p.split('/').map(encodeURIComponent).join('/'))
    prepareHeader(c, IGNORED_PROPERTIES_HEADER, pointers.join(', '))
  }
}

/** Parses `value`, reporting `earlier` problems (the gate's) with the parser's in one 400. */
function parseWith<T>(parse: (body: unknown) => T, value: unknown, earlier: FieldError[]): T {
  try {
    const parsed = parse(value)
    if (earlier.length > 0) {
      throw invalidBody(earlier)
    }
    return parsed
  } catch (error) {
    if (earlier.length === 0 || !(error instanceof ApiError) || error.code !== 'VALIDATION') {
      throw error
    }
    const seen = new Set(error.errors?.map((e) => e.path))
    throw invalidBody([...(error.errors ?? []), ...earlier.filter((e) => !seen.has(e.path))])
  }
}

const invalidBody = (errors: FieldError[]) =>
  new ApiError('VALIDATION', `${errors.length} invalid field(s) in the body.`, { errors })

function successOf(op: OperationSpec) {
  const status = Object.keys(op.responses)
    .map(Number)
    .filter((code) => code >= 200 && code < 300)
    .sort((a, b) => a - b)[0]
  const schema = status === undefined ? undefined : op.responses[status]?.schema
  return { status: (status ?? 200) as 200, carrier: schema ? carrierNameOf(schema) : '' }
}

/** The carrier a response schema names: its `$id`, a list's item, or the non-null member. */
function carrierNameOf(schema: TSchema): string {
  if (typeof schema.$id === 'string') {
    return schema.$id
  }
  if (kindOf(schema) === 'array') {
    return carrierNameOf(schema.items as TSchema)
  }
  const members = (schema.anyOf ?? []) as TSchema[]
  const named = members.find((member) => typeof member.$id === 'string')
  return named ? (named.$id as string) : ''
}

const served = new WeakMap<Hono<AppEnv>, Set<string>>()

/** Records that `app` serves an operation. */
function markServed(app: Hono<AppEnv>, op: OperationSpec): void {
  const ids = served.get(app) ?? new Set<string>()
  ids.add(op.operationId)
  served.set(app, ids)
}

/**
 * Serves an operation from the contract: `route(app, ops.GetTicketEntity, async (c, { params, send }) => …)`.
 * The handler receives typed params, query and body; it never writes its path or schema.
 */
export function route<O extends OperationSpec, F = never>(
  app: Hono<AppEnv>,
  op: O,
  handler: RouteHandler<O, F>,
  options: RouteOptions<O, F> = {}
): void {
  app.on(op.method.toUpperCase(), honoPath(op.path), bindOperation(op, handler, options))
  markServed(app, op)
}

/** A documented operation without a handler is a broken build: the app refuses to start. */
export function assertEveryOperationServed(app: Hono<AppEnv>): void {
  const ids = served.get(app) ?? new Set<string>()
  const missing = operations.filter((op) => !ids.has(op.operationId)).map((op) => op.operationId)
  if (missing.length > 0) {
    throw new Error(`Documented operations without a handler: ${missing.join(', ')}`)
  }
}
