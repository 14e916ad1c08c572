import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { tables } from './fixtures/tables'
import { buildProjections, emitProjection } from './projection'

const opts = { generatedBy: 'tools/codegen/src/projection.test.ts' }
const source = emitProjection(tables, opts)

/** Runs the emitted module, so the test reads what the server will import. */
async function load(code: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText
  return import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)
}

describe('projection', () => {
  const [issues, people] = buildProjections(tables)

  test('maps plain columns, references, links and children of the fixture', () => {
    expect(issues).toEqual({
      table: 'issues',
      sqlName: 'issues',
      primaryKey: ['IssueId'],
      autoIncrement: true,
      columns: { IssueId: 'issueId', Title: 'title', Meta: 'meta', UpdatedAt: 'updatedAt' },
      references: {
        Owner: { key: 'ownerId', carrierKey: 'PersonId', table: 'people', targetKey: 'personId' },
      },
      json: ['Meta'],
      booleans: [],
      optional: [],
      nullable: ['Owner', 'UpdatedAt'],
      skipped: ['Messages'],
      links: {
        Labels: {
          table: 'issueLabels',
          parentKey: 'issueId',
          targetKey: 'labelId',
          positionKey: 'position',
          carrierKey: 'Id',
          targetTable: 'labels',
          targetTableKey: 'labelId',
        },
      },
      children: {
        Steps: {
          table: 'issueSteps',
          parentKey: 'issueId',
          positionKey: 'position',
          columns: { Text: 'text', Done: 'done' },
          references: {
            Assignee: {
              key: 'assigneeId',
              carrierKey: 'PersonId',
              table: 'people',
              targetKey: 'personId',
            },
          },
          json: [],
          booleans: ['Done'],
          optional: ['Assignee'],
          nullable: [],
          skipped: [],
        },
      },
    })
  })

  test('column hints, json, booleans, optional and skipped properties', () => {
    expect(people?.columns).toEqual({
      PersonId: 'personId',
      EMail: 'email',
      URLName: 'urlName',
      Active: 'active',
      Score: 'score',
      Prefs: 'prefs',
      CreatedAt: 'createdAt',
      Role: 'role',
    })
    expect(people?.json).toEqual(['Prefs'])
    expect(people?.booleans).toEqual(['Active'])
    expect(people?.optional).toEqual(['Score', 'Manager'])
    expect(people?.skipped).toEqual(['Counter'])
  })

  test('snapshot', async () => {
    await expect(source).toMatchFileSnapshot('./__snapshots__/generated/projection.ts.snap')
  })

  test('the emitted module exports the same data', async () => {
    const mod = await load(source)
    const all = buildProjections(tables)
    expect(mod.issuesProjection).toEqual(issues)
    expect(mod.projections).toEqual(Object.fromEntries(all.map((p) => [p.table, p])))
    expect(emitProjection(tables, opts)).toBe(source)
  })
})
