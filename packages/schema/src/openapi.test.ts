import { readFileSync } from 'node:fs'
import { buildOpenApiDocument } from '@ticket/codegen'
import { describe, expect, it } from 'vitest'
import { apiSpec } from './api.ts'
import { TicketEntity } from './model.ts'
import { operations } from './operations/index.ts'

const committed = JSON.parse(
  readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')
)
const fresh = buildOpenApiDocument(apiSpec)

describe('generated/openapi.json', () => {
  it('is what the schema generates today (run `pnpm generate` when this fails)', () => {
    const { 'x-generated': stamp, ...info } = committed.info
    expect(stamp).toMatch(/Do not edit/)
    expect({ ...committed, info }).toEqual(JSON.parse(JSON.stringify(fresh)))
  })

  it('has exactly the schema properties of TicketEntity, in order', () => {
    const schema = committed.components.schemas.TicketEntity
    expect(Object.keys(schema.properties)).toEqual(Object.keys(TicketEntity.properties))
    expect(schema.properties.CreatedAt.readOnly).toBe(true)
    expect(schema.properties.Title.description).toBe(TicketEntity.properties.Title.description)
  })

  it('documents every operation of the operations table with its errors', () => {
    for (const op of operations) {
      const documented = committed.paths[op.path]?.[op.method]
      expect(documented?.operationId, `${op.method} ${op.path}`).toBe(op.operationId)
      const statuses = Object.keys(documented.responses)
      if (op.security === undefined) {
        expect(statuses, op.operationId).toEqual(expect.arrayContaining(['400', '401', '500']))
      }
    }
  })

  it('documents the notify parameter and XML names of the save operation', () => {
    const save = committed.paths['/api/v1/Ticket'].post
    expect(save.parameters).toContainEqual(
      expect.objectContaining({ name: 'notify', in: 'query', required: false })
    )
    expect(Object.keys(save.requestBody.content)).toEqual(
      expect.arrayContaining(['application/xml', 'application/json-patch+json'])
    )
    expect(committed.components.schemas.TicketEntity.xml).toEqual({ name: 'TicketEntity' })
    expect(committed.components.schemas.TicketEntity.properties.Tags.xml).toEqual({ wrapped: true })
  })

  it('offers Basic, Bearer, SOTicket and the session cookie', () => {
    expect(Object.keys(committed.components.securitySchemes).sort()).toEqual([
      'Basic',
      'Bearer',
      'SOTicket',
      'SessionCookie',
    ])
  })
})
