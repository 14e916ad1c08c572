/** The associate a request acts for, set by the authentication middleware. */
export interface Caller {
  associateId: number
  userName: string
  fullName: string
  isAdmin: boolean
  /** Preferred language code (US, NO, …) for messages the caller receives. */
  language: string
  /**
   * The route the request acting for the caller came through (`POST /api/v1/Ticket`), which the
   * ticket history records; unset outside a request.
   */
  route?: string
}
