// `pnpm build`: bundles the server and its operator commands into dist/ as plain JavaScript, so
// production runs `node dist/main.js` with no TypeScript loader. Workspace packages (@ticket/*)
// ship TypeScript source and are bundled in; every npm dependency stays external and is loaded
// from node_modules (better-sqlite3 is native, the rest keeps its own file layout).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { build } from 'esbuild'

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>
  scripts: Record<string, string>
}
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@ticket/'))
// The operator commands are the package scripts that run a file in src/cli.
const commands = Object.values(manifest.scripts).flatMap(
  (script) => /\b(src\/cli\/[\w-]+\.ts)\b/.exec(script)?.[1] ?? []
)

const result = await build({
  entryPoints: ['src/main.ts', ...commands],
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  write: false,
})
// A file is written only when its content changes: a rebuild of unchanged sources touches
// nothing, so a server already running from dist/ (or a second build at the same time) never
// reads a half-written file.
for (const file of result.outputFiles) {
  if (!existsSync(file.path) || !readFileSync(file.path).equals(file.contents)) {
    mkdirSync(dirname(file.path), { recursive: true })
    writeFileSync(file.path, file.contents)
  }
}
