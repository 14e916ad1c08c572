import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { writeIfChanged } from './write-if-changed'

describe('writeIfChanged', () => {
  it('creates a file, leaves it untouched when the content is the same, rewrites it when not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-write-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'nested', 'out.json')
    expect(writeIfChanged(file, 'one')).toBe(true)
    const past = new Date('2000-01-01T00:00:00Z')
    utimesSync(file, past, past)
    expect(writeIfChanged(file, 'one')).toBe(false)
    expect(statSync(file).mtime.getTime()).toBe(past.getTime())
    expect(writeIfChanged(file, 'two')).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe('two')
  })
})
