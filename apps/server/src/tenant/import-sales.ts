import {
  associatesByUserName,
  type ImportContext,
  personsByEmail,
  salesByTitle,
} from './import-context.ts'
import { emptyCount, foldKey, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

const isoDate = (value: string | undefined) =>
  value === undefined ? null : new Date(value).toISOString()

/** Upserts sales by title; the company comes from the sale's person. */
export async function importSales(
  ctx: ImportContext,
  items: readonly TenantItem<'Sales'>[]
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const count = emptyCount()
  const existing = await salesByTitle(ctx)
  const persons = await personsByEmail(ctx)
  const associates = await associatesByUserName(ctx)
  for (const item of items) {
    const person = item.Person === undefined ? undefined : persons.get(foldKey(item.Person))
    const owner = item.Associate === undefined ? undefined : associates.get(foldKey(item.Associate))
    const amount = item.Amount ?? 0
    const probability = item.Probability ?? 0
    await upsertRow(
      tx,
      tables.sales,
      'saleId',
      existing.get(item.Title),
      {
        title: item.Title,
        description: item.Description ?? '',
        amount,
        currency: item.Currency ?? '',
        probability,
        weightedAmount: (amount * probability) / 100,
        status: item.Status ?? 'Open',
        saleDate: isoDate(item.SaleDate),
        nextDueDate: null,
        personId: person?.personId ?? 0,
        personFullName: person?.fullName ?? '',
        contactId: person?.contactId ?? 0,
        contactName: person?.contactName ?? '',
        associateId: owner?.associateId ?? 0,
        associateFullName: owner?.fullName ?? '',
        projectId: 0,
        projectName: '',
        earningPercent: 0,
        earning: 0,
        saleTypeId: 0,
        saleTypeName: '',
        completed: 'NotStarted',
        activeErpLinks: 0,
        number: '',
      },
      count
    )
  }
  return count
}
