import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The server package's folder (the one holding its package.json, `drizzle/` and `tenant/`). Found
 * by walking up from this module, so it is the same whether the code runs from `src/` or from
 * the bundle in `dist/`.
 */
export const serverRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

function findPackageRoot(from: string): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) {
      throw new Error(`no package.json above ${from}`)
    }
    dir = parent
  }
  return dir
}
