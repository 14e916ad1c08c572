import type { Context } from 'hono'

export interface Page {
  top: number
  skip: number
}

/** `$top`/`$skip` of a list request (the operation's `PageQuery`), defaults applied. */
export const pageOf = (query: { $top?: number; $skip?: number }): Page => ({
  top: query.$top ?? 100,
  skip: query.$skip ?? 0,
})

/** The next page's URL as a `Link` header, when the page was full. */
export function nextPageLink(c: Context, page: Page, count: number): Record<string, string> {
  if (count < page.top) {
    return {}
  }
  const next = new URL(c.req.url)
  next.searchParams.set('$skip', String(page.skip + page.top))
  next.searchParams.set('$top', String(page.top))
  return { Link: `<${next.toString()}>; rel="next"` }
}
