import {
  associatesByUserName,
  type ImportContext,
  personsByEmail,
  prioritiesByName,
} from './import-context.ts'
import { emptyCount, foldKey, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

/**
 * Upserts persons by email (case-insensitively). The support associate is also the person's
 * "our contact" (AssociateId), the one `DelegateToOurContact` assigns to.
 */
export async function importPersons(
  ctx: ImportContext,
  items: readonly TenantItem<'Persons'>[]
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const count = emptyCount()
  const existing = await personsByEmail(ctx)
  const associates = await associatesByUserName(ctx)
  const priorities = await prioritiesByName(ctx)
  for (const [i, item] of items.entries()) {
    const support =
      item.SupportAssociate === undefined
        ? undefined
        : associates.get(foldKey(item.SupportAssociate))
    const priority =
      item.TicketPriority === undefined ? undefined : priorities.get(item.TicketPriority)
    const fullName = `${item.Firstname} ${item.Lastname}`.trim()
    const salutation = item.Mrmrs ?? ''
    await upsertRow(
      tx,
      tables.persons,
      'personId',
      existing.get(foldKey(item.Email)),
      {
        firstname: item.Firstname,
        lastname: item.Lastname,
        middleName: '',
        email: item.Email,
        fullName,
        formalName: salutation ? `${salutation} ${fullName}` : fullName,
        emailName: `${fullName} <${item.Email}>`,
        mrmrs: salutation,
        title: item.Title ?? '',
        position: '',
        description: '',
        directPhone: item.DirectPhone ?? '',
        mobilePhone: item.MobilePhone ?? '',
        faxPhone: '',
        contactName: item.ContactName ?? '',
        contactFullName: item.ContactName ?? '',
        contactId: 0,
        contactDepartment: '',
        contactCountryId: 0,
        contactOrgNr: '',
        contactPhone: '',
        contactFax: '',
        countryId: 0,
        retired: 0,
        rank: i + 1,
        activeInterests: 0,
        associateId: support?.associateId ?? 0,
        associateName: support?.fullName ?? '',
        supportAssociateId: support?.associateId ?? 0,
        ticketPriorityId: priority?.ticketPriorityId ?? 0,
        supportLanguageId: 0,
        usePersonAddress: false,
        kanafname: '',
        kanalname: '',
        post1: '',
        post2: '',
        post3: '',
        activeErpLinks: 0,
        categoryName: '',
      },
      count
    )
  }
  return count
}
