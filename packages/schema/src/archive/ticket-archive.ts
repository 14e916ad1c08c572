import { Kind, type TSchema, Type } from '@sinclair/typebox'
import { STRING_ENUM_KIND } from '../common/types.ts'
import {
  type ArchiveColumn,
  ticketArchiveColumns,
  ticketArchivePaging,
  ticketArchiveSpecial,
} from './ticket-archive-columns.ts'

const rowProperties: Record<string, TSchema> = {
  PrimaryKey: Type.Integer({ description: 'The TicketId of the row.' }),
  EntityName: Type.String({ description: 'Always `ticket`.' }),
}
/** The wire schema of a column's values (dates carry their format so SO-TimeZone applies). */
function valueSchema(column: ArchiveColumn): TSchema {
  switch (column.type) {
    case 'int':
      return Type.Integer()
    case 'number':
      return Type.Number()
    case 'bool':
      return Type.Boolean()
    case 'date':
      return Type.String({ format: 'date-time' })
    case 'enum':
      return Type.Unsafe<string>({
        [Kind]: STRING_ENUM_KIND,
        type: 'string',
        enum: column.enumNames ?? [],
      })
    default:
      return Type.String()
  }
}

for (const column of ticketArchiveColumns) {
  const { description } = column.schema as { description?: string }
  rowProperties[column.rowKey] = Type.Optional(
    Type.Union([valueSchema(column), Type.Null()], { description: description ?? column.name })
  )
}
rowProperties[ticketArchiveSpecial.tags] = Type.Optional(
  Type.String({ description: 'The tag names, comma-joined in tag order.' })
)

/**
 * One row of the "Ticket" archive: `PrimaryKey`, `EntityName` and the selected columns. Custom
 * fields appear as `customFields___<FieldName>`.
 * @example { PrimaryKey: 7, EntityName: 'ticket', ticketId: 7, title: 'Printer on fire', category___name: 'Support' }
 */
export const TicketArchiveRow = Type.Object(rowProperties, {
  $id: 'TicketArchiveRow',
  description: 'One row of the Ticket archive; only the selected columns are present.',
  additionalProperties: Type.Union([Type.String(), Type.Null()]),
})

/**
 * The body of `GET /api/v1/Ticket`, SuperOffice's OData list shape.
 * @example { 'odata.metadata': 'http://127.0.0.1:8787/api/v1/$metadata', 'odata.nextLink': null, value: [] }
 */
export const TicketArchiveList = Type.Object(
  {
    'odata.metadata': Type.String({ description: 'Where the list is described.' }),
    'odata.nextLink': Type.Union([Type.String(), Type.Null()], {
      description:
        'The next page (same query, continued after the last row of this one); null on the last page. Following it is stable under concurrent inserts.',
    }),
    value: Type.Array(TicketArchiveRow, { description: 'The rows of this page.' }),
  },
  { $id: 'TicketArchiveList', description: 'A page of the Ticket archive.' }
)

const columnNames = ticketArchiveColumns.map((c) => c.name).join(', ')

/** The OData query options of `GET /api/v1/Ticket` (names are matched case-insensitively). */
export const TicketArchiveQuery = Type.Object({
  $select: Type.Optional(
    Type.String({
      description: `Comma-separated columns: ${columnNames}, tags, customFields/<FieldName>. Without it, \`$mode\` decides.`,
    })
  ),
  $filter: Type.Optional(
    Type.String({
      description:
        "Restrictions: `column op value` with eq, ne, lt, le, gt, ge, contains, startswith, `between (a, b)`, `oneOf (a, b, …)`, joined by and, or, not and parentheses. Strings in single quotes ('' escapes one), dates as ISO 8601 strings (read in SO-TimeZone), enums by name or number. `tags eq 'x'` matches a tag by name; `search eq 'printer on fire'` is full-text search over titles and message bodies, ranked best first when `$orderBy` is absent.",
      maxLength: 4000,
    })
  ),
  $orderBy: Type.Optional(
    Type.String({
      description:
        'Comma-separated `column [asc|desc]`; ticketId is always the last key. Default: ticketId asc (search relevance with `search`).',
    })
  ),
  $top: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: ticketArchivePaging.maxTop,
      default: ticketArchivePaging.defaultTop,
      description: `Rows per page (at most ${ticketArchivePaging.maxTop}).`,
    })
  ),
  $skip: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Rows to skip before the first page.' })
  ),
  $mode: Type.Optional(
    Type.Union([Type.Literal('Slim'), Type.Literal('Wide'), Type.Literal('Full')], {
      description:
        'Columns without `$select`: Slim (the queue columns), Wide (every top-level column), Full (also sub-fields and tags).',
      default: 'Slim',
    })
  ),
  $skiptoken: Type.Optional(
    Type.String({ description: 'Set by `odata.nextLink`: where the next page continues.' })
  ),
})
