/**
 * `TicketId` → `ticket_id`, `URLName` → `url_name`, `EjUserId` → `ej_user_id`, `URL` → `url`.
 * An acronym stays one word until the last capital that starts a lower-case word.
 */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase()
}

/** `ticket_tags` → `ticketTags`; goes through snake_case so `TicketTags` gives the same. */
export function camelCase(name: string): string {
  const [first = '', ...rest] = snakeCase(name).split('_').filter(Boolean)
  return first + rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')
}
