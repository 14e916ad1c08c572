import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `AssociateType`, by name. */
export const AssociateTypeValues = {
  Unknown: 0,
  InternalAssociate: 1,
  ResourceAssociate: 2,
  ExternalAssociate: 3,
  AnonymousAssociate: 4,
  SystemAssociate: 5,
} as const

/**
 * Kind of associate: internal user, resource, external user, anonymous or system.
 * @example 'InternalAssociate'
 */
export const AssociateType = StringEnum('AssociateType', AssociateTypeValues, {
  description: 'Kind of associate: internal user, resource, external user, anonymous or system.',
})
export type AssociateType = Static<typeof AssociateType>
