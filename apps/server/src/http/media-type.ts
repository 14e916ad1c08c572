/** The media type (lower-cased, without parameters) and charset of a Content-Type header. */
export function parseContentType(header: string | undefined): { type: string; charset?: string } {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim())
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^";]*)"?$/i.exec(p)?.[1])
    .find((value) => value !== undefined)
  return { type: type.toLowerCase(), charset: charset?.toLowerCase() }
}

export const isXmlType = (type: string) => type === 'application/xml' || type === 'text/xml'
