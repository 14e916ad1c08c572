import type { TSchema } from '@sinclair/typebox'
import { withoutNull } from '@ticket/schema'
import { kindOf, propertySchema, recordValueSchema, setOwn, typedText } from '../wire-schema.ts'
import { attributePrefix, textKey } from './parse-xml.ts'

type Node = Record<string, unknown>

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isNil = (value: unknown) =>
  isNode(value) && String(value[`${attributePrefix}nil`]).trim().toLowerCase() === 'true'

/** Child elements in document order per name; attributes and stray text are not content. */
function childrenOf(node: Node): Array<[string, unknown]> {
  return Object.entries(node).filter(
    ([name]) => !name.startsWith(attributePrefix) && name !== textKey
  )
}

/** The text of an element that has no child elements (attributes alone do not count). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value
  }
  if (isNode(value) && childrenOf(value).length === 0) {
    const text = value[textKey]
    return typeof text === 'string' ? text : ''
  }
  return undefined
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/** Thrown when the document nests deeper than any schema allows. */
export class XmlTooDeep extends Error {}

/**
 * Turns a parsed XML element into the value the same JSON body would be, guided by the schema:
 * wrapped arrays become arrays whatever their items are called, `xsi:nil` is `null`, scalars are
 * typed, dictionaries read `<KeyValue><Key/><Value/></KeyValue>` items (or `<name>value</name>`).
 * Elements the schema does not know are kept untyped; validation ignores or reports them.
 */
export function xmlToValue(node: unknown, schema: TSchema | undefined, maxDepth: number): unknown {
  return convert(node, schema, maxDepth)
}

function convert(node: unknown, schema: TSchema | undefined, depth: number): unknown {
  if (depth < 0) {
    throw new XmlTooDeep()
  }
  if (isNil(node)) {
    return null
  }
  const s = schema ? withoutNull(schema) : undefined
  const text = textOf(node)
  switch (kindOf(s)) {
    case 'scalar':
      return text === undefined || !s ? untyped(node, depth) : typedText(text, s)
    case 'array':
      return text !== undefined && text.trim() === ''
        ? []
        : isNode(node)
          ? childrenOf(node).flatMap(([, items]) =>
              asList(items).map((item) => convert(item, s?.items as TSchema, depth - 1))
            )
          : node
    case 'object':
      return text !== undefined && text.trim() === ''
        ? {}
        : isNode(node)
          ? object(node, s, depth)
          : node
    case 'record':
      return text !== undefined && text.trim() === ''
        ? {}
        : isNode(node) && s
          ? record(node, s, depth)
          : node
    default:
      return untyped(node, depth)
  }
}

function object(node: Node, s: TSchema | undefined, depth: number): Node {
  const out: Node = {}
  for (const [name, value] of childrenOf(node)) {
    const property = s ? propertySchema(s, name) : undefined
    // A repeated element for a single-valued property stays a list: validation rejects it.
    const converted = Array.isArray(value)
      ? value.map((item) => convert(item, property, depth - 1))
      : convert(value, property, depth - 1)
    setOwn(out, name, converted)
  }
  return out
}

function record(node: Node, s: TSchema, depth: number): Node {
  const valueSchema = recordValueSchema(s)
  const out: Node = {}
  for (const [name, value] of childrenOf(node)) {
    for (const item of asList(value)) {
      const key = name === 'KeyValue' && isNode(item) ? textOf(item.Key) : undefined
      if (key !== undefined && isNode(item)) {
        setOwn(out, key, convert(item.Value ?? '', valueSchema, depth - 1))
      } else {
        setOwn(out, name, convert(item, valueSchema, depth - 1))
      }
    }
  }
  return out
}

function untyped(node: unknown, depth: number): unknown {
  const text = textOf(node)
  if (text !== undefined || !isNode(node)) {
    return text ?? node
  }
  return object(node, undefined, depth)
}
