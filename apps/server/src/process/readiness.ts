/**
 * Where this process is in its life, as `/readyz` reports it: not ready while it migrates and
 * seeds the database, ready while it serves, not ready again once it drains for shutdown, so a
 * load balancer stops sending it work while the rest of the fleet carries on.
 */
export type ReadyState = 'starting' | 'ready' | 'draining'

export class Readiness {
  private current: ReadyState

  constructor(initial: ReadyState = 'starting') {
    this.current = initial
  }

  get state(): ReadyState {
    return this.current
  }

  ready(): void {
    if (this.current === 'starting') {
      this.current = 'ready'
    }
  }

  drain(): void {
    this.current = 'draining'
  }
}
