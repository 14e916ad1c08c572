import { describe, expect, it } from 'vitest'
import { combine, InsertRun, isPlainInsert } from './pg-insert-run.ts'

const insertTag =
  'insert into "tags" ("id", "name", "name_key", "tool_tip") values (default, $1, $2, $3)'
const insertLink =
  'insert into "ticket_tags" ("ticket_id", "tag_id", "position") values ($1, $2, $3)'

describe('plain inserts sent as one statement', () => {
  it('takes only an INSERT … VALUES of parameters as plain', () => {
    expect(isPlainInsert(insertTag)).toBe(true)
    expect(isPlainInsert(`${insertTag} returning "id"`)).toBe(false)
    expect(isPlainInsert(`${insertTag} on conflict ("name_key") do nothing`)).toBe(false)
    expect(isPlainInsert('insert into "tags" ("name") select "name" from "old_tags"')).toBe(false)
    expect(isPlainInsert(`insert into "tags" ("name") values ('$1')`)).toBe(false)
    expect(isPlainInsert('update "tags" set "name" = $1')).toBe(false)
  })

  it('numbers each part’s parameters after the parts before it, in order', () => {
    const { config, values } = combine([
      { config: { name: 'tag', text: insertTag }, values: ['A', 'a', ''] },
      { config: { name: 'link', text: insertLink }, values: [7, 1, 0] },
    ])
    expect(config.text).toBe(
      `with i1 as (${insertTag}) insert into "ticket_tags" ("ticket_id", "tag_id", "position") values ($4, $5, $6)`
    )
    expect(values).toEqual(['A', 'a', '', 7, 1, 0])
    // Named after its parts, within the 63 bytes PostgreSQL keeps of a name.
    expect(config.name).toMatch(/^inserts:/)
    expect(config.name?.length).toBeLessThanOrEqual(63)
    const again = combine([
      { config: { name: 'tag', text: insertTag }, values: ['B', 'b', ''] },
      { config: { name: 'link', text: insertLink }, values: [8, 2, 0] },
    ])
    expect(again.config).toBe(config)
    const other = combine([
      { config: { name: 'link', text: insertLink }, values: [8, 2, 0] },
      { config: { name: 'tag', text: insertTag }, values: ['B', 'b', ''] },
    ])
    expect(other.config.name).not.toBe(config.name)
  })

  it('sends an unnamed part’s run unnamed, and one insert as it came', () => {
    const run = combine([
      { config: { text: insertTag }, values: ['A', 'a', ''] },
      { config: { name: 'link', text: insertLink }, values: [7, 1, 0] },
    ])
    expect(run.config.name).toBeUndefined()
    const one = { config: { name: 'tag', text: insertTag }, values: ['A', 'a', ''] }
    expect(combine([one])).toEqual(one)
  })

  it('settles every part with the whole statement: all succeed, or all fail with its error', async () => {
    const run = new InsertRun()
    const parts = [
      run.offer({ config: { text: insertTag }, values: ['A', 'a', ''] }, 'write'),
      run.offer({ config: { text: insertLink }, values: [7, 1, 0] }, 'write'),
    ]
    expect(run.offer({ config: { text: 'select 1' }, values: [] }, 'write')).toBeUndefined()
    const taken = run.take()
    expect(taken?.statement.values).toHaveLength(6)
    expect(run.take()).toBeUndefined()
    const refused = new Error('duplicate key')
    taken?.settle(Promise.reject(refused))
    for (const part of parts) {
      await expect(part).rejects.toBe(refused)
    }
  })

  it('makes a check held before the inserts the main query of their run, and only then', async () => {
    const check = 'select ticket_expect_no_tags($1::integer[]) from (values (1)) as one'
    const run = new InsertRun()
    const parts = [
      run.offer({ config: { text: check }, values: ['{112}'] }, 'check'),
      run.offer({ config: { text: insertLink }, values: [7, 1, 0] }, 'write'),
    ]
    expect(run.offer({ config: { text: check }, values: ['{113}'] }, 'check')).toBeUndefined()
    const taken = run.take()
    expect(taken?.statement.config.text).toBe(
      `with i1 as (${insertLink}) select ticket_expect_no_tags($4::integer[]) from (values (1)) as one`
    )
    expect(taken?.statement.values).toEqual([7, 1, 0, '{112}'])
    taken?.settle(Promise.resolve({ rows: [] }))
    await Promise.all(parts)
    // A check whose text quotes a literal goes alone: a `$` inside it is not a parameter.
    expect(
      new InsertRun().offer({ config: { text: "select f('$1')" }, values: [] }, 'check')
    ).toBeUndefined()
    // A run already open takes no check: it would see the run's rows sent first, not here.
    run.offer({ config: { text: insertLink }, values: [8, 1, 0] }, 'write')
    expect(run.offer({ config: { text: check }, values: ['{112}'] }, 'check')).toBeUndefined()
  })

  it('starts a new run rather than pass PostgreSQL’s limit of parameters', () => {
    const run = new InsertRun()
    const wide = (n: number) => ({ config: { text: insertLink }, values: new Array(n).fill(0) })
    expect(run.offer(wide(60_000), 'write')).toBeDefined()
    expect(run.offer(wide(6_000), 'write')).toBeUndefined()
  })
})
