// Writes the Drizzle tables for both dialects and the row ↔ entity projection from the schema.
import { writeFileSync } from 'node:fs'
import { emitDrizzleSchema, emitProjection } from '@ticket/codegen'
import { storageTables } from '@ticket/schema'

const generatedBy = 'apps/server/scripts/generate-db-schema.ts from @ticket/schema storageTables'
const out = (name: string) => new URL(`../src/db/${name}`, import.meta.url)

writeFileSync(
  out('schema.sqlite.gen.ts'),
  emitDrizzleSchema(storageTables, 'sqlite', { generatedBy })
)
writeFileSync(out('schema.pg.gen.ts'), emitDrizzleSchema(storageTables, 'pg', { generatedBy }))
writeFileSync(out('projection.gen.ts'), emitProjection(storageTables, { generatedBy }))
