import { readFileSync } from 'node:fs'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { verifyPassword } from '../auth/password.ts'
import { tablesOf } from '../db/tables-of.ts'
import { createTestApp } from '../test/harness.ts'
import { demoTenant } from '../test/tenant/tenant-fixtures.ts'
import { flagNames } from './default-choice.ts'
import { demoTenantPath } from './demo-tenant.ts'
import { validateTenantFile } from './validate-tenant-file.ts'

/** `| \`anna\` | \`anna-demo-7421\` | …` rows of the demo README's user table. */
function documentedPasswords(): Map<string, string> {
  const readme = readFileSync(new URL('../../tenant/README.md', import.meta.url), 'utf8')
  const rows = [...readme.matchAll(/^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|/gm)]
  return new Map(rows.map((m) => [m[1] ?? '', m[2] ?? '']))
}

describe('the demo tenant', () => {
  it('is a valid tenant file without $schema', () => {
    const raw = JSON.parse(readFileSync(demoTenantPath, 'utf8'))
    expect(raw.$schema).toBeUndefined()
    expect(() => validateTenantFile(raw, demoTenantPath)).not.toThrow()
  })

  it('documents a working password and an example.com address for every associate', async () => {
    const passwords = documentedPasswords()
    const associates = demoTenant().Associates ?? []
    expect(associates.length).toBeGreaterThanOrEqual(6)
    expect([...passwords.keys()].sort()).toEqual(associates.map((a) => a.UserName).sort())
    for (const associate of associates) {
      expect(associate.Email).toMatch(/^[^@\s]+@example\.com$/)
      const password = passwords.get(associate.UserName) ?? ''
      expect(await verifyPassword(password, associate.PasswordHash ?? ''), associate.UserName).toBe(
        true
      )
    }
  }, 30_000)

  it('has one category per assignment method, each with 3 members, and the notification options', () => {
    const categories = demoTenant().Categories ?? []
    expect(categories.map((c) => c.DelegateMethod).sort()).toEqual(
      ['Even', 'Not', 'Unfair', 'Weighted'].sort()
    )
    for (const c of categories) {
      expect(c.Members.length, c.Name).toBeGreaterThanOrEqual(3)
    }
    const weighted = categories.find((c) => c.DelegateMethod === 'Weighted')
    expect(new Set(weighted?.Members.map((m) => m.Weight)).size).toBe(weighted?.Members.length)
    expect(categories.some((c) => flagNames(c.Flags).includes('NotifyMembers'))).toBe(true)
    expect(categories.some((c) => (c.NotificationEmail ?? '') !== '')).toBe(true)
    const master = categories.find((c) => flagNames(c.Flags).includes('DefaultToCategoryMaster'))
    expect(master?.CategoryMaster).toBeTruthy()
  })

  it('loads with TICKET_DEMO_DATA at least the documented demo sizes, some names multi-language', async () => {
    const { deps } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    const { db } = deps.store
    const t = tablesOf(db)
    const rows = async (table: Parameters<ReturnType<typeof db.select>['from']>[0]) => {
      const [row] = await db.select({ n: count() }).from(table)
      return row?.n ?? 0
    }
    // The first-start admin comes on top of the demo associates.
    expect(await rows(t.associates)).toBeGreaterThanOrEqual(1 + 6)
    expect(await rows(t.ticketCategories)).toBeGreaterThanOrEqual(4)
    expect(await rows(t.categoryMembers)).toBeGreaterThanOrEqual(4 * 3)
    expect(await rows(t.ticketPriorities)).toBeGreaterThanOrEqual(3)
    expect(await rows(t.ticketTypes)).toBeGreaterThanOrEqual(2)
    expect(await rows(t.persons)).toBeGreaterThanOrEqual(10)
    expect(await rows(t.sales)).toBeGreaterThanOrEqual(2)
    expect(await rows(t.projects)).toBeGreaterThanOrEqual(2)
    const statuses = await db.select().from(t.ticketStatuses)
    expect(statuses.map((s) => s.status).sort()).toEqual(
      ['Active', 'Closed', 'Deleted', 'Merged', 'Postponed'].sort()
    )
    const priorities = await db.select().from(t.ticketPriorities)
    expect(priorities.filter((p) => /^NO:".+";US:".+"$/.test(p.name))).not.toHaveLength(0)
    const persons = await db.select().from(t.persons)
    expect(persons.filter((p) => p.supportAssociateId > 0)).not.toHaveLength(0)
  }, 30_000)
})
