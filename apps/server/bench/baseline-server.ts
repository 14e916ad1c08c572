// The yardstick every figure is quoted against: plain node:http doing one prepared INSERT of the
// body per request (WAL, synchronous=NORMAL). Run as its own process by the benchmark:
// `node --import tsx bench/baseline-server.ts <sqlite file>` prints `listening <port>`.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import BetterSqlite3 from 'better-sqlite3'

const path = process.argv[2]
if (!path) {
  process.stderr.write('usage: baseline-server.ts <sqlite file>\n')
  process.exit(2)
}
const db = new BetterSqlite3(path)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.exec('create table if not exists t (id integer primary key, body text not null)')
// Run to its end, as `run` does. SQLite checkpoints its write-ahead log from a statement that
// steps to completion: `get` of an `INSERT … RETURNING` stops at the returned row, so the
// yardstick used to checkpoint never. Its log then grew by a page an insert without bound (7.7
// GB in 50 s), and its speed went with the kernel's write-back of that log (about 20,000 inserts
// a second while it kept up, about 10,000 once it throttled the writer): BENCHMARKS.md,
// "The yardstick checkpoints".
const insert = db.prepare('insert into t (body) values (?)')
const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const { lastInsertRowid } = insert.run(Buffer.concat(chunks).toString('utf8'))
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ TicketId: Number(lastInsertRowid) }))
  })
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
