// Screenshots of the harness (ui/charts/dev.html) in Debian's Chromium via playwright-core.
// Usage: node ui/charts/dev-shot.mjs http://localhost:5199 /tmp/shots
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] ?? 'http://localhost:5199';
const out = process.argv[3] ?? '/tmp/hl-shots';
mkdirSync(out, { recursive: true });
const userDir = mkdtempSync(join(tmpdir(), 'hl-chromium-'));
// playwright-core passes --user-data-dir itself: a fresh temporary profile per run.
const browser = await chromium.launchPersistentContext(userDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 720 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = browser.pages()[0] ?? (await browser.newPage());
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
});
const shots = (process.argv[4] ?? 'charts,charts-compare,charts-zh,grades,district,district-7000,village,village-zh,stream').split(',');
const urls = {
  charts: '?view=charts',
  'charts-compare': '?view=charts&compare=1',
  'charts-zh': '?view=charts&lang=zh&compare=1',
  grades: '?view=charts&grades=1&compare=1',
  district: '?view=district',
  'district-7000': '?view=district&cells=7000&lang=zh',
  village: '?view=village&day=400',
  'village-zh': '?view=village&lang=zh&day=1200',
  stream: '?view=charts&compare=1&stream=1&day=1400',
  'village-anim': '?view=village&animate=1&day=30',
  'village-reduced': '?view=village&animate=1&day=30',
  'stream-all': '?view=all&compare=1&stream=1&day=1400&cells=7000',
};
for (const s of shots) {
  await page.goto(`${base}/ui/charts/dev.html${urls[s]}`);
  await page.emulateMedia({ reducedMotion: s === 'village-reduced' ? 'reduce' : 'no-preference' });
  if (s.startsWith('village-')) {
    await page.waitForTimeout(1400);
    console.log(
      s,
      'tokens in flight:',
      await page.evaluate(() => document.querySelector('hl-village-view')?.shadowRoot?.querySelectorAll('g.tokens circle').length),
    );
  }
  if (s.startsWith('stream')) {
    await page.waitForFunction(() => window.__perf, null, { timeout: 120000 });
    console.log('stream perf (ms per weekly update, incl. lit):', JSON.stringify(await page.evaluate(() => window.__perf)));
  }
  await page.waitForTimeout(800);
  if (s === 'charts-compare') {
    // Hover read-out on the first chart, and keyboard focus on the third.
    const plot = page.locator('hl-line-chart').first().locator('.plot');
    const box = await plot.boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.waitForTimeout(200);
  }
  if (s === 'district') {
    const map = page.locator('hl-district-view canvas');
    const box = await map.boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path: join(out, `${s}.png`) });
  await page.screenshot({ path: join(out, `${s}-full.png`), fullPage: true });
}
console.log(errors.length ? 'ERRORS:\n' + errors.join('\n') : 'no page errors');
await browser.close();
