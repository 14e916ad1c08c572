import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Bool, Describe, Int32, Nullable, Text } from '../common/types.ts'
import { AssociateType } from '../enums/associate-type.ts'

/**
 * A user (associate). Note the casing `Tooltip`, unlike `ToolTip` on Tag and MDO items.
 * @example { AssociateId: 5, Name: 'AA', FullName: 'Anna Admin', Type: 'InternalAssociate' }
 */
export const Associate = Type.Object(
  {
    AssociateId: Int32('Primary key'),
    Name: Text('Initials, also login name (normally).', 50),
    PersonId: Int32('Owning person record'),
    Rank: Int32('Rank order'),
    Tooltip: Text('Tooltip or other description', 255),
    Type: Describe(
      AssociateType,
      '1 = internal user, 2 = resource, 3 = external user, 4 = anonymous, 5 = system'
    ),
    GroupIdx: Int32('Main user group that this user belongs to'),
    FullName: Text('Full name of the associate: first name and last name', 255),
    FormalName: Text('Formal name of the associate, e.g. "Mr. Anna Admin"', 255),
    Deleted: Bool('If true, the associate is retired and should not appear in lists'),
    EjUserId: Int32('Service user id; 0 if the associate is not a service user'),
    UserName: Nullable(Type.String({ maxLength: 255 }), { description: 'The user name (login).' }),
    ...rightsProperties(),
  },
  { $id: 'Associate', description: 'An associate: a user of the system.' }
)
export type Associate = Static<typeof Associate>
