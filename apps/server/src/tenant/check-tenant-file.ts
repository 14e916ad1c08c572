import type { TenantFile } from '@ticket/schema'
import { canonicalZone } from '../locale/zoned-time.ts'
import { flagNames } from './default-choice.ts'
import type { TenantFileIssue } from './tenant-file-error.ts'
import { foldKey } from './tenant-sections.ts'

/** Natural keys already in the database; references may point at them as well as at the file. */
export interface KnownKeys {
  userNames: ReadonlySet<string>
  statuses: ReadonlySet<string>
  priorities: ReadonlySet<string>
  categories: ReadonlySet<string>
  personEmails: ReadonlySet<string>
}

type Issues = TenantFileIssue[]

function duplicates<T>(items: readonly T[], key: (item: T) => string, at: string, issues: Issues) {
  const first = new Map<string, number>()
  items.forEach((item, i) => {
    const k = key(item)
    const previous = first.get(k)
    if (previous === undefined) {
      first.set(k, i)
    } else {
      issues.push({ path: `${at}/${i}`, message: `duplicate of ${at}/${previous}` })
    }
  })
}

function atMostOne<T>(items: readonly T[], marked: (item: T) => boolean, at: string, what: string) {
  const indexes = items.flatMap((item, i) => (marked(item) ? [i] : []))
  return indexes.length > 1
    ? [{ path: `${at}/${indexes[1]}`, message: `a second ${what}; ${at}/${indexes[0]} is one` }]
    : []
}

class Refs {
  readonly issues: Issues = []
  private readonly names: Record<keyof KnownKeys, Set<string>>

  constructor(names: Record<keyof KnownKeys, Set<string>>) {
    this.names = names
  }

  expect(kind: keyof KnownKeys, value: string | undefined, path: string, what: string) {
    if (value === undefined) {
      return
    }
    const key = kind === 'userNames' || kind === 'personEmails' ? foldKey(value) : value
    if (!this.names[kind].has(key)) {
      this.issues.push({ path, message: `unknown ${what} "${value}"` })
    }
  }
}

function categoryCycles(file: TenantFile, issues: Issues) {
  const categories = file.Categories ?? []
  const parentOf = new Map(categories.map((c) => [c.Name, c.ParentName]))
  categories.forEach((category, i) => {
    const seen = new Set([category.Name])
    let parent = category.ParentName
    while (parent !== undefined && parentOf.has(parent)) {
      if (seen.has(parent)) {
        issues.push({ path: `/Categories/${i}/ParentName`, message: 'the parents form a cycle' })
        return
      }
      seen.add(parent)
      parent = parentOf.get(parent)
    }
  })
}

/**
 * What the schema cannot see: duplicate natural keys, references to names that exist neither in
 * the file nor in the database, more than one default of a kind, and category cycles.
 */
export function checkTenantFile(file: TenantFile, known: KnownKeys): TenantFileIssue[] {
  const associates = file.Associates ?? []
  const statuses = file.Statuses ?? []
  const priorities = file.Priorities ?? []
  const categories = file.Categories ?? []
  const ticketTypes = file.TicketTypes ?? []
  const persons = file.Persons ?? []
  const issues: Issues = []

  duplicates(associates, (a) => foldKey(a.UserName), '/Associates', issues)
  duplicates(statuses, (s) => s.Name, '/Statuses', issues)
  duplicates(priorities, (p) => p.Name, '/Priorities', issues)
  duplicates(categories, (c) => c.Name, '/Categories', issues)
  duplicates(ticketTypes, (t) => t.Name, '/TicketTypes', issues)
  duplicates(persons, (p) => foldKey(p.Email), '/Persons', issues)
  duplicates(file.Sales ?? [], (s) => s.Title, '/Sales', issues)
  duplicates(file.Projects ?? [], (p) => p.Name, '/Projects', issues)
  duplicates(file.Tags ?? [], (t) => foldKey(t.Name), '/Tags', issues)

  issues.push(...atMostOne(categories, (c) => c.IsDefault === true, '/Categories', 'default'))
  issues.push(...atMostOne(ticketTypes, (t) => t.IsDefault === true, '/TicketTypes', 'default'))
  const isDefaultPriority = (p: (typeof priorities)[number]) =>
    flagNames(p.Flags).includes('Default')
  issues.push(...atMostOne(priorities, isDefaultPriority, '/Priorities', 'Default priority'))
  for (const [i, priority] of priorities.entries()) {
    if (priority.TimeZone !== undefined && canonicalZone(priority.TimeZone) === undefined) {
      issues.push({ path: `/Priorities/${i}/TimeZone`, message: 'not an IANA time zone' })
    }
  }
  for (const base of new Set(statuses.map((s) => s.Status))) {
    const marked = (s: (typeof statuses)[number]) => s.Status === base && s.IsDefault === true
    issues.push(...atMostOne(statuses, marked, '/Statuses', `default ${base} status`))
  }

  const refs = new Refs({
    userNames: new Set([...known.userNames, ...associates.map((a) => foldKey(a.UserName))]),
    statuses: new Set([...known.statuses, ...statuses.map((s) => s.Name)]),
    priorities: new Set([...known.priorities, ...priorities.map((p) => p.Name)]),
    categories: new Set([...known.categories, ...categories.map((c) => c.Name)]),
    personEmails: new Set([...known.personEmails, ...persons.map((p) => foldKey(p.Email))]),
  })
  categories.forEach((c, i) => {
    const at = `/Categories/${i}`
    refs.expect('categories', c.ParentName, `${at}/ParentName`, 'category')
    refs.expect('userNames', c.CategoryMaster, `${at}/CategoryMaster`, 'associate')
    refs.expect('statuses', c.DefaultTicketStatus, `${at}/DefaultTicketStatus`, 'status')
    c.Members.forEach((m, j) => {
      refs.expect('userNames', m.UserName, `${at}/Members/${j}/UserName`, 'associate')
    })
    duplicates(c.Members, (m) => foldKey(m.UserName), `${at}/Members`, issues)
  })
  ticketTypes.forEach((t, i) => {
    refs.expect(
      'statuses',
      t.DefaultTicketStatus,
      `/TicketTypes/${i}/DefaultTicketStatus`,
      'status'
    )
    const at = `/TicketTypes/${i}/DefaultTicketPriority`
    refs.expect('priorities', t.DefaultTicketPriority, at, 'priority')
  })
  persons.forEach((p, i) => {
    refs.expect('userNames', p.SupportAssociate, `/Persons/${i}/SupportAssociate`, 'associate')
    refs.expect('priorities', p.TicketPriority, `/Persons/${i}/TicketPriority`, 'priority')
  })
  ;(file.Sales ?? []).forEach((s, i) => {
    refs.expect('personEmails', s.Person, `/Sales/${i}/Person`, 'person')
    refs.expect('userNames', s.Associate, `/Sales/${i}/Associate`, 'associate')
  })
  ;(file.Projects ?? []).forEach((p, i) => {
    refs.expect('userNames', p.Associate, `/Projects/${i}/Associate`, 'associate')
  })
  categoryCycles(file, issues)
  return [...issues, ...refs.issues].sort((a, b) =>
    a.path.localeCompare(b.path, 'en', { numeric: true })
  )
}
