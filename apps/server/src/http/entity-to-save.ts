import { ApiError } from './api-error.ts'

/** The answer to a save whose body carries no entity (SuperOffice's client may send `null`). */
export const noEntityToSave = () =>
  new ApiError('BAD_REQUEST', 'Entity to save is not in request body.')

/** The entity a save method was sent, or a 400 when the body is `null`. */
export function entityToSave<T>(body: T | null): T {
  if (body === null) {
    throw noEntityToSave()
  }
  return body
}

/** The `NewEntity` of an agent's …WithNotify wrapper, or a 400 pointing at it. */
export function newEntityOf<T>(wrapper: { NewEntity?: T | null } | null): T {
  const entity = wrapper?.NewEntity
  if (!entity) {
    throw new ApiError('BAD_REQUEST', 'newEntity is required.', {
      errors: [{ path: '/NewEntity', message: 'required', code: 'required' }],
    })
  }
  return entity
}
