import { describe, expect, test } from 'vitest'
import { camelCase, snakeCase } from './naming'

describe('snakeCase', () => {
  test.each([
    ['TicketId', 'ticket_id'],
    ['FirstReadByOwner', 'first_read_by_owner'],
    ['URL', 'url'],
    ['URLName', 'url_name'],
    ['EjUserId', 'ej_user_id'],
    ['ticket_id', 'ticket_id'],
    ['Version2Id', 'version2_id'],
  ])('%s → %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected)
  })
})

describe('camelCase', () => {
  test.each([
    ['ticket_tags', 'ticketTags'],
    ['tickets', 'tickets'],
    ['url_name', 'urlName'],
    ['TicketTags', 'ticketTags'],
  ])('%s → %s', (input, expected) => {
    expect(camelCase(input)).toBe(expected)
  })
})
