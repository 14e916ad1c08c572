import { promisify } from 'node:util'
import { brotliCompress, deflate, gzip } from 'node:zlib'
import { type ContentCoding, encoderOptions } from './compression.ts'

const encoders = {
  br: promisify(brotliCompress),
  gzip: promisify(gzip),
  deflate: promisify(deflate),
}

/**
 * `bytes` in a content coding, with the settings the compression middleware uses, on zlib's
 * thread pool: for bodies encoded once and sent many times.
 */
export async function encodeBytes(
  coding: ContentCoding,
  bytes: Uint8Array
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await encoders[coding](bytes, encoderOptions(coding, bytes.byteLength)))
}

/** Content-coded copies of one body, each made the first time it is asked for. */
export type CodedCopies = Map<ContentCoding, Promise<Uint8Array<ArrayBuffer>>>

/**
 * `bytes` in `coding` from `copies`, encoded (and kept there) the first time; a failed encoding
 * is forgotten so the next request tries again. `made` hears of each new copy once it exists.
 */
export function codedCopy(
  copies: CodedCopies,
  coding: ContentCoding,
  bytes: Uint8Array,
  made?: (copy: Uint8Array<ArrayBuffer>) => void
): Promise<Uint8Array<ArrayBuffer>> {
  let copy = copies.get(coding)
  if (!copy) {
    copy = encodeBytes(coding, bytes)
    copies.set(coding, copy)
    void copy.then(made, () => copies.delete(coding))
  }
  return copy
}
