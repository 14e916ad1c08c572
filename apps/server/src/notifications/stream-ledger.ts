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
  private readonly covered: Set<number>
  /** Ids at or below `start` a new stream sent (they committed after it connected). */
  private readonly sentBelowStart = new Set<number>()
  private highestSent: number
  private readonly resumed: boolean

  constructor(resumedFrom: ResumePoint | undefined) {
    this.resumed = resumedFrom !== undefined
    this.low = resumedFrom?.low ?? 0
    this.start = this.low
    this.covered = new Set(resumedFrom?.above)
    this.highestSent = Math.max(this.low, ...this.covered)
  }

  /** A new stream's floor: the associate's newest NotificationId when it connected. */
  startAt(newest: number): void {
    this.start = newest
    this.low = newest
    this.highestSent = newest
  }

  /** A resumed stream reads the table above this id. */
  get backlogAfter(): number {
    return this.low
  }

  /** After a lost feed, the table is read again above this id: the window below the highest. */
  get replayAfter(): number {
    return Math.max(this.low, this.highestSent - RESUME_WINDOW)
  }

  /**
   * Records `id` as sent and returns the event id to send it with (the client's resume point,
   * see resume-point.ts), or undefined when it is not owed.
   */
  take(id: number): string | undefined {
    if (!this.owes(id)) {
      return undefined
    }
    this.highestSent = Math.max(this.highestSent, id)
    if (id <= this.low) {
      this.sentBelowStart.add(id)
      if (this.sentBelowStart.size > RESUME_WINDOW) {
        for (const old of this.sentBelowStart) {
          if (old <= this.highestSent - RESUME_WINDOW) {
            this.sentBelowStart.delete(old)
          }
        }
      }
    } else {
      this.covered.add(id)
    }
    const point = resumePointOf(this.low, this.covered)
    if (point.low > this.low) {
      this.low = point.low
      for (const old of this.covered) {
        if (old <= this.low) {
          this.covered.delete(old)
        }
      }
    }
    return formatResumePoint(point)
  }

  private owes(id: number): boolean {
    if (id > this.low) {
      return !this.covered.has(id)
    }
    return !this.resumed && id <= this.start && !this.sentBelowStart.has(id)
  }
}
