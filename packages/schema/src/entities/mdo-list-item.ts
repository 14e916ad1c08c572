import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Bool, Int32, Text } from '../common/types.ts'

/**
 * One item of `GET /api/v1/MDOList/{listname}`; tree lists nest items in `ChildItems`.
 * @example { Id: 3, Name: 'High', ToolTip: '', Deleted: false, Rank: 3, Type: '', ChildItems: [] }
 */
export const MDOListItem = Type.Recursive(
  (This) =>
    Type.Object({
      Id: Int32('The id of the item.'),
      Name: Text('The name of the item; tree lists of categories show full paths.', 1000),
      ToolTip: Text('Tooltip of the item.', 1000),
      Deleted: Bool('Whether the item is deleted (retired) and should normally be hidden.'),
      Rank: Int32('Sort rank of the item.'),
      Type: Text('Item type; list specific.', 255),
      ChildItems: Type.Array(This, { description: 'Child items of a tree list; [] when flat.' }),
      IconHint: Text('Icon hint of the item.', 255),
      ColorBlock: Int32('Color block index of the item.'),
      ExtraInfo: Text('List-specific extra data, e.g. parentId=2&replyTemplateId=-1.', 1000),
      StyleHint: Text('Style hint of the item.', 255),
      FullName: Text('Full name of the item.', 1000),
      ...rightsProperties(),
    }),
  { $id: 'MDOListItem', description: 'An MDO list item.' }
)
export type MDOListItem = Static<typeof MDOListItem>
