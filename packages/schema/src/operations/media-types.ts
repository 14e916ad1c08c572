/** Entity bodies a client may send (see docs/decisions.md). */
export const entityRequestTypes = [
  'application/json',
  'text/json',
  'application/xml',
  'text/xml',
  'application/x-www-form-urlencoded',
]

export const patchRequestTypes = ['application/json-patch+json', 'application/merge-patch+json']

/** What the service answers with, chosen by `Accept` (default JSON). */
export const responseTypes = ['application/json', 'text/json', 'application/xml', 'text/xml']

export const problemTypes = ['application/problem+json', 'application/problem+xml']
