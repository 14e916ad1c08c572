import type { RetryPolicy } from './backoff.ts'

export interface PollOptions {
  /** How often due rows are looked for when nothing wakes the dispatcher (retries, restarts). */
  pollMs: number
  /** Rows claimed and sent concurrently per round. */
  batchSize: number
}

export interface LeasedDispatcherOptions extends PollOptions {
  /** How long a claim holds a row; a crashed sender's rows are due again after it. */
  leaseMs: number
  retry: RetryPolicy
  random: () => number
}

export interface Dispatcher {
  start(): void
  /**
   * Looks for due rows soon (after a commit or a replay) instead of at the next poll. Wakes in
   * the same turn of the event loop, and wakes during a round, fold into one round.
   */
  wake(): void
  /** Delivers what is due, waits for in-flight sends, then stops polling. */
  stop(): Promise<void>
}

export interface PollSteps<T> {
  /** Claims up to `limit` due rows, held until each is marked or its lease runs out. */
  claim(limit: number): Promise<T[]>
  /** Sends one claimed row and records its outcome, failures included: it must not throw. */
  deliver(claimed: T): Promise<void>
  /**
   * Sends a round's claimed rows and records each outcome, as `deliver` does for one: a dispatcher
   * that can write several outcomes together does it here. Without it, each row goes to
   * `deliver`, all at once.
   */
  deliverRound?(claimed: T[]): Promise<void>
  /** The claim failed (database down): the round ends and the next poll tries again. */
  claimFailed(err: unknown): void
  /** Runs once at start, before the first claim: frees what a dead process left claimed. */
  recover?(): Promise<void>
}

/**
 * The loop shared by the delivery dispatchers: rounds of claim a batch, deliver it concurrently,
 * repeat while batches come back full; a wake during a round runs another round after it, else
 * the next round waits `pollMs`. A wake is deferred to the next turn of the event loop, so a
 * burst of saves committing together starts one round, not one per save. The rows live in the database, so a restart resumes where the
 * last process stopped.
 */
export function createPollLoop<T>(steps: PollSteps<T>, options: PollOptions): Dispatcher {
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle'
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> | undefined
  let wokenDuringRound = false
  let recovering: Promise<void> | undefined
  let wakePending = false

  const schedule = () => {
    clearTimeout(timer)
    if (state === 'running') {
      timer = setTimeout(kick, options.pollMs)
      // A pending poll must not keep the process (or a test run) alive.
      timer.unref()
    }
  }

  function kick() {
    if (state !== 'running') {
      return
    }
    if (round) {
      wokenDuringRound = true
      return
    }
    round = drain().finally(() => {
      round = undefined
      if (wokenDuringRound && state === 'running') {
        wokenDuringRound = false
        kick()
      } else {
        schedule()
      }
    })
  }

  async function drain() {
    if (recovering) {
      await recovering
      recovering = undefined
    }
    for (;;) {
      let claimed: T[]
      try {
        claimed = await steps.claim(options.batchSize)
      } catch (err) {
        steps.claimFailed(err)
        return
      }
      await (steps.deliverRound
        ? steps.deliverRound(claimed)
        : Promise.all(claimed.map(steps.deliver)))
      if (claimed.length < options.batchSize) {
        return
      }
    }
  }

  return {
    start() {
      if (state === 'idle') {
        state = 'running'
        recovering = steps.recover?.().catch(steps.claimFailed)
        kick()
      }
    },
    wake() {
      if (wakePending) {
        return
      }
      wakePending = true
      setImmediate(() => {
        wakePending = false
        kick()
      })
    },
    async stop() {
      if (state !== 'running') {
        state = 'stopped'
        return
      }
      state = 'stopping'
      clearTimeout(timer)
      await round
      await drain()
      state = 'stopped'
    },
  }
}
