import { readFile } from 'node:fs/promises'
import type { TenantFile } from '@ticket/schema'
import { TenantFileError } from './tenant-file-error.ts'
import { validateTenantFile } from './validate-tenant-file.ts'

/**
 * Reads, parses and validates a tenant file; every failure (missing file, bad JSON, schema
 * errors) is a TenantFileError naming the file.
 */
export async function loadTenantFile(path: string): Promise<TenantFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new TenantFileError([{ path: '', message: `cannot read the file: ${reason}` }], path)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new TenantFileError([{ path: '', message: `not valid JSON: ${reason}` }], path)
  }
  return validateTenantFile(parsed, path)
}
