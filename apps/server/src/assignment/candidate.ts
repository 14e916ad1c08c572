/** An available category member, in the shape the pickers work on. */
export interface Candidate {
  associateId: number
  position: number
  weight: number
}

/**
 * `ticket_categories.assignment_state`: what a method remembers between picks (the round-robin
 * cursor, or the smooth weighted current weights). Keys are namespaced by method, so switching a
 * category's method never reads the other method's numbers.
 */
export type AssignmentState = Record<string, number>
