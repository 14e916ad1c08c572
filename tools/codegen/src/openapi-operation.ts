import type { TObject, TSchema } from '@sinclair/typebox'
import type { ApiSpec, OperationSpec, ResponseSpec } from './contract'
import type { JsonObject, JsonSchema } from './json'
import { toJsonSchema } from './to-json-schema'

type ParameterLocation = 'path' | 'query' | 'header'

/**
 * One OperationSpec → an OpenAPI Operation Object. Key order is fixed by construction so the
 * serialized document is byte-stable.
 */
export function buildOperation(
  op: OperationSpec,
  spec: ApiSpec,
  componentIds: ReadonlySet<string>
): JsonObject {
  const schema = (s: TSchema): JsonSchema =>
    toJsonSchema(s, { componentIds, formats: spec.formats })
  const out: JsonObject = { operationId: op.operationId, summary: op.summary }
  if (op.description !== undefined) {
    out.description = op.description
  }
  out.tags = [...op.tags]
  const parameters = [
    ...buildParameters(op.params, 'path', schema),
    ...buildParameters(op.query, 'query', schema),
    ...buildParameters(op.headers, 'header', schema),
  ]
  if (parameters.length > 0) {
    out.parameters = parameters
  }
  if (op.body !== undefined) {
    const body: JsonObject = {}
    if (op.body.description !== undefined) {
      body.description = op.body.description
    }
    body.required = op.body.required
    body.content = buildContent(op.body.mediaTypes, schema(op.body.input ?? op.body.schema))
    for (const alternative of op.body.alternatives ?? []) {
      Object.assign(body.content, buildContent(alternative.mediaTypes, schema(alternative.schema)))
    }
    out.requestBody = body
  } else if (op.unreadBody !== undefined) {
    out.requestBody = {
      description: op.unreadBody.description,
      required: false,
      content: buildContent(op.unreadBody.mediaTypes, {}),
    }
  }
  out.responses = buildResponses(op.responses, spec.responseMediaTypes, schema)
  const security = operationSecurity(op.security, spec.defaultSecurity)
  if (security !== undefined) {
    out.security = security
  }
  return out
}

function buildParameters(
  object: TObject | undefined,
  location: ParameterLocation,
  schema: (s: TSchema) => JsonSchema
): JsonObject[] {
  if (object === undefined) {
    return []
  }
  const required = new Set(object.required ?? [])
  return Object.keys(object.properties).map((name) => {
    const property = object.properties[name]
    if (property === undefined) {
      throw new Error(`parameter '${name}' has no schema`)
    }
    const parameter: JsonObject = {
      name,
      in: location,
      // OpenAPI requires path parameters to be required: true.
      required: location === 'path' || required.has(name),
    }
    if (typeof property.description === 'string') {
      parameter.description = property.description
    }
    parameter.schema = schema(property)
    return parameter
  })
}

function buildContent(mediaTypes: readonly string[], schema: JsonSchema): JsonObject {
  const content: JsonObject = {}
  for (const mediaType of mediaTypes) {
    content[mediaType] = { schema }
  }
  return content
}

function buildResponses(
  responses: Record<number, ResponseSpec>,
  defaultMediaTypes: readonly string[],
  schema: (s: TSchema) => JsonSchema
): JsonObject {
  const out: JsonObject = {}
  const statuses = Object.keys(responses).sort((a, b) => Number(a) - Number(b))
  for (const status of statuses) {
    const response = responses[Number(status)]
    if (response === undefined) {
      continue
    }
    const entry: JsonObject = { description: response.description }
    if (response.headers !== undefined) {
      const headers: JsonObject = {}
      for (const [name, header] of Object.entries(response.headers)) {
        headers[name] = { description: header.description, schema: schema(header.schema) }
      }
      entry.headers = headers
    }
    const documented = response.output ?? response.schema
    if (documented !== undefined) {
      entry.content = buildContent(response.mediaTypes ?? defaultMediaTypes, schema(documented))
    }
    out[status] = entry
  }
  return out
}

/**
 * `[]` (public) must be written out, otherwise the global requirement applies; a list equal to
 * the default is omitted so the document states the default once.
 */
function operationSecurity(
  security: readonly string[] | undefined,
  defaults: readonly string[]
): JsonObject[] | undefined {
  if (security === undefined) {
    return undefined
  }
  if (security.length > 0 && security.join('\n') === defaults.join('\n')) {
    return undefined
  }
  return securityRequirements(security)
}

/** Names → alternative Security Requirement Objects (any one suffices). */
export function securityRequirements(names: readonly string[]): JsonObject[] {
  return names.map((name) => ({ [name]: [] }))
}
