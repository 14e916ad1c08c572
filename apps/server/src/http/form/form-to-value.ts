import type { TSchema } from '@sinclair/typebox'
import { withoutNull } from '@ticket/schema'
import { kindOf, propertySchema, recordValueSchema, setOwn, typedText } from '../wire-schema.ts'
import { formKeySegments, type KeySegment, pointerOf } from './form-keys.ts'

/** A key path as a tree: the values given for it, and the keys nested below it. */
interface FormNode {
  values: string[]
  children: Map<KeySegment, FormNode>
}

export interface FormLimits {
  maxDepth: number
  maxArrayItems: number
}

export type FormProblem =
  | { kind: 'key'; key: string }
  | { kind: 'depth'; key: string }
  | { kind: 'index'; key: string }
  | { kind: 'repeated'; key: string }
  | { kind: 'mixed'; key: string }

/** Thrown with every bad key of a form; the caller words the 400. */
export class FormError extends Error {
  readonly problems: Array<FormProblem & { path: string }>

  constructor(problems: Array<FormProblem & { path: string }>) {
    super('invalid form')
    this.problems = problems
  }
}

const emptyNode = (): FormNode => ({ values: [], children: new Map() })

/**
 * Reads an `application/x-www-form-urlencoded` body with ASP.NET-style keys into the object the
 * same JSON body would be (`OwnedBy.AssociateId=5&Tags[0].Name=x`), typed by the schema.
 * Decoding is URLSearchParams'; array indexes are ordered and may leave gaps.
 * @example formToValue('Title=x&Tags[0].Name=y', TicketEntity, limits) // { Title: 'x', Tags: [{ Name: 'y' }] }
 */
export function formToValue(
  body: string,
  schema: TSchema | undefined,
  limits: FormLimits
): unknown {
  const root = emptyNode()
  const problems: Array<FormProblem & { path: string }> = []
  for (const [key, value] of new URLSearchParams(body)) {
    const segments = formKeySegments(key)
    if (!segments) {
      problems.push({ kind: 'key', key, path: `/${key}` })
      continue
    }
    const path = pointerOf(segments)
    if (segments.length > limits.maxDepth) {
      problems.push({ kind: 'depth', key, path })
      continue
    }
    if (segments.some((s) => typeof s === 'number' && s >= limits.maxArrayItems)) {
      problems.push({ kind: 'index', key, path })
      continue
    }
    let node = root
    for (const segment of segments) {
      const child = node.children.get(segment) ?? emptyNode()
      node.children.set(segment, child)
      node = child
    }
    node.values.push(value)
  }
  const value = convert(root, schema, [], problems)
  if (problems.length > 0) {
    throw new FormError(problems)
  }
  return value
}

function convert(
  node: FormNode,
  schema: TSchema | undefined,
  at: KeySegment[],
  problems: Array<FormProblem & { path: string }>
): unknown {
  const key = at.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
  const path = pointerOf(at)
  const s = schema ? withoutNull(schema) : undefined
  const kind = kindOf(s)
  if (node.children.size > 0 && node.values.length > 0) {
    problems.push({ kind: 'mixed', key, path })
    return undefined
  }
  if (node.children.size === 0) {
    if (kind === 'array' && s) {
      // `TicketIds=1&TicketIds=2`: a repeated plain key lists scalar items.
      return node.values.map((v) => typedText(v, s.items as TSchema))
    }
    if (node.values.length > 1) {
      problems.push({ kind: 'repeated', key, path })
      return undefined
    }
    const text = node.values[0] ?? ''
    return schema && kind !== 'other' ? typedText(text, schema) : text
  }
  const entries = [...node.children.entries()]
  if (kind === 'array' || (kind === 'other' && entries.every(([k]) => typeof k === 'number'))) {
    const items = s?.items as TSchema | undefined
    return entries
      .filter(([k]) => typeof k === 'number')
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([k, child]) => convert(child, items, [...at, k], problems))
  }
  const out: Record<string, unknown> = {}
  for (const [k, child] of entries) {
    const name = String(k)
    const property =
      kind === 'record' && s
        ? recordValueSchema(s)
        : s && kind === 'object'
          ? propertySchema(s, name)
          : undefined
    setOwn(out, name, convert(child, property, [...at, k], problems))
  }
  return out
}
