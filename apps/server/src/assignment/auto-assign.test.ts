import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'
import { type DatabaseKind, temporaryDatabase } from '../test/temp-database.ts'
import { adminLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'
import { AUTO_ASSIGN_ID } from './assign-owner.ts'

async function appWithTeam(kind: DatabaseKind) {
  const { app, store } = await createWebhookTestApp({ database: await temporaryDatabase(kind) })
  const seed = seeder(store.db, tablesOf(store.db))
  const team: number[] = []
  for (let i = 0; i < 4; i += 1) {
    team.push(await seed.associate())
  }
  // One signed-in request first, so parallel saves do not all pay the password hash.
  await call(app, 'GET', '/api/v1/Webhook', undefined, { auth: adminLogin })
  return { app, seed, team }
}

async function saveAuto(
  app: Awaited<ReturnType<typeof appWithTeam>>['app'],
  categoryId: number,
  extra: Record<string, unknown> = {}
) {
  const res = await call(
    app,
    'POST',
    '/api/v1/Ticket',
    {
      Title: 'auto',
      OwnedBy: { AssociateId: AUTO_ASSIGN_ID },
      Category: { TicketCategoryId: categoryId },
      ...extra,
    },
    { auth: adminLogin }
  )
  if (res.status !== 200) {
    throw new Error(`save failed: ${res.status} ${res.text}`)
  }
  return (res.body.OwnedBy?.AssociateId ?? null) as number | null
}

const shares = (owners: Array<number | null>, team: number[]) =>
  team.map((id) => owners.filter((owner) => owner === id).length)

describe.each<DatabaseKind>([':memory:', 'pg'])(
  'OwnedBy 2147483647 through POST /api/v1/Ticket on %s',
  {
    timeout: 60_000,
  },
  (kind) => {
    it('Even rotates, Weighted keeps its cycle, Not stays unassigned', async () => {
      const { app, seed, team } = await appWithTeam(kind)
      const even = await seed.category(
        { delegateMethod: 'Even' },
        team.map((associateId) => ({ associateId }))
      )
      const weighted = await seed.category(
        { delegateMethod: 'Weighted' },
        team.map((associateId, i) => ({ associateId, weight: i + 1 }))
      )
      const not = await seed.category(
        { delegateMethod: 'Not' },
        team.map((associateId) => ({ associateId }))
      )
      const evenOwners: Array<number | null> = []
      for (let i = 0; i < 8; i += 1) {
        evenOwners.push(await saveAuto(app, even))
      }
      expect(evenOwners).toEqual([...team, ...team])
      const weightedOwners: Array<number | null> = []
      for (let i = 0; i < 10; i += 1) {
        weightedOwners.push(await saveAuto(app, weighted))
      }
      expect(shares(weightedOwners, team)).toEqual([1, 2, 3, 4])
      expect(await saveAuto(app, not)).toBeNull()
    })

    it('DelegateToOurContact picks the person’s support associate', async () => {
      const { app, seed, team } = await appWithTeam(kind)
      const contact = await seed.associate()
      const person = await seed.person({ supportAssociateId: contact })
      const category = await seed.category(
        { delegateMethod: 'Unfair', flags: 'DelegateToOurContact' },
        team.map((associateId) => ({ associateId }))
      )
      expect(await saveAuto(app, category, { Person: { PersonId: person } })).toBe(contact)
      expect(await saveAuto(app, category)).toBe(team[0])
    })
  }
)

describe('automatic assignment under parallel saves on PostgreSQL', { timeout: 60_000 }, () => {
  it('20 parallel saves on an Even category of 4: exactly 5 each', async () => {
    const { app, seed, team } = await appWithTeam('pg')
    const category = await seed.category(
      { delegateMethod: 'Even' },
      team.map((associateId) => ({ associateId }))
    )
    const owners = await Promise.all(Array.from({ length: 20 }, () => saveAuto(app, category)))
    expect(shares(owners, team)).toEqual([5, 5, 5, 5])
  })
})
