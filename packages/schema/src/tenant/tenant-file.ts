import { type Static, type TProperties, Type } from '@sinclair/typebox'
import { Bool, Describe, Int32, Text } from '../common/types.ts'
import { Associate } from '../entities/associate.ts'
import { Person } from '../entities/person.ts'
import { Project } from '../entities/project.ts'
import { Sale } from '../entities/sale.ts'
import { TicketCategoryEntity } from '../entities/ticket-category.ts'
import { TicketCustomFieldInfo } from '../entities/ticket-custom-field.ts'
import { EscalationLevel, TicketPriorityEntity } from '../entities/ticket-priority.ts'
import { TicketStatusEntity } from '../entities/ticket-status.ts'
import { TicketType } from '../entities/ticket-type.ts'
import { NotificationPreferences } from '../storage/notification-preferences.ts'

// Hand-edited files: a misspelt key should be an error, not silently ignored.
const strict = <T extends TProperties>(properties: T, description: string) =>
  Type.Object(properties, { description, additionalProperties: false })

const optional = Type.Optional

const userRef = (description: string) =>
  Text(`${description} Refers to an associate by UserName.`, 255)

const nameRef = (what: string, description: string) =>
  Text(`${description} Refers to a ${what} by its Name exactly as written in this file.`, 255)

const TIME = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })
const day = (name: string, edge: string) =>
  optional(Type.String({ ...TIME, description: `${name} working hours ${edge}, HH:mm.` }))

export const TenantAssociate = strict(
  {
    UserName: Text('Login name; the natural key of the associate.', 255),
    Password: optional(
      Text('Plain-text password (demo tenants only); hashed on import. Or give PasswordHash.', 255)
    ),
    PasswordHash: optional(Text('A password hash as stored; used when Password is absent.', 1000)),
    FullName: Text('Full name, e.g. "Anna Admin".', 255),
    Name: Text('Initials, e.g. "AA".', 50),
    Email: Text('Email address for email notifications.', 255),
    Language: optional(Text('Preferred language code, e.g. US or NO. Default US.', 10)),
    IsAdmin: optional(Bool('Full rights. Default false.')),
    Type: optional(Describe(Associate.properties.Type, 'Kind of associate. Default internal.')),
    Preferences: optional(
      Describe(NotificationPreferences, 'Notification channel per event; missing = both.')
    ),
  },
  'An associate (user).'
)

export const TenantCategoryMember = strict(
  {
    UserName: userRef('The member.'),
    Weight: optional(Int32('Weight for the Weighted method. Default 1.', { minimum: 0 })),
  },
  'A member of a category.'
)

export const TenantCategory = strict(
  {
    Name: Text('Category name; may be a multi-language value like NO:"Salg";US:"Sales".', 255),
    ParentName: optional(nameRef('category', 'The parent category; absent for top level.')),
    ExternalName: optional(Text('Name shown to customers.', 255)),
    DelegateMethod: Describe(
      TicketCategoryEntity.properties.DelegateMethod,
      'How new tickets are assigned.'
    ),
    Flags: optional(Describe(TicketCategoryEntity.properties.Flags, 'Category options.')),
    CategoryMaster: optional(userRef('The category master (administrator).')),
    NotificationEmail: optional(
      Text('Comma-separated addresses notified when a new ticket lands unassigned.', 1000)
    ),
    AssignmentLag: optional(Int32('Sticky-assignment minutes; -1 disables. Default -1.')),
    DefaultTicketStatus: optional(nameRef('status', 'Default status of new tickets.')),
    Members: Type.Array(TenantCategoryMember, { description: 'The members of the category.' }),
    IsDefault: optional(Bool('Default category for new tickets. At most one.')),
  },
  'A ticket category.'
)

export const TenantPriority = strict(
  {
    Name: Text('Priority name; may be a multi-language value.', 255),
    Flags: optional(Describe(TicketPriorityEntity.properties.Flags, 'Default marks the default.')),
    SortOrder: optional(Int32('1 is first, 100 is last.')),
    Deadline: optional(TicketPriorityEntity.properties.Deadline),
    MonStart: day('Monday', 'start'),
    MonStop: day('Monday', 'stop'),
    TueStart: day('Tuesday', 'start'),
    TueStop: day('Tuesday', 'stop'),
    WedStart: day('Wednesday', 'start'),
    WedStop: day('Wednesday', 'stop'),
    ThuStart: day('Thursday', 'start'),
    ThuStop: day('Thursday', 'stop'),
    FriStart: day('Friday', 'start'),
    FriStop: day('Friday', 'stop'),
    SatStart: day('Saturday', 'start'),
    SatStop: day('Saturday', 'stop'),
    SunStart: day('Sunday', 'start'),
    SunStop: day('Sunday', 'stop'),
    TimeZone: optional(
      Text('IANA time zone of the working hours and non-dates (default UTC), e.g. Europe/Oslo.', 64)
    ),
    NonDates: optional(
      Type.Array(
        Type.String({
          pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
          description: 'A day closed every year, MM-DD (e.g. 12-25).',
        }),
        { description: 'Days that are not working days, every year.', maxItems: 366 }
      )
    ),
    EscalationLevels: optional(
      Type.Array(EscalationLevel, {
        description: 'The escalation chain, one step per level.',
        maxItems: 100,
      })
    ),
  },
  'A ticket priority. Absent working hours mean closed that day.'
)

export const TenantStatus = strict(
  {
    Name: Text('Status name; may be a multi-language value.', 255),
    Status: Describe(TicketStatusEntity.properties.Status, 'The base status.'),
    TimeCounter: optional(Describe(TicketStatusEntity.properties.TimeCounter, 'Default None.')),
    IsDefault: optional(Bool('Default status for its base status.')),
    UsedInQueue: optional(Bool('Used in GetNext (queue) calculations.')),
    NoEmailReopen: optional(Bool('A new email does not reopen the ticket.')),
  },
  'A ticket status.'
)

export const TenantTicketType = strict(
  {
    Name: Text('Ticket type name; may be a multi-language value.', 255),
    Icon: optional(Describe(TicketType.properties.Icon, 'Icon name.')),
    DefaultTicketStatus: optional(nameRef('status', 'Default status.')),
    DefaultTicketPriority: optional(nameRef('priority', 'Default priority.')),
    IsDefault: optional(Bool('The default ticket type. At most one.')),
    ShowInNew: optional(Bool('Offered when creating a ticket. Default true.')),
    ExternalAsDefault: optional(Bool('New messages are external by default.')),
  },
  'A ticket type.'
)

export const TenantPerson = strict(
  {
    Firstname: Describe(Person.properties.Firstname, 'First name.'),
    Lastname: Describe(Person.properties.Lastname, 'Last name.'),
    Email: Text('Email address; the natural key of the person.', 255),
    ContactName: optional(Text('Company name.', 255)),
    Title: optional(Text('Title, e.g. Dr.', 255)),
    Mrmrs: optional(Text('Salutation, e.g. Mrs.', 255)),
    DirectPhone: optional(Text('Direct phone.', 255)),
    MobilePhone: optional(Text('Mobile phone.', 255)),
    SupportAssociate: optional(userRef('Default associate for support tickets.')),
    TicketPriority: optional(nameRef('priority', 'Default priority for tickets from this person.')),
  },
  'A person (customer contact).'
)

export const TenantSale = strict(
  {
    Title: Text('Heading of the sale; the natural key.', 255),
    Person: optional(Text('The person, by Email.', 255)),
    Associate: optional(userRef('The sale owner.')),
    Amount: optional(Type.Number({ description: 'Amount.' })),
    Currency: optional(Text('Currency code.', 50)),
    Probability: optional(Int32('Probability in percent.', { minimum: 0, maximum: 100 })),
    Status: optional(Describe(Sale.properties.Status, 'Default Open.')),
    SaleDate: optional(Type.String({ format: 'date-time', description: 'Date of the sale.' })),
    Description: optional(Text('Description.', 2000)),
  },
  'A sale.'
)

export const TenantProject = strict(
  {
    Name: Describe(Project.properties.Name, 'Project name; the natural key.'),
    ProjectNumber: optional(Text('Project number.', 255)),
    Associate: optional(userRef('The project owner.')),
    Type: optional(Text('Project type name.', 255)),
    Description: optional(Text('Description.', 2000)),
    URL: optional(Text('URL.', 1000)),
  },
  'A project.'
)

export const TenantTag = strict(
  {
    Name: Text('Tag name; the natural key, matched case-insensitively.', 255),
    ToolTip: optional(Text('Tooltip.', 255)),
  },
  'A tag.'
)

const field = TicketCustomFieldInfo.properties
export const TenantCustomField = strict(
  {
    FieldName: Describe(field.FieldName, 'The key in CustomFields; the natural key.'),
    FieldType: field.FieldType,
    DisplayName: optional(field.DisplayName),
    Description: optional(field.Description),
    ShortLabel: optional(field.ShortLabel),
    HideLabel: optional(field.HideLabel),
    HideField: optional(field.HideField),
    IsIndexed: optional(field.IsIndexed),
    IsMandatory: optional(field.IsMandatory),
    IsReadOnly: optional(field.IsReadOnly),
    IsExternal: optional(field.IsExternal),
    Rank: optional(field.Rank),
    TemplateVariableName: optional(field.TemplateVariableName),
  },
  'A ticket custom field: its metadata, and the type its values are checked against on save.'
)

const list = <T extends Parameters<typeof Type.Array>[0]>(item: T, description: string) =>
  optional(Type.Array(item, { description, default: [] }))

/**
 * The reference data of one tenant, imported idempotently (upsert by natural key) by
 * `TICKET_TENANT_FILE` and the CLI. Items refer to each other by natural keys (UserName for
 * associates, Email for persons, Name for everything else) so the file stays hand-editable and a
 * re-import updates instead of duplicating. Sections are imported in dependency order, so order
 * in the file does not matter.
 * @example { Associates: [{ UserName: 'anna', Password: 'demo', FullName: 'Anna Admin', Name: 'AA', Email: 'anna@example.com' }] }
 */
export const TenantFile = Type.Object(
  {
    $schema: optional(Text('Optional JSON schema reference for editors.', 2000)),
    Associates: list(TenantAssociate, 'Associates (users).'),
    Statuses: list(TenantStatus, 'Ticket statuses.'),
    Priorities: list(TenantPriority, 'Ticket priorities.'),
    Categories: list(TenantCategory, 'Ticket categories with members.'),
    TicketTypes: list(TenantTicketType, 'Ticket types.'),
    Persons: list(TenantPerson, 'Persons (customer contacts).'),
    Sales: list(TenantSale, 'Sales.'),
    Projects: list(TenantProject, 'Projects.'),
    Tags: list(TenantTag, 'Tags.'),
    CustomFields: list(TenantCustomField, 'Ticket custom fields.'),
  },
  {
    $id: 'TenantFile',
    description: 'Reference data of a tenant, with natural-key references.',
    additionalProperties: false,
  }
)
export type TenantFile = Static<typeof TenantFile>
