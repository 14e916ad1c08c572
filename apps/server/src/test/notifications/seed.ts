import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import {
  Associate,
  type BaseStatus,
  type NotificationPreferences,
  TicketCategoryEntity,
  TicketEntity,
  TicketPriorityEntity,
} from '@ticket/schema'
import type { Store } from '../../db/store.ts'
import { tablesOf } from '../../db/tables-of.ts'
import { backlogNewTickets } from '../../listing/sqlite-search-backlog.ts'
import type { TicketChange } from '../../tickets/ticket-change.ts'
import { hashOnce, seeder } from '../seed.ts'

// Test data written straight into the tables, for tests that must not depend on other routes.

export interface AssociateSeed {
  name: string
  email?: string
  language?: string
  preferences?: NotificationPreferences
  isAdmin?: boolean
  deleted?: boolean
  /** Sign-in password; without one the associate cannot sign in. */
  password?: string
}

export async function seedAssociate(store: Store, seed: AssociateSeed): Promise<number> {
  return seeder(store.db, tablesOf(store.db)).associate({
    name: seed.name,
    fullName: `${seed.name} Tester`,
    formalName: seed.name,
    deleted: seed.deleted ?? false,
    userName: seed.name.toLowerCase(),
    email: seed.email ?? `${seed.name.toLowerCase()}@example.test`,
    language: seed.language ?? 'US',
    passwordHash: seed.password ? await hashOnce(seed.password) : null,
    isAdmin: seed.isAdmin ?? false,
    preferences: seed.preferences ?? {},
  })
}

export interface CategorySeed {
  name: string
  flags?: string
  notificationEmail?: string
  members?: number[]
}

export async function seedCategory(store: Store, seed: CategorySeed): Promise<number> {
  const { ticketCategories, categoryMembers } = tablesOf(store.db)
  const [row] = await store.db
    .insert(ticketCategories)
    .values({
      parentId: -1,
      name: seed.name,
      fullname: seed.name,
      categoryMaster: 0,
      flags: seed.flags ?? '',
      delegateMethod: 'Not',
      externalName: seed.name,
      closingStatus: 'Closed',
      msgClosingStatus: 'Active',
      assignmentLag: -1,
      replyTemplate: 0,
      notificationEmail: seed.notificationEmail ?? '',
      effectiveReplyTemplateId: 0,
      extraFields: {},
      customFields: {},
      isDefault: false,
    })
    .returning({ id: ticketCategories.ticketCategoryId })
  if (!row) {
    throw new Error('category not inserted')
  }
  const members = seed.members ?? []
  if (members.length > 0) {
    await store.db.insert(categoryMembers).values(
      members.map((associateId, position) => ({
        ticketCategoryId: row.id,
        position,
        associateId,
        weight: 1,
      }))
    )
  }
  return row.id
}

/** A bare `tickets` row, for routes that check the ticket exists. */
export async function seedTicketRow(store: Store, title: string, revision = 1): Promise<number> {
  const [row] = await store.db
    .insert(tablesOf(store.db).tickets)
    .values({
      title,
      author: '',
      slevel: 'Internal',
      baseStatus: 'Active',
      origin: 'Internal',
      alertLevel: 0,
      connectId: 0,
      readStatus: 'Green',
      timeToReply: 0,
      realTimeToReply: 0,
      timeToClose: 0,
      realTimeToClose: 0,
      timeSpentInternally: 0,
      timeSpentExternally: 0,
      timeSpentQueue: 0,
      realTimeSpentInternally: 0,
      realTimeSpentExternally: 0,
      realTimeSpentQueue: 0,
      hasAttachment: false,
      numReplies: 0,
      numMessages: 0,
      fromAddress: '',
      language: '',
      sentiment: 0,
      sentimentConfidence: 0,
      suggestedCategoryId: 0,
      suggestedCategoryName: '',
      origHumanCategoryId: 0,
      extraFields: {},
      customFields: {},
      revision,
    })
    .returning({ id: tablesOf(store.db).tickets.ticketId })
  if (!row) {
    throw new Error('ticket not inserted')
  }
  // As a save does on SQLite (PostgreSQL's trigger covers it): the title becomes searchable.
  if (store.dialect === 'sqlite') {
    backlogNewTickets(store, [row.id])
  }
  return row.id
}

/** Every property at its empty value: nullable ones null, the rest as TypeBox creates them. */
function create<T>(schema: TSchema & { properties: Record<string, TSchema> }): T {
  const out: Record<string, unknown> = {}
  for (const [name, property] of Object.entries(schema.properties)) {
    out[name] = Array.isArray(property.anyOf) ? null : Value.Create(property)
  }
  return out as T
}

export interface TicketShape {
  id: number
  title?: string
  ownerId?: number
  ownerName?: string
  categoryId?: number
  categoryName?: string
  priorityName?: string
  baseStatus?: BaseStatus
}

/** A TicketEntity as a read would return it, with the fields the rules look at set. */
export function ticketEntity(shape: TicketShape): TicketEntity {
  const ticket = create<TicketEntity>(TicketEntity)
  ticket.TicketId = shape.id
  ticket.Title = shape.title ?? `Ticket ${shape.id}`
  ticket.BaseStatus = shape.baseStatus ?? 'Active'
  if (shape.ownerId !== undefined) {
    ticket.OwnedBy = {
      ...create<Associate>(Associate),
      AssociateId: shape.ownerId,
      FullName: shape.ownerName ?? `Owner ${shape.ownerId}`,
    }
  }
  if (shape.categoryId !== undefined) {
    ticket.Category = {
      ...create<TicketCategoryEntity>(TicketCategoryEntity),
      TicketCategoryId: shape.categoryId,
      Name: shape.categoryName ?? `Category ${shape.categoryId}`,
    }
  }
  if (shape.priorityName !== undefined) {
    ticket.Priority = {
      ...create<TicketPriorityEntity>(TicketPriorityEntity),
      TicketPriorityId: 1,
      Name: shape.priorityName,
    }
  }
  return ticket
}

export interface ChangeShape {
  before?: TicketShape | null
  after: TicketShape
  actorId: number
  notify?: boolean
  notifyNewTicket?: boolean
  at?: string
  kind?: TicketChange['kind']
  /** The ticket's revision after the change (what `seedTicketRow` writes by default). */
  revision?: number
}

export function ticketChange(shape: ChangeShape): TicketChange {
  const before = shape.before ? ticketEntity(shape.before) : null
  return {
    kind: shape.kind ?? (before ? 'changed' : 'created'),
    ticketId: shape.after.id,
    before,
    after: ticketEntity(shape.after),
    actorId: shape.actorId,
    notify: shape.notify ?? true,
    notifyNewTicket: shape.notifyNewTicket,
    at: shape.at ?? new Date().toISOString(),
    revision: shape.revision ?? 1,
    changedColumns: [],
  }
}
