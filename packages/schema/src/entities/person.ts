import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Bool, Int32, Text } from '../common/types.ts'

/**
 * A person (customer contact), as used for `Person` and `SecondaryPersons`.
 * @example { PersonId: 7, Firstname: 'Ola', Lastname: 'Nordmann', Email: 'ola@example.no' }
 */
export const Person = Type.Object(
  {
    Position: Text('Position', 255),
    PersonId: Int32('Primary key'),
    Mrmrs: Text('e.g. Mrs sex_title', 255),
    Firstname: Text('First name', 255),
    Lastname: Text('Last name', 255),
    MiddleName: Text('Middle name or "van" etc.', 255),
    Title: Text('e.g. Dr, Prof, Mr, Mrs', 255),
    Description: Text('The person description', 2000),
    Email: Text('The primary email address', 255),
    FullName: Text('Full name of the person', 255),
    DirectPhone: Text('The direct phone number', 255),
    FormalName: Text('The formal name of the person', 255),
    CountryId: Int32('Country id of the person'),
    ContactId: Int32('The company (contact) id the person belongs to'),
    ContactName: Text('Name of the company the person belongs to', 255),
    Retired: Int32('1 = retired, 0 = active'),
    Rank: Int32('Rank of the person within the company'),
    ActiveInterests: Int32('The number of active interests'),
    ContactDepartment: Text('Department of the company the person belongs to', 255),
    ContactCountryId: Int32('Country id of the company'),
    ContactOrgNr: Text('Organisation number of the company', 255),
    FaxPhone: Text('Fax number', 255),
    MobilePhone: Text('Mobile phone number', 255),
    ContactPhone: Text('Phone number of the company', 255),
    AssociateName: Text('Name of the associate (our contact) of the person', 255),
    AssociateId: Int32('The associate id of our contact for the person'),
    UsePersonAddress: Bool('True if the person address is used instead of the company address'),
    ContactFax: Text('Fax number of the company', 255),
    Kanafname: Text('Kana first name, used in Japanese versions', 255),
    Kanalname: Text('Kana last name, used in Japanese versions', 255),
    Post1: Text('Postal address, line 1', 255),
    Post2: Text('Postal address, line 2', 255),
    Post3: Text('Postal address, line 3', 255),
    EmailName: Text('Email address with display name', 255),
    ContactFullName: Text('Full name of the company', 255),
    ActiveErpLinks: Int32('The number of active ERP links'),
    TicketPriorityId: Int32('Default ticket priority id for tickets from this person'),
    SupportLanguageId: Int32('Preferred language id for customer service'),
    SupportAssociateId: Int32('Default associate id for support tickets from this person'),
    CategoryName: Text('Name of the company category', 255),
    PersonNumber: Type.Optional(Text('Alphanumeric user field', 255)),
    ...rightsProperties(),
  },
  { $id: 'Person', description: 'A person: a contact of a customer company.' }
)
export type Person = Static<typeof Person>
