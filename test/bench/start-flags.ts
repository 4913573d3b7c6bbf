import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The Node flags `npm start` runs the server with (package.json's start script), so that the benchmarks measure the
 * server exactly as it is deployed.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } }
  const match = /\bnode ((?:--\S+ )*)dist\/server\/main\.mjs/.exec(pkg.scripts.start)
  if (!match) throw new Error(`cannot read the node flags from the start script: ${pkg.scripts.start}`)
  return match[1]!.trim().split(/\s+/).filter(Boolean)
}
