import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Writes `content` to `path` only when it differs from what is there. Watchers (`pnpm dev`)
 * react to writes, so an unchanged generated file must not be touched. Returns whether it wrote.
 * @example writeIfChanged(new URL('../generated/openapi.json', import.meta.url), text)
 */
export function writeIfChanged(path: string | URL, content: string): boolean {
  const file = typeof path === 'string' ? path : fileURLToPath(path)
  if (existsSync(file) && readFileSync(file, 'utf8') === content) {
    return false
  }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
  return true
}
