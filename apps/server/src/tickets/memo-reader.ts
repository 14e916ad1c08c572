import type { ReferenceReader } from './reference-reader.ts'

/**
 * A reader that loads each carrier once: one save resolves a category, then reads the saved
 * ticket back with that same category; owner and creator are often the same associate.
 * Use one per transaction or request, never longer (reference data may change between them).
 */
export function memoReader(reader: ReferenceReader): ReferenceReader {
  const cache = new Map<string, Promise<unknown>>()
  const memo =
    <A extends unknown[], R>(name: string, load: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const key = `${name}:${args.join(',')}`
      let hit = cache.get(key) as Promise<R> | undefined
      if (!hit) {
        hit = load(...args)
        cache.set(key, hit)
      }
      return hit
    }
  return {
    associate: memo('associate', reader.associate),
    category: memo('category', reader.category),
    priority: memo('priority', reader.priority),
    status: memo('status', reader.status),
    person: memo('person', reader.person),
    sale: memo('sale', reader.sale),
    project: memo('project', reader.project),
    ticketType: memo('ticketType', reader.ticketType),
    defaults: memo('defaults', reader.defaults),
    defaultStatusFor: memo('defaultStatusFor', reader.defaultStatusFor),
  }
}
