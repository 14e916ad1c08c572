import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { serverRoot } from '../server-root.ts'
import type { demoRefs } from './demo-refs.ts'

/** The reference page's sample body as sent (`post-ticket-sample.json` in the schema package). */
export const referenceSampleText = readFileSync(
  resolve(serverRoot, '../../packages/schema/src/entities/fixtures/post-ticket-sample.json'),
  'utf8'
)

/** The sample body as a new object each call: test files share modules, so none may edit one. */
export const referenceSample = () => JSON.parse(referenceSampleText)

/**
 * The sample as a create in the demo tenant, as the benchmark sends it: TicketId 0 and the
 * tenant's owner, category, person and secondary person in place of the sample's ids.
 */
export const sampleCreateIn = (refs: Awaited<ReturnType<typeof demoRefs>>) => ({
  ...referenceSample(),
  TicketId: 0,
  OwnedBy: { AssociateId: refs.associates[1]?.associateId },
  Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
  Person: { PersonId: refs.persons[0]?.personId },
  SecondaryPersons: [{ PersonId: refs.persons[1]?.personId }],
})
