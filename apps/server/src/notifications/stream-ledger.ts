import {
  formatResumePoint,
  RESUME_WINDOW,
  type ResumePoint,
  resumePointOf,
} from './resume-point.ts'

/**
 * What one notification stream owes its client, and the resume point each event carries.
 *
 * A resumed stream owes nothing up to its resume point's floor, nor the ids above it the point
 * names. A new stream owes nothing that existed when it connected (up to the newest
 * notification then, its `start`), and every notification that commits later, whatever its
 * id. The live feed, the backlog and a replay after a lost feed may each bring the same
 * notification; it is owed once.
 */
export class StreamLedger {
  /** Every id up to here is sent, owed to nobody, or given up; it only rises. */
  private low: number
  private start: number
  /** Ids above `low` that were sent (or named by the resume point). */
  private covered: Set<number>
  /** Ids at or below `start` a new stream sent (they committed after it connected). */
  private readonly sentBelowStart = new Set<number>()
  private readonly resumed: boolean

  constructor(resumedFrom: ResumePoint | undefined) {
    this.resumed = resumedFrom !== undefined
    this.low = resumedFrom?.low ?? 0
    this.start = this.low
    this.covered = new Set(resumedFrom?.above)
  }

  /** A new stream's floor: the associate's newest NotificationId when it connected. */
  startAt(newest: number): void {
    this.start = newest
    this.low = newest
  }

  /** A resumed stream reads the table above this id. */
  get backlogAfter(): number {
    return this.low
  }

  /** After a lost feed, the table is read again above this id: the window below the highest. */
  get replayAfter(): number {
    return Math.max(this.low, this.highestSent() - RESUME_WINDOW)
  }

  /**
   * Records `id` as sent and returns the event id to send it with (the client's resume point,
   * see resume-point.ts), or undefined when it is not owed.
   */
  take(id: number): string | undefined {
    if (!this.owes(id)) {
      return undefined
    }
    if (id <= this.low) {
      this.sentBelowStart.add(id)
      if (this.sentBelowStart.size > RESUME_WINDOW) {
        const givenUp = this.highestSent() - RESUME_WINDOW
        for (const old of this.sentBelowStart) {
          if (old <= givenUp) {
            this.sentBelowStart.delete(old)
          }
        }
      }
    } else {
      this.covered.add(id)
    }
    const point = resumePointOf(this.low, this.covered)
    this.low = point.low
    this.covered = new Set(point.above)
    return formatResumePoint(point)
  }

  /** Ids at or below `low` are all sent or given up, so the highest sent is `low` or above it. */
  private highestSent(): number {
    return Math.max(this.low, ...this.covered)
  }

  private owes(id: number): boolean {
    if (id > this.low) {
      return !this.covered.has(id)
    }
    return !this.resumed && id <= this.start && !this.sentBelowStart.has(id)
  }
}
