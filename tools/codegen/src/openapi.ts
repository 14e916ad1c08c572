import type { ApiSpec, HttpMethod } from './contract'
import { type JsonObject, toJsonValue } from './json'
import { buildOperation, securityRequirements } from './openapi-operation'
import { toJsonSchema } from './to-json-schema'

/** The emitted document: plain JSON, ready for `serializeJson`. */
export interface OpenApiDocument extends JsonObject {
  openapi: '3.1.0'
  info: JsonObject
  paths: JsonObject
  components: JsonObject
}

/** The Path Item Object's field order, so operations appear as OpenAPI lists them. */
const methodOrder: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch']

/** Code-point order: unlike `localeCompare` it cannot vary with the machine's locale. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Builds an OpenAPI 3.1.0 document from an ApiSpec. Deterministic: component and path keys are
 * sorted, operations follow OpenAPI's method order, object properties keep their defined order.
 *
 * @example
 * const doc = buildOpenApiDocument({
 *   info: { title: 'Tickets', version: '1.0.0' },
 *   components: [TicketEntity],
 *   operations: [{ operationId: 'getTicket', method: 'get', path: '/Ticket/{id}', summary: 'Get',
 *     tags: ['Ticket'], params: Type.Object({ id: Type.Integer() }),
 *     responses: { 200: { description: 'OK', schema: TicketEntity } } }],
 *   responseMediaTypes: ['application/json'],
 *   securitySchemes: { basic: { type: 'http', scheme: 'basic' } },
 *   defaultSecurity: ['basic'],
 * })
 * writeFileSync('openapi.json', serializeJson(stampJson(doc, 'scripts/generate.ts')))
 */
export function buildOpenApiDocument(spec: ApiSpec): OpenApiDocument {
  const componentIds = collectComponentIds(spec)
  const schemas: JsonObject = {}
  for (const schema of [...spec.components].sort((a, b) => byCodePoint(idOf(a), idOf(b)))) {
    const id = idOf(schema)
    const converted = toJsonSchema(schema, { componentIds, root: true, formats: spec.formats })
    // XML names the root element after the component, not after the property holding it.
    schemas[id] = converted.type === 'object' ? { ...converted, xml: { name: id } } : converted
  }
  const info: JsonObject = { title: spec.info.title, version: spec.info.version }
  if (spec.info.description !== undefined) {
    info.description = spec.info.description
  }
  if (spec.info.license !== undefined) {
    info.license = toJsonValue(spec.info.license)
  }
  return {
    openapi: '3.1.0',
    info,
    ...(spec.servers ? { servers: spec.servers.map((server) => toJsonValue(server)) } : {}),
    tags: collectTags(spec),
    security: securityRequirements(spec.defaultSecurity),
    paths: buildPaths(spec, componentIds),
    components: { schemas, securitySchemes: sortKeys(spec.securitySchemes) },
  }
}

function idOf(schema: { $id?: string }): string {
  if (typeof schema.$id !== 'string' || schema.$id === '') {
    throw new Error('every schema in spec.components needs a $id')
  }
  return schema.$id
}

function collectComponentIds(spec: ApiSpec): Set<string> {
  const ids = new Set<string>()
  for (const schema of spec.components) {
    const id = idOf(schema)
    if (ids.has(id)) {
      throw new Error(`duplicate component $id '${id}'`)
    }
    ids.add(id)
  }
  return ids
}

function collectTags(spec: ApiSpec): JsonObject[] {
  const names = new Set(spec.operations.flatMap((op) => op.tags))
  if (!spec.tags) {
    return [...names].sort(byCodePoint).map((name) => ({ name }))
  }
  const described = new Set(spec.tags.map((tag) => tag.name))
  for (const name of names) {
    if (!described.has(name)) {
      throw new Error(`tag '${name}' is used by an operation but not described in spec.tags`)
    }
  }
  return spec.tags.filter((tag) => names.has(tag.name)).map((tag) => ({ ...tag }))
}

function buildPaths(spec: ApiSpec, componentIds: ReadonlySet<string>): JsonObject {
  const byPath = new Map<string, Map<HttpMethod, JsonObject>>()
  const operationIds = new Set<string>()
  for (const op of spec.operations) {
    if (operationIds.has(op.operationId)) {
      throw new Error(`duplicate operationId '${op.operationId}'`)
    }
    operationIds.add(op.operationId)
    const item = byPath.get(op.path) ?? new Map<HttpMethod, JsonObject>()
    if (item.has(op.method)) {
      throw new Error(`two operations for ${op.method.toUpperCase()} ${op.path}`)
    }
    item.set(op.method, buildOperation(op, spec, componentIds))
    byPath.set(op.path, item)
  }
  const lead = spec.operations.find((op) => op.operationId === spec.leadOperation)
  if (spec.leadOperation !== undefined && !lead) {
    throw new Error(`leadOperation '${spec.leadOperation}' is not an operation`)
  }
  const leadFirst = <T>(items: T[], isLead: (item: T) => boolean) => [
    ...items.filter(isLead),
    ...items.filter((item) => !isLead(item)),
  ]
  const paths: JsonObject = {}
  for (const path of leadFirst([...byPath.keys()].sort(byCodePoint), (p) => p === lead?.path)) {
    const item = byPath.get(path)
    const pathItem: JsonObject = {}
    const methods =
      path === lead?.path ? leadFirst([...methodOrder], (m) => m === lead.method) : methodOrder
    for (const method of methods) {
      const operation = item?.get(method)
      if (operation !== undefined) {
        pathItem[method] = operation
      }
    }
    paths[path] = pathItem
  }
  return paths
}

function sortKeys(record: Record<string, Record<string, unknown>>): JsonObject {
  const out: JsonObject = {}
  for (const key of Object.keys(record).sort(byCodePoint)) {
    out[key] = toJsonValue(record[key])
  }
  return out
}
