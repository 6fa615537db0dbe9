import { promisify } from 'node:util'
import { constants, deflate, inflate } from 'node:zlib'

const deflateAsync = promisify(deflate)
const inflateAsync = promisify(inflate)

/**
 * zlib level 1 with the run-length strategy (matches at distance one only),
 * made for the byte planes the codecs write (packed-columns.ts): on a
 * million-request timeline it compresses those 26 MB to 7.3 MB in about
 * 130 ms, where the default strategy took 270 ms for 7.6 MB, and 310 ms
 * for 8.7 MB of the same columns as they are in memory (measured here, one
 * thread). The zlib format (not raw deflate) carries an Adler-32 checksum,
 * so a damaged blob fails to inflate instead of reading back as different
 * numbers. Both directions run on libuv's thread pool, so the configs of
 * one experiment compress in parallel and the event loop stays free.
 */
const LEVEL = 1
const STRATEGY = constants.Z_RLE

export function compressBlob(bytes: Uint8Array): Promise<Buffer> {
  return deflateAsync(bytes, {
    level: LEVEL,
    strategy: STRATEGY,
    chunkSize: chunkFor(bytes.byteLength)
  })
}

/** A blob that does not inflate, or inflates to more than it may. */
export class BlobDamagedError extends Error {
  override name = 'BlobDamagedError'
}

/**
 * Output chunk of a deflate or an inflate: each chunk is a round trip
 * between the thread pool and the event loop, and with zlib's 16 KiB a
 * large timeline inflated about half as fast; four timelines deflated at
 * once took a tenth less CPU time with 1 MiB chunks (measured here).
 */
const CHUNK_BYTES = 1024 * 1024

/** A chunk no larger than the data needs (zlib's least is 64 bytes). */
function chunkFor(bytes: number): number {
  return Math.max(64, Math.min(CHUNK_BYTES, bytes))
}

/** The bytes `blob` compresses, refusing to inflate past `maxBytes` (a file may lie about sizes). */
export async function decompressBlob(blob: Uint8Array, maxBytes: number): Promise<Buffer> {
  try {
    return await inflateAsync(blob, {
      maxOutputLength: Math.max(1, maxBytes),
      chunkSize: chunkFor(maxBytes)
    })
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new BlobDamagedError(`it inflates to more than the ${maxBytes} bytes it should hold`)
    }
    throw new BlobDamagedError(`it does not inflate (${(error as Error).message})`)
  }
}
