import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Int32, Text } from '../common/types.ts'

/**
 * A tag on a ticket. Tags are matched by Id, else by Name case-insensitively (see docs/decisions.md).
 * @example { Id: 1, Name: 'VIP', ToolTip: 'Important customer' }
 */
export const Tag = Type.Object(
  {
    Id: Int32('Primary key; assigned by the server.'),
    Name: Text('The name of the tag.', 255),
    ToolTip: Text('The tooltip of the tag.', 255),
    ...rightsProperties(),
  },
  { $id: 'Tag', description: 'A tag.' }
)
export type Tag = Static<typeof Tag>
