import type { Person, TicketEntity } from '@ticket/schema'
import type { FieldError } from '../http/api-error.ts'
import type { ReferenceReader } from './reference-reader.ts'

/** SecondaryPersons by PersonId; each must exist; duplicates collapse. */
export async function resolveSecondaryPersons(
  sent: NonNullable<TicketEntity['SecondaryPersons']>,
  reader: ReferenceReader,
  errors: FieldError[]
): Promise<Person[]> {
  const persons = new Map<number, Person>()
  for (const [index, item] of sent.entries()) {
    const id = (item as Partial<Person>).PersonId
    if (typeof id !== 'number' || id <= 0) {
      errors.push({
        path: `/SecondaryPersons/${index}/PersonId`,
        message: 'PersonId is required.',
        code: 'required',
      })
      continue
    }
    const person = persons.get(id) ?? (await reader.person(id))
    if (!person) {
      errors.push({
        path: `/SecondaryPersons/${index}/PersonId`,
        message: `There is no person with id ${id}.`,
        code: 'unknown_reference',
      })
      continue
    }
    persons.set(id, person)
  }
  return [...persons.values()]
}
