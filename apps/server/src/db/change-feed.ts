import pg from 'pg'
import type { Db } from './db.ts'

/**
 * What changed. Caches listen for the topic of the data they hold: `reference` (associates and
 * their credentials, categories, statuses, … everything a tenant file holds), `preferences` (an
 * associate's own notification preferences, kept apart so that their edits leave the verified
 * credentials alone), `webhooks` (the registry); `notification` carries a committed in-app
 * notification (or its id); `sign-in-failures` the throttle keys (digests) of a failed sign-in.
 */
export type ChangeTopic =
  | 'notification'
  | 'webhooks'
  | 'reference'
  | 'preferences'
  | 'sign-in-failures'

type Handler = (detail: string) => void

/**
 * Tells every server process on the database what changed, so caches and live streams in other
 * processes follow within a second. On SQLite one process owns the file, so it is an in-process
 * fan-out. On PostgreSQL it is LISTEN/NOTIFY on one channel; each process hears its own messages
 * too, so a subscriber has one path whichever process made the change.
 */
export interface ChangeFeed {
  /** Announces a committed change. */
  publish(topic: ChangeTopic, detail?: string): Promise<void>
  /**
   * Announces a change made inside `tx`: nobody hears of it before `tx` commits, and nobody does
   * if it rolls back. Returns what the caller runs after the commit.
   */
  stage(tx: Db, topic: ChangeTopic, detail?: string): Promise<() => void>
  subscribe(topic: ChangeTopic, handler: Handler): () => void
  /**
   * Runs `handler` whenever messages may have been missed (the listening connection was lost and
   * is back): everything a subscriber holds must be re-read from the tables.
   */
  onResync(handler: () => void): () => void
  /**
   * Whether every message sent now will be heard: the listening connection is up and answered
   * lately. While it is not, a subscriber that answers from what it heard must read instead.
   */
  listening(): boolean
  close(): Promise<void>
}

/** The one PostgreSQL channel every process listens on. */
export const CHANGE_CHANNEL = 'ticket_changes'
/** `application_name` of the listening connections, so operators can tell them apart. */
export const LISTENER_NAME = 'ticket-change-feed'

class Subscribers {
  private readonly byTopic = new Map<ChangeTopic, Set<Handler>>()
  private readonly resync = new Set<() => void>()

  subscribe(topic: ChangeTopic, handler: Handler): () => void {
    let set = this.byTopic.get(topic)
    if (!set) {
      set = new Set()
      this.byTopic.set(topic, set)
    }
    set.add(handler)
    return () => set.delete(handler)
  }

  onResync(handler: () => void): () => void {
    this.resync.add(handler)
    return () => this.resync.delete(handler)
  }

  emit(topic: ChangeTopic, detail: string): void {
    for (const handler of [...(this.byTopic.get(topic) ?? [])]) {
      handler(detail)
    }
  }

  emitResync(): void {
    for (const handler of [...this.resync]) {
      handler()
    }
  }
}

/** One process: a change is heard at once, in this process only. */
export function createLocalChangeFeed(): ChangeFeed {
  const subscribers = new Subscribers()
  return {
    publish: async (topic, detail = '') => subscribers.emit(topic, detail),
    stage:
      async (_tx, topic, detail = '') =>
      () =>
        subscribers.emit(topic, detail),
    subscribe: (topic, handler) => subscribers.subscribe(topic, handler),
    onResync: (handler) => subscribers.onResync(handler),
    listening: () => true,
    close: async () => {},
  }
}

export interface PgChangeFeedOptions {
  /** Sends `pg_notify(channel, payload)`, inside `tx` when given. */
  notify: (channel: string, payload: string, tx?: Db) => Promise<void>
  onError: (error: Error) => void
  /** Longest wait between reconnect attempts (default 2 s). */
  maxBackoffMs?: number
  /**
   * How often the listening connection is checked for life (default 5 s). It counts as listening
   * while its last check answered within three of these.
   */
  checkMs?: number
}

const encode = (topic: ChangeTopic, detail: string) => JSON.stringify({ t: topic, d: detail })

/**
 * PostgreSQL: a dedicated connection LISTENs on {@link CHANGE_CHANNEL}. NOTIFY is transactional,
 * so a staged message goes out exactly when its transaction commits. When the listening
 * connection dies it reconnects with backoff and tells subscribers to resync, since messages
 * sent meanwhile are gone.
 */
export async function createPgChangeFeed(
  url: string,
  options: PgChangeFeedOptions
): Promise<ChangeFeed> {
  const subscribers = new Subscribers()
  const maxBackoffMs = options.maxBackoffMs ?? 2_000
  const checkMs = options.checkMs ?? 5_000
  let client: pg.Client | undefined
  // When the listening connection last proved alive: connected, or answered a check.
  let answeredAt = 0
  let closed = false
  let reconnecting = false

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANGE_CHANNEL || message.payload === undefined) {
      return
    }
    try {
      const { t, d } = JSON.parse(message.payload) as { t: ChangeTopic; d: string }
      subscribers.emit(t, d)
    } catch (error) {
      options.onError(error as Error)
    }
  }

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: LISTENER_NAME,
    })
    next.on('notification', onNotification)
    next.on('error', (error) => {
      options.onError(error)
      void reconnect(next)
    })
    next.on('end', () => void reconnect(next))
    await next.connect()
    await next.query(`LISTEN ${CHANGE_CHANNEL}`)
    answeredAt = Date.now()
    return next
  }

  async function reconnect(dead: pg.Client) {
    if (closed || reconnecting || client !== dead) {
      return
    }
    reconnecting = true
    client = undefined
    dead.removeAllListeners('notification')
    void dead.end().catch(() => {})
    let wait = 50
    while (!closed) {
      try {
        client = await connect()
        break
      } catch (error) {
        options.onError(error as Error)
        await new Promise((resolve) => setTimeout(resolve, wait))
        wait = Math.min(wait * 2, maxBackoffMs)
      }
    }
    reconnecting = false
    if (closed) {
      await client?.end().catch(() => {})
      return
    }
    subscribers.emitResync()
  }

  client = await connect()
  // A connection can die without an event (a half-open socket); a periodic query finds out. One
  // that neither answers nor fails stops counting as listening once its answers are overdue.
  const check = setInterval(() => {
    const current = client
    current?.query('select 1').then(
      () => {
        if (client === current) {
          answeredAt = Date.now()
        }
      },
      () => void reconnect(current)
    )
  }, checkMs)
  check.unref()

  return {
    publish: (topic, detail = '') => options.notify(CHANGE_CHANNEL, encode(topic, detail)),
    stage: async (tx, topic, detail = '') => {
      await options.notify(CHANGE_CHANNEL, encode(topic, detail), tx)
      return () => {}
    },
    subscribe: (topic, handler) => subscribers.subscribe(topic, handler),
    onResync: (handler) => subscribers.onResync(handler),
    // `client` is set again in the same step that tells subscribers to resync, so a subscriber
    // never sees the feed listening before it has heard of the resync.
    listening: () => client !== undefined && !reconnecting && Date.now() - answeredAt < 3 * checkMs,
    close: async () => {
      closed = true
      clearInterval(check)
      const current = client
      client = undefined
      await current?.end().catch(() => {})
    },
  }
}
