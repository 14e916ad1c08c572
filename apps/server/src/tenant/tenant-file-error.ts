/** One problem in a tenant file: a JSON pointer into the file and what is wrong there. */
export interface TenantFileIssue {
  path: string
  message: string
}

/**
 * A tenant file that cannot be imported. The message names the file (when known) and lists
 * every invalid path, so a failed start or CLI run says exactly what to fix.
 */
export class TenantFileError extends Error {
  readonly issues: TenantFileIssue[]
  readonly source: string | undefined

  constructor(issues: TenantFileIssue[], source?: string) {
    const where = source ? `Invalid tenant file ${source}` : 'Invalid tenant file'
    const lines = issues.map((issue) => `  ${issue.path || '/'}: ${issue.message}`)
    super(`${where}:\n${lines.join('\n')}`)
    this.name = 'TenantFileError'
    this.issues = issues
    this.source = source
  }
}
