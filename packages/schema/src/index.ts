/**
 * @ticket/schema: the TypeBox model of TicketEntity and everything around it. It is the single
 * source of the OpenAPI document, the client types and the database tables.
 * @example
 * import { TicketEntity } from '@ticket/schema'
 * import { TypeCompiler } from '@sinclair/typebox/compiler'
 * TypeCompiler.Compile(TicketEntity).Check(body)
 */

export { apiSpec } from './api.ts'
export * from './model.ts'
export * from './operations/index.ts'
