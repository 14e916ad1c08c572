// The part of negotiator (1.x) this server calls. Its published types describe 0.6, which has no
// `preferred` order for equal q-values.
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> })
    encoding(
      available: readonly string[],
      options?: { preferred?: readonly string[] }
    ): string | undefined
  }
  export = Negotiator
}
