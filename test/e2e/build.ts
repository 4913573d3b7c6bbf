import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Builds the SPA once before the end-to-end tests (`npx vite build`), so they never run against a stale dist/. */
export default function build() {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}
