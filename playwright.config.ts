import { defineConfig, devices } from '@playwright/test';
import { randomBytes } from 'node:crypto';

const PORT = Number(process.env.E2E_PORT || 3300);
const baseURL = `http://127.0.0.1:${PORT}`;
// Browsers are never downloaded here: Debian's chromium is used.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu', '--disable-dev-shm-usage', '--no-sandbox'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  // One server on one PGlite folder: journeys run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions } },
    { name: 'phone', use: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, launchOptions } },
  ],
  webServer: {
    // A fresh demo company in a folder of its own, then the built app.
    command: 'rm -rf .data/pglite-e2e && npm run db:seed --silent && npx next start -p ' + PORT,
    url: `${baseURL}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PGLITE_DIR: '.data/pglite-e2e',
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url'),
      AUTH_TRUST_HOST: 'true',
      // The journeys sign in with the published demo password, which production refuses without it.
      DEMO_MODE: 'true',
      APP_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
