// Writes the Drizzle tables for both dialects and the row ↔ entity projection from the schema.
import { emitDrizzleSchema, emitProjection, writeIfChanged } from '@ticket/codegen'
import { storageTables } from '@ticket/schema'

const generatedBy = 'apps/server/scripts/generate-db-schema.ts from @ticket/schema storageTables'
const out = (name: string) => new URL(`../src/db/${name}`, import.meta.url)

writeIfChanged(
  out('schema.sqlite.gen.ts'),
  emitDrizzleSchema(storageTables, 'sqlite', { generatedBy })
)
writeIfChanged(out('schema.pg.gen.ts'), emitDrizzleSchema(storageTables, 'pg', { generatedBy }))
writeIfChanged(out('projection.gen.ts'), emitProjection(storageTables, { generatedBy }))
