import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { constants, createGzip } from 'node:zlib'
import type { Context } from 'hono'

/**
 * A long download (an export) gzipped through Node's own zlib stream when the client accepts it. The generic compress
 * middleware's CompressionStream let a million-row export run ~75 MB ahead of the client; Node streams keep the
 * backpressure, so memory stays flat. The Content-Encoding set here makes that middleware leave the response alone.
 */
export function gzipDownload(c: Context, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  if (!/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return body
  c.header('Content-Encoding', 'gzip')
  c.header('Vary', 'Accept-Encoding')
  const gzip = createGzip({ level: constants.Z_BEST_SPEED })
  const source = Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>)
  source.on('error', (e) => gzip.destroy(e))
  return Readable.toWeb(source.pipe(gzip)) as unknown as ReadableStream<Uint8Array>
}
