// End-to-end tests against the release build in dist/, served on 127.0.0.1 with its precompressed
// files (scripts/serve-dist.mjs), in Debian's Chromium (Playwright's own browser download is not
// reachable here).
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 900 },
    // The service worker is tested on its own (offline.spec.mjs); elsewhere it would answer
    // requests that tests route to simulate broken data.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // --faults: tests may ask for a broken server by cookie (offline.spec.mjs).
    command: `node ../../scripts/serve-dist.mjs ../../dist ${PORT} --faults`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
