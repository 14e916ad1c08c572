import { eq } from 'drizzle-orm'
import { tablesOf } from '../../db/tables-of.ts'
import { createTestApp, type TestAppOptions } from '../harness.ts'
import { adminAuth } from '../requests.ts'
import { seedAssociate } from './seed.ts'

export interface Person {
  id: number
  auth: { username: string; password: string }
}

/**
 * The real app (createTestApp) with the first-start admin and two associates who can sign in:
 * Anna (English) and Ola (Norwegian).
 */
export async function notificationsApp(options: TestAppOptions = {}) {
  const test = await createTestApp(options)
  const { store } = test.deps
  const person = async (name: string, language: string): Promise<Person> => {
    const password = `${name.toLowerCase()}-password`
    const id = await seedAssociate(store, { name, language, password })
    return { id, auth: { username: name.toLowerCase(), password } }
  }
  const [adminRow] = await store.db
    .select({ id: tablesOf(store.db).associates.associateId })
    .from(tablesOf(store.db).associates)
    .where(eq(tablesOf(store.db).associates.userName, adminAuth.username))
  if (!adminRow) {
    throw new Error('the first-start admin is missing')
  }
  const admin: Person = { id: adminRow.id, auth: adminAuth }
  return { ...test, store, admin, anna: await person('Anna', 'US'), ola: await person('Ola', 'NO') }
}
