// Writes src/generated/api.d.ts (openapi-typescript) from the schema's OpenAPI document, and
// only when the types changed, so `pnpm dev` does not react to an unchanged file.
import { writeIfChanged } from '@ticket/codegen'
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript'

const document = new URL('../../schema/generated/openapi.json', import.meta.url)
const types = `${COMMENT_HEADER}${astToString(await openapiTS(document))}`
writeIfChanged(new URL('../src/generated/api.d.ts', import.meta.url), types)
