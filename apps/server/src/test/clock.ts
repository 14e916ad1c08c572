/**
 * A clock tests set by hand, passed as the service's `now`.
 * @example const clock = testClock('2026-01-16T14:00:00Z'); createTestApp({ now: clock.now })
 */
export function testClock(start: string) {
  let current = Date.parse(start)
  return {
    now: () => new Date(current),
    set(iso: string) {
      current = Date.parse(iso)
    },
    advance(ms: number) {
      current += ms
    },
  }
}
