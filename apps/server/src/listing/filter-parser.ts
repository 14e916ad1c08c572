import { type Token, tokenize } from './filter-tokens.ts'
import { queryError } from './query-error.ts'

export type Literal = string | number | boolean | null

/** The comparison operators of `$filter`, lower case. */
export const filterOperators = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'startswith',
  'between',
  'oneof',
] as const
export type FilterOperator = (typeof filterOperators)[number]

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; column: string; op: FilterOperator; values: Literal[] }

/** Deeper nesting than this is refused: the parser recurses once per level. */
export const MAX_FILTER_DEPTH = 32
const MAX_LIST = 1000

const isOperator = (text: string): text is FilterOperator =>
  (filterOperators as readonly string[]).includes(text)

/** How many values an operator takes; undefined: one or more. */
const arity: Partial<Record<FilterOperator, number>> = { between: 2 }

/**
 * Parses a `$filter` into a tree, by recursive descent (or binds looser than and, not tightest).
 * Comparisons are `column op value`, `column between (a, b)`, `column oneOf (a, b, …)`, or the
 * function forms `contains(column, 'x')`, `startswith(column, 'x')`. Every mistake is a 400
 * naming it.
 * @example parseFilter("baseStatus eq 'Active' and (ownedBy eq 5 or ownedBy eq 6)")
 */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text)
  let index = 0
  const peek = (): Token | undefined => tokens[index]
  const isName = (token: Token | undefined, ...words: string[]) =>
    token?.kind === 'name' && words.includes(token.text.toLowerCase())
  const isPunct = (token: Token | undefined, text: string) =>
    token?.kind === 'punct' && token.text === text
  const where = (token: Token | undefined) =>
    token ? `at position ${token.at}` : 'at the end of the filter'
  const expect = (text: string) => {
    const token = peek()
    if (!isPunct(token, text)) {
      throw queryError('$filter', `expected "${text}" ${where(token)}`)
    }
    index += 1
  }

  const literal = (): Literal => {
    const token = peek()
    index += 1
    if (token?.kind === 'string' || token?.kind === 'number') {
      return token.value
    }
    if (token?.kind === 'name') {
      const word = token.text.toLowerCase()
      if (word === 'true' || word === 'false') {
        return word === 'true'
      }
      if (word === 'null') {
        return null
      }
    }
    throw queryError('$filter', `expected a value ${where(token)}`)
  }

  const valueList = (): Literal[] => {
    expect('(')
    const values = [literal()]
    while (isPunct(peek(), ',')) {
      index += 1
      values.push(literal())
      if (values.length > MAX_LIST) {
        throw queryError('$filter', `a list has more than ${MAX_LIST} values`)
      }
    }
    expect(')')
    return values
  }

  const compare = (column: string, op: FilterOperator, values: Literal[]): FilterNode => {
    const wanted = arity[op]
    if (wanted !== undefined && values.length !== wanted) {
      throw queryError('$filter', `${op} takes ${wanted} values, got ${values.length}`)
    }
    return { kind: 'compare', column, op, values }
  }

  const columnName = (): string => {
    const token = peek()
    if (token?.kind !== 'name') {
      throw queryError('$filter', `expected a column name ${where(token)}`)
    }
    index += 1
    return token.text
  }

  const comparison = (): FilterNode => {
    const first = peek()
    // Function form: contains(title, 'x'), between(createdAt, a, b), oneOf(status, 1, 2).
    if (first?.kind === 'name' && isPunct(tokens[index + 1], '(')) {
      const op = first.text.toLowerCase()
      if (!isOperator(op)) {
        throw queryError('$filter', `unknown function "${first.text}"`, 'unknown_operator')
      }
      index += 2
      const column = columnName()
      const values: Literal[] = []
      while (isPunct(peek(), ',')) {
        index += 1
        values.push(literal())
      }
      expect(')')
      return compare(column, op, values)
    }
    const column = columnName()
    const opToken = peek()
    if (opToken?.kind !== 'name') {
      throw queryError('$filter', `expected an operator after "${column}" ${where(opToken)}`)
    }
    const op = opToken.text.toLowerCase()
    if (!isOperator(op)) {
      throw queryError('$filter', `unknown operator "${opToken.text}"`, 'unknown_operator')
    }
    index += 1
    const values = isPunct(peek(), '(') ? valueList() : [literal()]
    return compare(column, op, values)
  }

  const unary = (depth: number): FilterNode => {
    if (depth > MAX_FILTER_DEPTH) {
      throw queryError('$filter', `nested deeper than ${MAX_FILTER_DEPTH} levels`, 'too_deep')
    }
    if (isName(peek(), 'not')) {
      index += 1
      return { kind: 'not', operand: unary(depth + 1) }
    }
    if (isPunct(peek(), '(')) {
      index += 1
      const inner = or(depth + 1)
      expect(')')
      return inner
    }
    return comparison()
  }

  const and = (depth: number): FilterNode => {
    let left = unary(depth)
    while (isName(peek(), 'and')) {
      index += 1
      left = { kind: 'and', left, right: unary(depth) }
    }
    return left
  }

  function or(depth: number): FilterNode {
    let left = and(depth)
    while (isName(peek(), 'or')) {
      index += 1
      left = { kind: 'or', left, right: and(depth) }
    }
    return left
  }

  if (tokens.length === 0) {
    throw queryError('$filter', 'the filter is empty')
  }
  const tree = or(0)
  if (index < tokens.length) {
    throw queryError(
      '$filter',
      `unexpected ${JSON.stringify(tokenText(tokens[index]))} ${where(tokens[index])}`
    )
  }
  return tree
}

function tokenText(token: Token | undefined): string {
  if (!token) {
    return ''
  }
  return token.kind === 'string'
    ? `'${token.value}'`
    : token.kind === 'number'
      ? token.text
      : token.text
}
