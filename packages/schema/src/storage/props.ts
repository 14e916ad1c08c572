import type { TProperties } from '@sinclair/typebox'

/** Rights are computed per caller on every read; no record stores them. */
export const RIGHTS = ['TableRight', 'FieldProperties'] as const

/**
 * The properties of a carrier minus some keys; records are built from carriers this way so a new
 * carrier field becomes a column without a second edit.
 * @example omitProps(Tag.properties, RIGHTS)
 */
export const omitProps = <T extends TProperties, const K extends readonly (keyof T)[]>(
  properties: T,
  keys: K
): Omit<T, K[number]> => {
  const drop = new Set<PropertyKey>(keys)
  return Object.fromEntries(Object.entries(properties).filter(([key]) => !drop.has(key))) as Omit<
    T,
    K[number]
  >
}
