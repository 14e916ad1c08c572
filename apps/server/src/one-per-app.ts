import type { AppDeps } from './app-deps.ts'

/**
 * `create` run once per app's dependencies, its result shared by every route that asks with
 * them (REST and agent routes of one app share one service or cache; two apps, as in tests,
 * never do).
 */
export function onePerApp<T>(create: (deps: AppDeps) => T): (deps: AppDeps) => T {
  const made = new WeakMap<AppDeps, T>()
  return (deps) => {
    let value = made.get(deps)
    if (value === undefined) {
      value = create(deps)
      made.set(deps, value)
    }
    return value
  }
}
