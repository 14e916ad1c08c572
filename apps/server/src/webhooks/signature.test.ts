import { describe, expect, it } from 'vitest'
import { signBody } from './signature.ts'

describe('signBody', () => {
  it('is base64 HMAC-SHA256 (RFC 4231 test case 2)', () => {
    const hex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
    expect(signBody('what do ya want for nothing?', 'Jefe')).toBe(
      Buffer.from(hex, 'hex').toString('base64')
    )
  })

  it('signs the UTF-8 bytes, so a different secret or one changed byte changes it', () => {
    const body = '{"Title":"Skrivaren brinner – ÆØÅ"}'
    expect(signBody(body, 'a')).not.toBe(signBody(body, 'b'))
    expect(signBody(body, 'a')).not.toBe(signBody(body.replace('Æ', 'E'), 'a'))
  })
})
