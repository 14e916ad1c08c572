import { createHash } from 'node:crypto'
import type { HeldKind } from './write-later.ts'

/**
 * A statement as node-postgres's `query` takes it from Drizzle: a config (name, text) and the
 * values of its `$n` parameters.
 */
export interface StatementArgs {
  config: { name?: string; text: string }
  values: unknown[]
}

interface Member extends StatementArgs {
  resolve: (result: unknown) => void
  reject: (error: unknown) => void
}

/** PostgreSQL's limit on one statement's parameters (their count travels as 16 bits). */
export const maxParameters = 65_535

/**
 * An INSERT … VALUES whose values are all parameters: it reads no row and returns none, so it
 * does the same as one part of a larger statement as it does alone. Anything else (a
 * subquery, RETURNING, ON CONFLICT, a quoted literal that could hold a `$`) is sent as it is.
 */
export function isPlainInsert(text: string): boolean {
  return (
    /^insert into "[a-z_0-9]+" \([^()]*\) values \(/.test(text) &&
    !/\b(select|returning|on conflict)\b|'/i.test(text)
  )
}

/** `isPlainInsert` of each named statement's text, decided once: a name stands for one text. */
const plainByName = new Map<string, boolean>()

function isPlain({ name, text }: StatementArgs['config']): boolean {
  if (!name) {
    return isPlainInsert(text)
  }
  let plain = plainByName.get(name)
  if (plain === undefined) {
    plain = isPlainInsert(text)
    plainByName.set(name, plain)
  }
  return plain
}

/**
 * Plain INSERTs a transaction sends one after the other, collected to go as one statement:
 * `with i1 as (insert …), i2 as (insert …) insert …`. PostgreSQL then plans, executes and
 * answers one statement instead of several (a create's ticket row, tag and person links and
 * history row: four). Every part runs; foreign keys between them are checked when the whole
 * statement ends, so a link may name the ticket inserted beside it. A check (a statement that
 * reads, raises, and changes nothing) held just before them opens the run and becomes its main
 * query: every part of one statement sees the data as it was before the statement, so the
 * check sees what it would have seen sent first. Each part's promise settles with the whole
 * statement: all succeed, or all fail with its error, as the transaction does when any one of
 * them fails alone.
 */
export class InsertRun {
  private members: Member[] = []
  private check: Member | undefined
  private parameters = 0

  /**
   * Takes `args` into the run: a write when it is a plain insert, a check when no run is open
   * and its text quotes no literal (its `$n` are renumbered in the larger statement). The
   * promise settles when the run is sent. Undefined when it does not belong in a run (or would
   * pass the parameter limit): send it alone, after `take()`.
   */
  offer(args: StatementArgs, kind: HeldKind): Promise<unknown> | undefined {
    if (kind === 'write') {
      return isPlain(args.config)
        ? this.join(args, (member) => this.members.push(member))
        : undefined
    }
    if (this.check || this.members.length > 0 || args.config.text.includes("'")) {
      return undefined
    }
    return this.join(args, (member) => {
      this.check = member
    })
  }

  private join(args: StatementArgs, keep: (member: Member) => void) {
    if (this.parameters + args.values.length > maxParameters) {
      return undefined
    }
    this.parameters += args.values.length
    return new Promise<unknown>((resolve, reject) => keep({ ...args, resolve, reject }))
  }

  /** The collected statements, emptied: one to send, with how to settle each part. */
  take(): { statement: StatementArgs; settle: (sent: Promise<unknown>) => void } | undefined {
    const parts = this.check ? [...this.members, this.check] : this.members
    if (parts.length === 0) {
      return undefined
    }
    this.members = []
    this.check = undefined
    this.parameters = 0
    return {
      statement: combine(parts),
      settle: (sent) => {
        sent.then(
          (result) => {
            for (const part of parts) {
              part.resolve(result)
            }
          },
          (error: unknown) => {
            for (const part of parts) {
              part.reject(error)
            }
          }
        )
      },
    }
  }
}

/**
 * One statement doing what `members` do, the last as its main query; one member is sent as it
 * is. When each member has a name, the statement is named after them, so node-postgres
 * prepares it once per connection as it does each of them, and its text is built once.
 */
export function combine(members: readonly StatementArgs[]): StatementArgs {
  const [only] = members
  if (members.length === 1 && only) {
    return { config: only.config, values: only.values }
  }
  const values = members.flatMap((member) => member.values)
  const names = members.map((member) => member.config.name)
  if (!names.every((name) => name)) {
    return { config: { text: combinedText(members) }, values }
  }
  const joined = names.join('+')
  let config = namedRuns.get(joined)
  if (!config) {
    // PostgreSQL cuts a statement's name at 63 bytes, and two runs cut alike would collide.
    const digest = createHash('sha256').update(joined).digest('base64url').slice(0, 32)
    config = { name: `inserts:${digest}`, text: combinedText(members) }
    namedRuns.set(joined, config)
  }
  return { config, values }
}

/** Each run of named statements met so far (as many as a save has shapes), by their names. */
const namedRuns = new Map<string, { name: string; text: string }>()

/** `with i1 as (…), i2 as (…) …`, each part's `$n` moved past those of the parts before it. */
function combinedText(members: readonly StatementArgs[]): string {
  let offset = 0
  const texts = members.map(({ config, values }) => {
    const moved = offset
    offset += values.length
    return config.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + moved}`)
  })
  const last = texts.pop() as string
  return `with ${texts.map((part, i) => `i${i + 1} as (${part})`).join(', ')} ${last}`
}
