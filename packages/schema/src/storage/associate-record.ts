import { type Static, Type } from '@sinclair/typebox'
import { Bool, Describe, JSON_COLUMN, Nullable, Text, withDb } from '../common/types.ts'
import { Associate } from '../entities/associate.ts'
import { NotificationPreferences } from './notification-preferences.ts'
import { omitProps, RIGHTS } from './props.ts'

/**
 * Row of `associates`: the Associate carrier (minus rights and the derived Tooltip) plus
 * credentials, contact data and preferences that never go on the wire.
 */
export const AssociateRecord = Type.Object(
  {
    ...omitProps(Associate.properties, [...RIGHTS, 'Tooltip', 'UserName']),
    UserName: withDb(
      Nullable(Type.String({ maxLength: 255 }), {
        description: 'The user name (login); unique. Matched case-insensitively at sign-in.',
      }),
      { kind: 'column', unique: true }
    ),
    Email: Text('Email address for email notifications.', 255),
    Language: Text('Preferred language code for notifications, e.g. US, NO.', 10),
    PasswordHash: Nullable(Type.String({ maxLength: 1000 }), {
      description: 'Slow salted password hash (encoded with its algorithm); null = cannot sign in.',
    }),
    IsAdmin: Bool('Full rights: may administer the service and act for other associates.'),
    Preferences: withDb(
      Describe(NotificationPreferences, 'Notification channel per event; {} = all defaults.'),
      JSON_COLUMN
    ),
  },
  { $id: 'AssociateRecord', description: 'Storage row of an associate.' }
)
export type AssociateRecord = Static<typeof AssociateRecord>
