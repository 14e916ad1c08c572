import type { ReferenceReader } from '../reference/reference-reader.ts'
import { type CategoryFacts, splitAddresses } from './rules.ts'

/**
 * What the rules need about a ticket's category, from reference data (held in memory by the
 * catalog); null when it has none.
 */
export async function categoryFactsOf(
  reference: ReferenceReader,
  categoryId: number | undefined
): Promise<CategoryFacts | null> {
  if (!categoryId || categoryId <= 0) {
    return null
  }
  const category = await reference.category(categoryId)
  if (!category) {
    return null
  }
  return {
    name: category.Name,
    notifyMembers: category.Flags.split(',').some((flag) => flag.trim() === 'NotifyMembers'),
    memberIds: await reference.categoryMembers(categoryId),
    notificationEmails: splitAddresses(category.NotificationEmail),
  }
}
