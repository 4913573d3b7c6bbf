import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const apiPort = process.env.PORT ?? '8787'

/**
 * In dev, /results, /results/<id> and /results/<id>/print get results.html as the server does; the bundle's own module
 * files under /results/ stay files.
 */
function resultsPages(): Plugin {
  return {
    name: 'manyi-results-pages',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/results(\/\d+(\/print)?)?\/?(\?|$)/.test(req.url)) req.url = '/results.html'
        next()
      })
    },
  }
}

export default defineConfig({
  root: 'web',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx/dom' } },
  plugins: [resultsPages()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0, // the CSP allows no inline assets beyond data: images
    rollupOptions: {
      // Three entries: the staff app, and the citizen survey and the public results, each with its own small bundle (no admin code, no chart.js).
      input: {
        main: fileURLToPath(new URL('web/index.html', import.meta.url)),
        survey: fileURLToPath(new URL('web/survey.html', import.meta.url)),
        results: fileURLToPath(new URL('web/results.html', import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${apiPort}`, '/healthz': `http://127.0.0.1:${apiPort}` },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          root,
          environment: 'node',
          include: ['shared/**/*.test.ts', 'db/**/*.test.ts', 'server/**/*.test.ts', 'test/api/**/*.test.ts', 'test/layout/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          root,
          environment: 'jsdom',
          include: ['web/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
})
