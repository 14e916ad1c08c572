import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import BetterSqlite3 from 'better-sqlite3'

/**
 * The yardstick from the performance notes: plain node:http doing one prepared INSERT of the
 * body per request (WAL, synchronous=NORMAL). Our numbers are quoted as ratios to it.
 */
export async function startBaseline(path: string): Promise<{ url: string; server: Server }> {
  const db = new BetterSqlite3(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec('create table if not exists t (id integer primary key, body text not null)')
  const insert = db.prepare('insert into t (body) values (?) returning id')
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const row = insert.get(Buffer.concat(chunks).toString('utf8')) as { id: number }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ TicketId: row.id }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, server }
}
