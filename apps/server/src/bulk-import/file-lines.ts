import { isUtf8 } from 'node:buffer'
import { open } from 'node:fs/promises'

/** One line of an import file: its text, its number, and the file offset just after it. */
export interface SourceLine {
  text: string
  /** 1-based, counted from the start of the file (also when reading starts further in). */
  number: number
  /** Byte offset after the line and its newline: where reading resumes once it is committed. */
  end: number
  /** False when the line's bytes are not UTF-8 (a create refuses such a body). */
  utf8: boolean
}

const chunkBytes = 4 * 1024 * 1024
const newline = 0x0a

/**
 * The lines of a JSON Lines file from byte `from` on (a line boundary: 0, or an `end` that was
 * committed), numbered on from `lineBefore`. Reads large chunks and splits on newline bytes, so
 * each line costs one decode; a UTF-8 byte order mark at the start of the file is skipped.
 * `stop` is asked before each line: true ends the reading there.
 */
export async function* fileLines(
  path: string,
  from: { offset: number; lineBefore: number },
  stop: () => boolean = () => false
): AsyncGenerator<SourceLine> {
  const file = await open(path, 'r')
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes)
    let filled = 0
    let position = from.offset
    // File offset of buffer[0].
    let base = from.offset
    let number = from.lineBefore
    let eof = false
    let first = from.offset === 0
    while (!eof || filled > 0) {
      if (!eof) {
        if (filled === buffer.length) {
          // One line is longer than the buffer: grow it.
          const bigger = Buffer.allocUnsafe(buffer.length * 2)
          buffer.copy(bigger, 0, 0, filled)
          buffer = bigger
        }
        const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, position)
        position += bytesRead
        filled += bytesRead
        eof = bytesRead === 0
      }
      let start = 0
      if (first && filled >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
        start = 3
      }
      first = false
      for (;;) {
        let cut = buffer.indexOf(newline, start)
        if (cut === -1 || cut >= filled) {
          if (!eof || start === filled) {
            break
          }
          // The last line has no newline.
          cut = filled
        }
        if (stop()) {
          return
        }
        number++
        const bytes = buffer.subarray(start, cut)
        yield {
          text: bytes.toString('utf8'),
          number,
          end: base + Math.min(cut + 1, filled),
          utf8: isUtf8(bytes),
        }
        start = Math.min(cut + 1, filled)
      }
      // Keep the unfinished line at the front of the buffer.
      buffer.copy(buffer, 0, start, filled)
      filled -= start
      base += start
      if (eof && filled === 0) {
        break
      }
    }
  } finally {
    await file.close()
  }
}
