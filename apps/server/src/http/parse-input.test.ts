import { Type } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error.ts'
import { compileParamsParser } from './parse-input.ts'

const Query = Type.Object({
  notify: Type.Optional(Type.Boolean({ default: false })),
  $top: Type.Optional(Type.Integer({ minimum: 1, default: 50 })),
})

describe('compileParamsParser', () => {
  it('gives a request that sends no parameter the defaults, as a fresh object each time', () => {
    const parse = compileParamsParser(Query, 'query')
    const first = parse(new URLSearchParams(''))
    expect(first).toEqual({ notify: false, $top: 50 })
    first.$top = 7
    expect(parse(new URLSearchParams('unknown=1&notify='))).toEqual({ notify: false, $top: 50 })
  })

  it('reads what is sent, over the defaults', () => {
    const parse = compileParamsParser(Query, 'query')
    expect(parse(new URLSearchParams('NOTIFY=true&$top=5'))).toEqual({ notify: true, $top: 5 })
  })

  it('still refuses a missing required parameter when nothing is sent', () => {
    const parse = compileParamsParser(Type.Object({ id: Type.Integer() }), 'path')
    expect(() => parse([])).toThrow(ApiError)
  })
})
