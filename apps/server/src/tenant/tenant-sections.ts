import type { TenantFile } from '@ticket/schema'

/** The sections of a tenant file, in import (dependency) order. */
export const tenantSections = [
  'Associates',
  'Statuses',
  'Priorities',
  'Categories',
  'TicketTypes',
  'Persons',
  'Sales',
  'Projects',
  'Tags',
  'CustomFields',
] as const satisfies readonly (keyof TenantFile)[]

export type TenantSection = (typeof tenantSections)[number]

/** One item of a tenant file section, e.g. `TenantItem<'Associates'>`. */
export type TenantItem<K extends TenantSection> = NonNullable<TenantFile[K]>[number]

/** What an import did with the items of one section. */
export interface SectionCount {
  created: number
  updated: number
  unchanged: number
}

export type ImportCounts = Record<TenantSection, SectionCount>

export const emptyCount = (): SectionCount => ({ created: 0, updated: 0, unchanged: 0 })

/** Natural keys that match case-insensitively (user names, emails, tag names). */
export const foldKey = (key: string) => key.toLocaleLowerCase('en')
