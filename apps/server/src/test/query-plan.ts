import { type SQL, sql } from 'drizzle-orm'
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core'
import { rawRows } from '../db/raw-rows.ts'
import type { SqliteStore, Store } from '../db/store-types.ts'

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  'Relation Name'?: string
  Plans?: PlanNode[]
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)]

/**
 * PostgreSQL's plan of `query` (EXPLAIN, JSON): the node types and index names of every node,
 * the tables it reads whole, and the plan as text for a failing assertion's message.
 */
export async function postgresPlan(store: Store, query: SQL | { getSQL(): SQL }) {
  const [explained] = await rawRows(store, sql`explain (format json) ${query}`)
  const [output] = (explained?.['QUERY PLAN'] ?? []) as { Plan: PlanNode }[]
  if (!output) {
    throw new Error('EXPLAIN returned no plan')
  }
  const nodes = nodesOf(output.Plan)
  return {
    nodeTypes: nodes.map((n) => n['Node Type']),
    indexNames: nodes.map((n) => n['Index Name']).filter((name) => name !== undefined),
    /** The tables read whole (a Seq Scan node's relation). */
    scannedWhole: nodes
      .filter((n) => n['Node Type'] === 'Seq Scan')
      .map((n) => n['Relation Name'] ?? ''),
    shown: JSON.stringify(output.Plan, null, 1),
  }
}

/** SQLite's plan of `query` on the committed-data reader (EXPLAIN QUERY PLAN): its lines. */
export function sqlitePlan(store: SqliteStore, query: Pick<SQLiteSelect, 'toSQL'>): string[] {
  // Embedded in `sql`, a select is parenthesised, which SQLite's EXPLAIN does not take.
  const { sql: text, params } = query.toSQL()
  const rows = store.native.reader.$client.prepare(`explain query plan ${text}`).all(...params) as {
    detail: string
  }[]
  return rows.map((row) => row.detail)
}
