import type { Tables } from '../db/store.ts'
import type { Caller } from './caller.ts'

type AssociateRow = Tables['associates']['$inferSelect']

/** The caller an associate row stands for. */
export const callerOf = (row: AssociateRow): Caller => ({
  associateId: row.associateId,
  userName: row.userName ?? row.name,
  fullName: row.fullName,
  isAdmin: row.isAdmin,
  language: row.language || 'US',
})
