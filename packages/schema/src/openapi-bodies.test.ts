import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import responseSample from './entities/fixtures/post-ticket-response-sample.json' with {
  type: 'json',
}
import sample from './entities/fixtures/post-ticket-sample.json' with { type: 'json' }

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

describe('examples /docs shows', () => {
  const schemas = document.components.schemas

  it('the save body: the reference sample, less what a client cannot send, valid input', () => {
    const save = document.paths['/api/v1/Ticket'].post.requestBody.content['application/json']
    expect(save.schema.$ref).toBe('#/components/schemas/TicketEntityInput')
    const [example] = schemas.TicketEntityInput.examples
    expect(validAt('/components/schemas/TicketEntityInput', example)).toBe(true)
    // Every value is the sample's; what is left out is read-only in TicketEntity.
    expect(sample).toMatchObject(example)
    expect(example.Title).toBe(sample.Title)
    expect(example.SecondaryPersons).toHaveLength(sample.SecondaryPersons.length)
    const dropped = Object.keys(sample).filter((name) => !(name in example))
    expect(dropped).toContain('CreatedAt')
    for (const name of dropped) {
      expect(schemas.TicketEntity.properties[name].readOnly, name).toBe(true)
    }
  })

  it('the saved ticket: the reference response sample, valid against TicketEntity', () => {
    expect(schemas.TicketEntity.examples).toEqual([responseSample])
    expect(validAt('/components/schemas/TicketEntity', responseSample)).toBe(true)
  })

  it('the ticket read: the same sample with its links, valid against TicketEntityWithLinks', () => {
    const [example] = schemas.TicketEntityWithLinks.examples
    const { _Links, ...entity } = example
    expect(entity).toEqual(responseSample)
    expect(_Links.Self).toMatch(new RegExp(`/api/v1/Ticket/${responseSample.TicketId}$`))
    expect(validAt('/components/schemas/TicketEntityWithLinks', example)).toBe(true)
  })

  it('are checked for real: a wrong type in the sample would not pass', () => {
    expect(validAt('/components/schemas/TicketEntity', { ...responseSample, Title: 7 })).toBe(false)
  })
})
