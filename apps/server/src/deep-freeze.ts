/**
 * Freezes `value` and everything it holds, so a value shared by every request cannot be edited
 * by one of them: an accidental edit throws instead of changing what the others see. A frozen
 * object is taken as frozen all the way down (whoever froze it used this).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) {
      deepFreeze(child)
    }
  }
  return value
}
