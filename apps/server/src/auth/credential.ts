/** How the request's caller was authenticated; routes such as `DELETE /Session` depend on it. */
export type Credential =
  | { scheme: 'basic' }
  | { scheme: 'bearer'; tokenId: number }
  | { scheme: 'soticket'; sessionId: number }
  | { scheme: 'cookie'; sessionId: number }

declare module 'hono' {
  interface ContextVariableMap {
    credential: Credential
  }
}
