import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { TenantFile } from '@ticket/schema'
import { TenantFileError, type TenantFileIssue } from './tenant-file-error.ts'

// Compile once: the validator is reused by every start and CLI run.
const check = TypeCompiler.Compile(TenantFile)

function messageOf(schema: TSchema, message: string): string {
  const names: unknown = schema.enum
  return Array.isArray(names) ? `Expected one of ${names.join(', ')}` : message
}

/**
 * Checks a parsed tenant file against the `TenantFile` schema and returns it typed; otherwise
 * throws a TenantFileError listing every invalid path (JSON pointers into the file).
 * @example const file = validateTenantFile(JSON.parse(text), 'demo.tenant.json')
 */
export function validateTenantFile(value: unknown, source?: string): TenantFile {
  if (check.Check(value)) {
    return value
  }
  // One issue per path: a missing property is also "not a string", which adds nothing.
  const issues = new Map<string, TenantFileIssue>()
  for (const error of check.Errors(value)) {
    if (!issues.has(error.path)) {
      issues.set(error.path, { path: error.path, message: messageOf(error.schema, error.message) })
    }
  }
  throw new TenantFileError([...issues.values()], source)
}
