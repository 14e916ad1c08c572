import { describe, expect, it } from 'vitest'
import type { Db } from '../db/store.ts'
import { saveWithRights } from './save-with-rights.ts'

type Entity = { id: number; stamped?: number }
const tx = {} as Db

function counter() {
  let stamps = 0
  return {
    stamp: (entity: Entity): Entity => ({ ...entity, stamped: ++stamps }),
    get stamps() {
      return stamps
    },
  }
}

describe('saveWithRights', () => {
  it('stamps once: the hook and the caller get the same stamped entity', async () => {
    const rights = counter()
    const saved = { id: 1 }
    let hooked: Entity | undefined
    const result = await saveWithRights(
      async (request: { beforeCommit?: (tx: Db, e: Entity) => Promise<void> }) => {
        await request.beforeCommit?.(tx, saved)
        return saved
      },
      {
        beforeCommit: async (_tx: Db, entity: Entity) => {
          hooked = entity
        },
      },
      rights.stamp
    )
    expect(result).toEqual({ id: 1, stamped: 1 })
    expect(result).toBe(hooked)
    expect(rights.stamps).toBe(1)
  })

  it('stamps what the save returns when that is not what the hook saw (a retried attempt)', async () => {
    const rights = counter()
    const result = await saveWithRights(
      async (request: { beforeCommit?: (tx: Db, e: Entity) => Promise<void> }) => {
        await request.beforeCommit?.(tx, { id: 1 })
        return { id: 2 }
      },
      { beforeCommit: async () => {} },
      rights.stamp
    )
    expect(result).toEqual({ id: 2, stamped: 2 })
  })

  it('stamps the saved entity when there is no hook', async () => {
    const rights = counter()
    const result = await saveWithRights(async () => ({ id: 3 }), {}, rights.stamp)
    expect(result).toEqual({ id: 3, stamped: 1 })
  })
})
