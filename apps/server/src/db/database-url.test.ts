import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from './database-url.ts'

describe('parseDatabaseUrl', () => {
  it.each([
    ['data/ticket.db', { dialect: 'sqlite', path: 'data/ticket.db' }],
    ['/var/lib/ticket/ticket.db', { dialect: 'sqlite', path: '/var/lib/ticket/ticket.db' }],
    ['file:/tmp/t.db', { dialect: 'sqlite', path: '/tmp/t.db' }],
    ['file:relative.db', { dialect: 'sqlite', path: 'relative.db' }],
    [':memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['file::memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['C:\\data\\ticket.db', { dialect: 'sqlite', path: 'C:\\data\\ticket.db' }],
    ['postgres://postgres@127.0.0.1/t', { dialect: 'pg', url: 'postgres://postgres@127.0.0.1/t' }],
    ['postgresql://u:p@db:5432/t', { dialect: 'pg', url: 'postgresql://u:p@db:5432/t' }],
  ])('reads %s', (url, location) => {
    expect(parseDatabaseUrl(url)).toEqual(location)
  })

  it.each([
    ['sqlite:/tmp/t.db', 'sqlite'],
    ['sqlite:///tmp/t.db', 'sqlite'],
    ['mysql://root@127.0.0.1/t', 'mysql'],
    ['postgresql+psycopg://u@db/t', 'postgresql+psycopg'],
  ])('refuses %s, naming its scheme, instead of taking it for a path', (url, scheme) => {
    expect(() => parseDatabaseUrl(url)).toThrow(`the scheme "${scheme}:"`)
  })
})
