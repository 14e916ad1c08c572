import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'

// The published document, read as a client reads it; its schemas are checked with an
// independent JSON Schema (2020-12) validator, not with the TypeBox model it came from.
const document = JSON.parse(
  readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')
)
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
// OpenAPI's numeric formats: the ranges are in minimum/maximum already.
for (const format of ['int32', 'double', 'binary']) {
  ajv.addFormat(format, true)
}
ajv.addSchema(document, 'openapi.json')

/** Whether `value` is valid against the schema at `pointer` in the document. */
function validAt(pointer: string, value: unknown): boolean {
  const validate = ajv.getSchema(`openapi.json#${pointer}`)
  if (!validate) {
    throw new Error(`no schema at ${pointer}`)
  }
  return validate(value) as boolean
}

const requestSchema = (path: string, method: string, mediaType: string) =>
  `/paths/${path.replaceAll('/', '~1')}/${method}/requestBody/content/${mediaType.replace('/', '~1')}/schema`

describe('Merge Patch bodies', () => {
  const patch = requestSchema('/api/v1/Ticket/{id}', 'patch', 'application/merge-patch+json')

  it('have a schema of their own, not the entity input', () => {
    for (const [path, method] of [
      ['/api/v1/Ticket/{id}', 'patch'],
      ['/api/v1/Ticket', 'post'],
    ] as const) {
      const content = document.paths[path][method].requestBody.content
      expect(content['application/merge-patch+json'].schema.$ref).toBe(
        '#/components/schemas/TicketEntityMergePatch'
      )
    }
  })

  it('take null for a property a ticket may leave empty, and only there', () => {
    expect(validAt(patch, { Deadline: null })).toBe(true)
    expect(validAt(patch, { OwnedBy: null, Category: null })).toBe(true)
    expect(validAt(patch, { Title: 'Printer on fire', Deadline: '2030-01-01T12:00:00Z' })).toBe(
      true
    )
    expect(validAt(patch, { OwnedBy: { AssociateId: 2 } })).toBe(true)
    expect(validAt(patch, {})).toBe(true)
    // The server refuses these with a 400: a title cannot be empty, a type must hold.
    expect(validAt(patch, { Title: null })).toBe(false)
    expect(validAt(patch, { Title: 123 })).toBe(false)
    expect(validAt(patch, { Slevel: 'NotALevel' })).toBe(false)
    expect(validAt(patch, { OwnedBy: { AssociateId: null } })).toBe(false)
  })

  it('name the properties null clears in their description', () => {
    const description: string = document.components.schemas.TicketEntityMergePatch.description
    expect(description).toMatch(/RFC 7396/)
    expect(description).toMatch(/`null` clears Activate, Deadline, OwnedBy/)
    expect(description).not.toMatch(/\bTitle\b/)
  })
})
