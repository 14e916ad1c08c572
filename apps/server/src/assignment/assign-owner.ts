import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import {
  availableAssociate,
  availableMembers,
  lockCategory,
  openTicketCounts,
  saveAssignmentState,
  supportAssociate,
} from './assignment-queries.ts'
import type { AssignmentState } from './candidate.ts'
import { categoryFlags } from './category-flags.ts'
import { pickEven } from './pick-even.ts'
import { pickFewestOpen } from './pick-fewest-open.ts'
import { pickWeighted } from './pick-weighted.ts'

/** `OwnedBy.AssociateId` that asks for automatic assignment (SuperOffice's MaxInt). */
export const AUTO_ASSIGN_ID = 2147483647

export interface AssignInput {
  categoryId: number | null
  personId: number | null
}

/**
 * Picks the owner of a ticket saved with `OwnedBy.AssociateId = 2147483647`, inside the save
 * transaction (the category row stays locked until it ends). Returns null when the ticket stays
 * unassigned: no category, method Not or Unknown, or nobody available.
 *
 * Order: with `DelegateToOurContact`, the person's support associate when set and not deleted;
 * then the method (Even, Weighted, Unfair) over members whose associate is not deleted; then, with
 * `DefaultToCategoryMaster`, the category master when not deleted.
 * @example const owner = await assignOwner(tx, { categoryId: 3, personId: 12 })
 */
export async function assignOwner(tx: Db, input: AssignInput): Promise<number | null> {
  if (input.categoryId === null) {
    return null
  }
  const t = tablesOf(tx)
  const category = await lockCategory(tx, t, input.categoryId)
  const method = category?.delegateMethod
  if (!category || (method !== 'Even' && method !== 'Weighted' && method !== 'Unfair')) {
    return null
  }
  const flags = categoryFlags(category.flags)
  if (flags.has('DelegateToOurContact') && input.personId !== null) {
    const contact = await supportAssociate(tx, t, input.personId)
    if (contact !== null) {
      return contact
    }
  }
  const members = await availableMembers(tx, t, input.categoryId)
  let picked: number | null
  if (method === 'Unfair') {
    const counts = await openTicketCounts(
      tx,
      t,
      members.map((m) => m.associateId)
    )
    picked = pickFewestOpen(members, counts)
  } else {
    const pick = method === 'Even' ? pickEven : pickWeighted
    const result = pick(members, readState(category.assignmentState))
    if (result) {
      await saveAssignmentState(tx, t, input.categoryId, result.state)
    }
    picked = result?.associateId ?? null
  }
  if (picked === null && flags.has('DefaultToCategoryMaster')) {
    return availableAssociate(tx, t, category.categoryMaster)
  }
  return picked
}

function readState(value: unknown): AssignmentState {
  const state: AssignmentState = {}
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry === 'number' && Number.isFinite(entry)) {
        state[key] = entry
      }
    }
  }
  return state
}
