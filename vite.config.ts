import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const apiPort = process.env.PORT ?? '8787'

export default defineConfig({
  root: 'web',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx/dom' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0, // the CSP allows no inline assets beyond data: images
    rollupOptions: {
      // Two entries: the staff app, and the citizen survey with its own small bundle (no admin code, no charts).
      input: { main: fileURLToPath(new URL('web/index.html', import.meta.url)), survey: fileURLToPath(new URL('web/survey.html', import.meta.url)) },
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
