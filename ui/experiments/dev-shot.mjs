import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const url = process.argv[2];
const out = process.argv[3];
const userDir = mkdtempSync(join(tmpdir(), 'hl-chromium-'));
const ctx = await chromium.launchPersistentContext(userDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => {
  if (m.type() === 'error') errors.push(m.text());
});
await page.goto(url);
await page.locator('hl-experiments-panel').waitFor();
await page.waitForTimeout(500);
if (process.argv[4] === 'run') {
  await page.locator('[data-testid="exp-run"]').click();
  await page.locator('[data-testid="exp-status"][data-status="done"]').waitFor({ timeout: 120000 });
  await page.waitForTimeout(400);
}
await page.screenshot({ path: out, fullPage: true });
console.log('errors', errors);
console.log(
  await page
    .locator('[data-testid="exp-status"]')
    .textContent()
    .catch(() => 'none'),
);
await ctx.close();
