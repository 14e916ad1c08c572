/**
 * The shape of each object in a generated `projection.gen.ts`: how wire properties (PascalCase)
 * map to Drizzle row keys (camelCase). Table names are the Drizzle schema's export names, so
 * `schema[projection.table]` finds the table in either dialect.
 */

/** A carrier property stored as a foreign key column (`OwnedBy` → `ownedById`). */
export interface ReferenceProjection {
  /** Row key of the foreign key column. */
  readonly key: string
  /** Carrier property holding the id (`AssociateId`). */
  readonly carrierKey: string
  /** Referenced table (export name) and its row key. */
  readonly table: string
  readonly targetKey: string
}

/** An array of references stored in a link table, ordered by `positionKey`. */
export interface LinkProjection {
  readonly table: string
  readonly parentKey: string
  readonly targetKey: string
  readonly positionKey: string
  readonly carrierKey: string
  readonly targetTable: string
  readonly targetTableKey: string
}

/** How the properties of one object map to the columns of one row. */
export interface ColumnsProjection {
  /** Plain columns: property → row key. */
  readonly columns: Readonly<Record<string, string>>
  readonly references: Readonly<Record<string, ReferenceProjection>>
  /** Properties stored as JSON (sqlite `text` json mode, pg `jsonb`). */
  readonly json: readonly string[]
  /** Properties stored as booleans (sqlite `integer` boolean mode, pg `boolean`). */
  readonly booleans: readonly string[]
  /** Not in the schema's `required` list: a NULL column means "omit the property". */
  readonly optional: readonly string[]
  /** The schema admits null: a NULL column means `null` on the wire. */
  readonly nullable: readonly string[]
  /** `skip` hints: computed on read, never stored. */
  readonly skipped: readonly string[]
}

/** An array of owned items stored in a child table, ordered by `positionKey`. */
export interface ChildrenProjection extends ColumnsProjection {
  readonly table: string
  readonly parentKey: string
  readonly positionKey: string
}

/** One entity table. */
export interface TableProjection extends ColumnsProjection {
  readonly table: string
  /** SQL table name. */
  readonly sqlName: string
  /** Property names of the primary key. */
  readonly primaryKey: readonly string[]
  readonly autoIncrement: boolean
  readonly links: Readonly<Record<string, LinkProjection>>
  readonly children: Readonly<Record<string, ChildrenProjection>>
}
