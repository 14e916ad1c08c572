// `pnpm build`: compiles src/ to ESM JavaScript plus declarations in dist/, for services that
// install @ticket/schema from a tarball. Inside the workspace the package is used as source.
// The declarations name a few types of the workspace-only @ticket/codegen (the operation and
// table records); their file is emitted into dist/codegen/ and the imports point there, so the
// published types resolve on their own.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const tsc = 'node_modules/.bin/tsc'
const contract = '../../tools/codegen/src/contract.ts'
rmSync('dist', { recursive: true, force: true })
// --noCheck: the build only emits; `pnpm typecheck` checks the source, and the packed-package
// test type-checks the emitted declarations from a consumer. A third of the build's time.
execFileSync(tsc, ['-p', 'tsconfig.build.json', '--noCheck'], { stdio: 'inherit' })
execFileSync(
  tsc,
  [
    contract,
    '--declaration',
    '--emitDeclarationOnly',
    '--skipLibCheck',
    '--outDir',
    'dist/codegen',
  ],
  { stdio: 'inherit' }
)

for (const file of declarationFiles('dist')) {
  let target = relative(dirname(file), 'dist/codegen/contract.js')
  target = target.startsWith('.') ? target : `./${target}`
  const text = readFileSync(file, 'utf8')
  // tsc rewrites `.ts` imports to `.js` in the JavaScript only; the declarations need it too.
  const fixed = text
    .replace(/(['"])@ticket\/codegen\1/g, `$1${target}$1`)
    .replace(/(['"])(\.{1,2}\/[^'"]*?)(?<!\.d)\.ts\1/g, '$1$2.js$1')
  if (fixed !== text) {
    writeFileSync(file, fixed)
  }
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? declarationFiles(path) : path.endsWith('.d.ts') ? [path] : []
  })
}
