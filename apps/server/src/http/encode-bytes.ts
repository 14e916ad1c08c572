import { promisify } from 'node:util'
import { brotliCompress, deflate, gzip } from 'node:zlib'
import { type Coding, encoderOptions } from './compression.ts'

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
  coding: Exclude<Coding, 'identity'>,
  bytes: Uint8Array
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await encoders[coding](bytes, encoderOptions(coding, bytes.byteLength)))
}
