// `pnpm build`: compiles src/ to ESM JavaScript plus declarations in dist/, for services that
// install @ticket/client from a tarball. The generated API types are a declaration file already:
// it is copied beside the compiled entry, which imports it.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
// --noCheck: the build only emits; `pnpm typecheck` checks the source, and the packed-package
// test type-checks the emitted declarations from a consumer. A third of the build's time.
execFileSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json', '--noCheck'], {
  stdio: 'inherit',
})
mkdirSync('dist/generated', { recursive: true })
copyFileSync('src/generated/api.d.ts', 'dist/generated/api.d.ts')
// tsc rewrites `.ts` imports to `.js` in the JavaScript only; the declarations need it too.
const entry = readFileSync('dist/index.d.ts', 'utf8')
writeFileSync(
  'dist/index.d.ts',
  entry.replace(/(['"])(\.{1,2}\/[^'"]*?)(?<!\.d)\.ts\1/g, '$1$2.js$1')
)
