import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { getHttpOperationsFromSpec } from '@stoplight/prism-http'

/** One operation of the published document as the validator reads it. */
export type DocumentOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number]

const documentPath = createRequire(import.meta.url).resolve('@ticket/schema/openapi.json')

let loading: Promise<DocumentOperation[]> | undefined

/**
 * The operations of the published OpenAPI document (the file the server serves at
 * `/openapi.json`), read once per test worker.
 */
export function documentOperations(): Promise<DocumentOperation[]> {
  loading ??= read()
  return loading
}

async function read() {
  const document = JSON.parse(readFileSync(documentPath, 'utf8'))
  const operations = await getHttpOperationsFromSpec(document)
  const shared = new Map<string, unknown>()
  for (const operation of operations) {
    useDocumentDialect(operation)
    forEachContent(operation, dropSchemaOfUnparsedBody)
    shareEqualSchemas(operation, shared)
  }
  return operations
}

/**
 * Prism compiles a schema per schema object (with its operation's bundle of referenced
 * components), and the converter gives every operation and media type its own copies: equal
 * ones are made one object, so each distinct schema is compiled once, not hundreds of times.
 */
function shareEqualSchemas(operation: DocumentOperation, shared: Map<string, unknown>) {
  const holder = operation as unknown as Record<string, unknown>
  const bundleKey = JSON.stringify(holder.__bundled__ ?? null)
  if (holder.__bundled__ !== undefined) {
    holder.__bundled__ = share(shared, `bundle ${bundleKey}`, holder.__bundled__)
  }
  forEachContent(operation, (content) => {
    if (content.schema !== undefined) {
      const key = `schema ${bundleKey} ${JSON.stringify(content.schema)}`
      content.schema = share(shared, key, content.schema)
    }
  })
}

function share(shared: Map<string, unknown>, key: string, value: unknown) {
  const existing = shared.get(key)
  if (existing !== undefined) {
    return existing
  }
  shared.set(key, value)
  return value
}

const draft7 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/
const dialect = 'https://json-schema.org/draft/2020-12/schema'

/**
 * The converter labels every schema draft-07; an OpenAPI 3.1 document's schemas are JSON Schema
 * 2020-12, so the validator is told to read them as that.
 */
function useDocumentDialect(node: unknown) {
  const stack = [node]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value !== 'object' || value === null || seen.has(value)) {
      continue
    }
    seen.add(value)
    const record = value as Record<string, unknown>
    if (typeof record.$schema === 'string' && draft7.test(record.$schema)) {
      record.$schema = dialect
    }
    // The converter's node ids make every copy of a schema unique; validation never reads them.
    delete record['x-stoplight']
    stack.push(...Object.values(record))
  }
}

/** Media types whose bodies the validator parses: JSON, and forms (Prism decodes those). */
const parsedBody = /([/+]json|^application\/x-www-form-urlencoded|^multipart\/form-data)$/i

/**
 * Prism cannot parse XML (nor a file's bytes): such a body is checked for its media type only,
 * not against the schema the document gives it.
 */
function dropSchemaOfUnparsedBody(content: { mediaType: string; schema?: unknown }) {
  if (!parsedBody.test(content.mediaType)) {
    delete content.schema
  }
}

function forEachContent(
  operation: DocumentOperation,
  visit: (content: { mediaType: string; schema?: unknown }) => void
) {
  for (const content of operation.request?.body?.contents ?? []) {
    visit(content)
  }
  for (const response of operation.responses) {
    for (const content of response.contents ?? []) {
      visit(content)
    }
  }
}
