import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { takeExpectedViolations } from './ledger.ts'
import { breaksDocument, validateAgainstDocument } from './validated-app.ts'

/** A tiny app whose answers the test chooses, behind the hook, and what the hook then reports. */
async function exchange(
  answer: (c: import('hono').Context) => Response,
  path = '/healthz',
  init?: RequestInit
) {
  const app = validateAgainstDocument(new Hono().all('*', answer))
  try {
    const response = await app.request(path, init)
    return { response, error: undefined }
  } catch (error) {
    return { response: undefined, error: (error as Error).message }
  } finally {
    // Reported here, so the hook's own after-each check does not fail this test as well.
    takeExpectedViolations()
  }
}

describe('the OpenAPI contract hook', () => {
  test('passes an exchange that meets the document', async () => {
    const { response, error } = await exchange((c) => c.json({ status: 'ok' }))
    expect(error).toBeUndefined()
    expect(response?.status).toBe(200)
  })

  test('fails on a response property of the wrong type', async () => {
    const { error } = await exchange((c) => c.json({ status: 1 }))
    expect(error).toMatch(/GET \/healthz → 200: response: .*status must be string/)
  })

  test('fails on a status the operation does not document', async () => {
    const { error } = await exchange((c) => c.json({ status: 'ok' }, 202))
    expect(error).toMatch(/→ 202: response: Unable to match the returned status code/)
  })

  test('fails on a media type the response does not document', async () => {
    const { error } = await exchange((c) => c.text('ok'))
    expect(error).toMatch(/response: The received media type "text\/plain/)
  })

  test('fails on a request the document does not allow, whatever the server answered', async () => {
    const { error } = await exchange(
      (c) =>
        c.json({ type: 'x', title: 'Bad', status: 400 }, 400, {
          'content-type': 'application/problem+json',
        }),
      '/api/v1/Ticket/abc'
    )
    expect(error).toMatch(/request: Request path parameter id must be integer/)
  })

  test('fails on a path the document does not have', async () => {
    const { error } = await exchange((c) => c.json({}), '/nowhere')
    expect(error).toMatch(/GET \/nowhere: Route not resolved/)
  })

  test('lets a request marked as breaking the document through, and still checks its answer', async () => {
    const problem = {
      type: 'urn:ticket:error:bad_request',
      title: 'Bad',
      status: 400,
      code: 'BAD_REQUEST',
      requestId: 'r1',
      errors: [],
    }
    const refused = await exchange(
      (c) => c.json(problem, 400, { 'content-type': 'application/problem+json' }),
      '/api/v1/Ticket/abc',
      breaksDocument({})
    )
    expect(refused.error).toBeUndefined()

    const accepted = await exchange((c) => c.json({}), '/api/v1/Ticket/abc', breaksDocument({}))
    expect(accepted.error).toMatch(/breaks the document \(rejected\), yet the server answered 200/)

    const wrongProblem = await exchange(
      (c) => c.json({ title: 3 }, 400, { 'content-type': 'application/problem+json' }),
      '/api/v1/Ticket/abc',
      breaksDocument({})
    )
    expect(wrongProblem.error).toMatch(/response: .*title must be string/)
  })

  test('keeps a violation for the test even when the test swallows the thrown error', async () => {
    const app = validateAgainstDocument(new Hono().get('/healthz', (c) => c.json({ status: 1 })))
    await Promise.resolve(app.request('/healthz')).catch(() => undefined)
    const pending = takeExpectedViolations()
    expect(pending).toHaveLength(1)
    expect(pending[0]).toMatch(/status must be string/)
  })
})
