import type { TSchema } from '@sinclair/typebox'
import { withoutNull } from '@ticket/schema'
import { XMLBuilder } from 'fast-xml-parser'
import { sharedTail } from '../json-text.ts'
import { itemNameOf, kindOf, propertySchema, recordValueSchema, setOwn } from '../wire-schema.ts'
import { isXmlChar } from './parse-xml.ts'

const xsiNamespace = 'http://www.w3.org/2001/XMLSchema-instance'
const nil = { '@_xsi:nil': 'true' }

const builderOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  // `xsi:nil="true"` must keep its value; the builder drops "true" values by default.
  suppressBooleanAttributes: false,
  // The default five plus CR: a raw CR would be read back as LF (XML end-of-line handling).
  entities: [
    { regex: /&/g, val: '&amp;' },
    { regex: />/g, val: '&gt;' },
    { regex: /</g, val: '&lt;' },
    { regex: /'/g, val: '&apos;' },
    { regex: /"/g, val: '&quot;' },
    { regex: /\r/g, val: '&#13;' },
  ],
}
const builder = new XMLBuilder(builderOptions)

const xmlName = /^[A-Za-z_][\w.-]*$/

/** How elements are named; entities use the schema, RFC 9457 problems name every item `i`. */
export interface XmlNaming {
  itemName?: (arraySchema: TSchema | undefined, propertyName: string) => string
}

type Tree = Record<string, unknown>

/**
 * A JSON value as an XML document: root element `root`, PascalCase child elements as the value
 * has them, arrays wrapped with items named after the item carrier (`<Tags><Tag>…`),
 * dictionaries as `<KeyValue><Key>…</Key><Value>…</Value></KeyValue>` items, `null` as an empty
 * element with `xsi:nil="true"`. No namespace except the `xsi` prefix declaration.
 * @example valueToXml({ TicketId: 1, Tags: [] }, 'TicketEntity', TicketEntity)
 */
export function valueToXml(
  value: unknown,
  root: string,
  schema: TSchema | undefined,
  naming: XmlNaming & { rootAttributes?: Record<string, string> } = {}
): string {
  const itemName = naming.itemName ?? itemNameOf
  const attributes = { '@_xmlns:xsi': xsiNamespace, ...prefixed(naming.rootAttributes ?? {}) }
  const build = (content: unknown) =>
    builder.build({
      [root]:
        typeof content === 'object' && content !== null
          ? { ...attributes, ...content }
          : { ...attributes, '#text': content },
    }) as string
  // The shared part's elements are kept as built with the default item names; a caller naming
  // items its own way gets the whole answer built.
  const tail = naming.itemName ? undefined : sharedTail(value)
  let body: string | undefined
  if (tail) {
    // The rest is built, and the shared last property's elements (built once) go where the root
    // element closes; a root with nothing else closes itself, and is built whole.
    const head = build(
      element({ ...(value as Tree), [tail.key]: undefined }, schema, root, itemName)
    )
    const close = `</${root}>`
    if (head.endsWith(close)) {
      body = `${head.slice(0, -close.length)}${sharedXml(tail, root, schema)}${close}`
    }
  }
  body ??= build(element(value, schema, root, itemName))
  return `<?xml version="1.0" encoding="utf-8"?>${body}`
}

/** Per shared object, its elements under each root and property name they were built for. */
const sharedTexts = new WeakMap<object, Map<string, string>>()

function sharedXml(
  tail: { key: string; value: object },
  root: string,
  schema: TSchema | undefined
) {
  let byPlace = sharedTexts.get(tail.value)
  if (!byPlace) {
    byPlace = new Map()
    sharedTexts.set(tail.value, byPlace)
  }
  const place = `${root}/${tail.key}`
  let text = byPlace.get(place)
  if (text === undefined) {
    const s = schema ? withoutNull(schema) : undefined
    const propertyElement = element(
      tail.value,
      s ? propertySchema(s, tail.key) : undefined,
      tail.key,
      itemNameOf
    )
    text = builder.build({ [tail.key]: propertyElement }) as string
    byPlace.set(place, text)
  }
  return text
}

const prefixed = (attributes: Record<string, string>) =>
  Object.fromEntries(Object.entries(attributes).map(([name, v]) => [`@_${name}`, v]))

function element(
  value: unknown,
  schema: TSchema | undefined,
  name: string,
  itemName: NonNullable<XmlNaming['itemName']>
): unknown {
  if (value === null || value === undefined) {
    return nil
  }
  const s = schema ? withoutNull(schema) : undefined
  if (Array.isArray(value)) {
    const items = s?.items as TSchema | undefined
    const itemElement = itemName(s, name)
    return value.length === 0
      ? ''
      : { [itemElement]: value.map((item) => element(item, items, itemElement, itemName)) }
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
    const kind = kindOf(s)
    if (kind === 'record' || (kind !== 'object' && !entries.every(([key]) => xmlName.test(key)))) {
      const valueSchema = s ? recordValueSchema(s) : undefined
      return entries.length === 0
        ? ''
        : {
            KeyValue: entries.map(([key, item]) => ({
              Key: xmlSafeText(key),
              Value: element(item, valueSchema, 'Value', itemName),
            })),
          }
    }
    const out: Tree = {}
    for (const [key, item] of entries) {
      if (item !== undefined) {
        setOwn(out, key, element(item, s ? propertySchema(s, key) : undefined, key, itemName))
      }
    }
    return out
  }
  return typeof value === 'string' ? xmlSafeText(value) : String(value)
}

// Any character XML 1.0 cannot carry: outside its Char production, or a lone surrogate.
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

// Characters XML 1.0 cannot carry at all, not even as references, are sent as U+FFFD. Most
// texts have none, and one regular-expression test spares walking them character by character.
export function xmlSafeText(value: string): string {
  if (!notXmlChar.test(value)) {
    return value
  }
  let out = ''
  for (const char of value) {
    out += isXmlChar(char.codePointAt(0) ?? 0) ? char : '\uFFFD'
  }
  return out
}
