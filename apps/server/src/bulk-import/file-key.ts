import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'

const sampleBytes = 64 * 1024

/**
 * Names an import file by its content, not its path: SHA-256 of its size and its first and last
 * 64 KiB. A renamed file resumes where it stopped; a file that was replaced, extended or cut
 * short is a new import.
 */
export async function fileKey(path: string): Promise<string> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const hash = createHash('sha256').update(String(size))
    const head = Buffer.alloc(Math.min(sampleBytes, size))
    await file.read(head, 0, head.length, 0)
    const tail = Buffer.alloc(Math.min(sampleBytes, size))
    await file.read(tail, 0, tail.length, size - tail.length)
    return hash.update(head).update(tail).digest('hex')
  } finally {
    await file.close()
  }
}
