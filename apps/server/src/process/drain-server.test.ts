import { Agent, createServer, type IncomingHttpHeaders, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import { drainableServer } from './drain-server.ts'

/** A server whose answers wait until `release()`: requests stay in flight as long as a test likes. */
async function heldServer() {
  const drainable = drainableServer()
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let arrived = 0
  const server: Server = createServer(drainable.serverOptions, (req, res) => {
    arrived += 1
    const answer = () => {
      res.setHeader('content-type', 'text/plain')
      res.end(`answer to ${req.url}`)
    }
    if (req.url === '/now') {
      answer()
    } else {
      void released.then(answer)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const agent = new Agent({ keepAlive: true, maxSockets: 4 })
  onTestFinished(() => {
    agent.destroy()
    server.closeAllConnections()
    server.close()
  })
  const get = (path: string) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            body += chunk
          })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        })
        req.on('error', reject)
        req.end()
      }
    )
  return { server, drainable, get, release, arrived: () => arrived }
}

describe('drainableServer', () => {
  it('keeps connections alive while it serves', async () => {
    const { get } = await heldServer()
    const answer = await get('/now')
    expect(answer.body).toBe('answer to /now')
    expect(answer.headers.connection).toBe('keep-alive')
  })

  it('answers the requests in flight at the stop, each with Connection: close, then resolves', async () => {
    const { server, drainable, get, release, arrived } = await heldServer()
    await get('/now')
    const inFlight = [get('/one'), get('/two')]
    while (arrived() < 3) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    let drained = false
    const drain = drainable.drain(server).then(() => {
      drained = true
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    // Two answers are still owed: the drain waits for them.
    expect(drained).toBe(false)
    release()
    const answers = await Promise.all(inFlight)
    expect(answers.map((a) => [a.status, a.body, a.headers.connection])).toEqual([
      [200, 'answer to /one', 'close'],
      [200, 'answer to /two', 'close'],
    ])
    await drain
    expect(drained).toBe(true)
    expect(server.listening).toBe(false)
  })

  it('passes a status, a reason phrase and headers given to writeHead through unchanged', async () => {
    const drainable = drainableServer()
    const server = createServer(drainable.serverOptions, (req, res) => {
      if (req.url === '/reason') {
        res.writeHead(418, 'Short and stout', { 'x-kind': 'reason' }).end()
      } else {
        res.writeHead(202, { 'x-kind': 'headers' }).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => {
      server.closeAllConnections()
      server.close()
    })
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const withReason = await fetch(`${base}/reason`)
    expect([withReason.status, withReason.statusText, withReason.headers.get('x-kind')]).toEqual([
      418,
      'Short and stout',
      'reason',
    ])
    const withHeaders = await fetch(`${base}/headers`)
    expect([withHeaders.status, withHeaders.statusText, withHeaders.headers.get('x-kind')]).toEqual(
      [202, 'Accepted', 'headers']
    )
  })
})
