import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/** End-to-end tests: the built SPA and the real server in Chromium (`npm run test:e2e`). */
export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/build.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
