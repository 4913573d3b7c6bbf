import { createServer, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from 'node:http'

/** A Node request handler that answers what it takes on and returns true, or returns false and leaves the request alone. */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean

/**
 * For @hono/node-server's `createServer` option: Node's HTTP server, offering each request to the fast paths before the
 * app (see survey/submit-fast-path.ts for the one there is).
 */
export function withFastPaths(...paths: FastPath[]): typeof createServer {
  return ((options: ServerOptions, app: RequestListener) =>
    createServer(options, (req, res) => {
      for (const path of paths) if (path(req, res)) return
      app(req, res)
    })) as typeof createServer
}
