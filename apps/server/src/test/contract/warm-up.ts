import { validateOutput } from '@stoplight/prism-http/dist/validator'
import { documentOperations } from './operations.ts'

/**
 * Compiles every response schema of the document now (a few seconds), for a test whose timers
 * must not wait while the first validation of a large schema holds the event loop (a webhook
 * delivery with a 400 ms timeout).
 * @example beforeAll(() => compileResponseValidators())
 */
export async function compileResponseValidators() {
  for (const operation of await documentOperations()) {
    for (const response of operation.responses) {
      for (const content of response.contents ?? []) {
        validateOutput({
          resource: operation,
          element: {
            statusCode: Number(response.code),
            headers: { 'content-type': content.mediaType },
          },
        })
      }
    }
  }
}
