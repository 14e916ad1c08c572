/**
 * @ticket/codegen: generic generators from TypeBox schemas plus `x-db` hints and operation
 * records (see `contract.ts`) to OpenAPI 3.1, Drizzle schemas and row projections.
 */
export type * from './contract'
export { type Dialect, type EmitOptions, emitDrizzleSchema } from './drizzle'
export type { JsonObject, JsonSchema, JsonValue } from './json'
export { buildOpenApiDocument, type OpenApiDocument } from './openapi'
export { buildProjections, emitProjection } from './projection'
export type * from './projection-types'
export { serializeJson, stampJson } from './stamp'
export { componentRefPrefix, type ToJsonSchemaOptions, toJsonSchema } from './to-json-schema'
export { writeIfChanged } from './write-if-changed'
