/** The associate a request acts for, set by the authentication middleware. */
export interface Caller {
  associateId: number
  userName: string
  fullName: string
  isAdmin: boolean
  /** Preferred language code (US, NO, …) for messages the caller receives. */
  language: string
}
