import { queryError } from './query-error.ts'

export type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'punct'; text: '(' | ')' | ','; at: number }

const NAME = /[A-Za-z_$][A-Za-z0-9_$./:-]*/y
const NUMBER = /-?\d+(?:\.\d+)?/y
const SPACE = /\s+/y

/** Splits a `$filter` into names, quoted strings (`''` is one quote), numbers and punctuation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at
    return pattern.exec(text)?.[0]
  }
  while (at < text.length) {
    const space = match(SPACE)
    if (space) {
      at += space.length
      continue
    }
    const char = text.charAt(at)
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: 'punct', text: char, at })
      at += 1
      continue
    }
    if (char === "'") {
      let value = ''
      let end = at + 1
      for (;;) {
        const quote = text.indexOf("'", end)
        if (quote < 0) {
          throw queryError('$filter', `unterminated string starting at position ${at}`)
        }
        value += text.slice(end, quote)
        if (text.charAt(quote + 1) === "'") {
          value += "'"
          end = quote + 2
          continue
        }
        end = quote + 1
        break
      }
      tokens.push({ kind: 'string', value, at })
      at = end
      continue
    }
    const number = match(NUMBER)
    if (number) {
      tokens.push({ kind: 'number', value: Number(number), text: number, at })
      at += number.length
      continue
    }
    const name = match(NAME)
    if (name) {
      tokens.push({ kind: 'name', text: name, at })
      at += name.length
      continue
    }
    throw queryError('$filter', `unexpected character ${JSON.stringify(char)} at position ${at}`)
  }
  return tokens
}
