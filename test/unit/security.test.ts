// Static checks that keep the app's security properties (issue 6): user text reaches the page
// only through lit templates (no HTML sinks anywhere in ui/), nothing is loaded from a URL that
// comes from input, and index.html carries the Content-Security-Policy. The e2e tests check the
// same in Chromium (test/e2e/hardening.e2e.test.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel));
    else if (/\.(ts|js|mjs)$/.test(name)) out.push(rel);
  }
  return out;
}

const SOURCES = [...files('ui'), ...files('scenarios'), 'public/sw.js'];

describe('security (static)', () => {
  it('no HTML sinks: innerHTML, outerHTML, insertAdjacentHTML, unsafeHTML, document.write, eval', () => {
    const bad: string[] = [];
    for (const f of SOURCES) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|unsafeHTML|unsafeSVG|document\.write|\beval\(|new Function\(|srcdoc/.test(line))
          bad.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('nothing is fetched or loaded from a URL built from input: workers and modules are fixed files of the app', () => {
    const found: string[] = [];
    for (const f of SOURCES.filter((x) => x.startsWith('ui/'))) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (
          /\bfetch\(|\bimport\(|new (Shared)?Worker\(|\.src\s*=|location\.(href|assign|replace)\s*[=(]|window\.open\(|XMLHttpRequest|EventSource|WebSocket/.test(
            line,
          )
        )
          found.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    // Each allowed use, with why it is safe: literal module paths, and a blob: URL the app made.
    const allowed = [
      /ui\/main\.ts:\d+: await import\('\.\/app\.ts'\);/,
      /new Worker\(new URL\('\.\/[a-z.]+\.worker\.ts', import\.meta\.url\)/,
      /ui\/charts\/export\.ts:\d+: img\.src = url;/,
      // the classroom (issue 13): its module by a literal path; one socket to this page's own host
      // at a fixed path; the game download from this host, for a room code checked by isRoomCode
      /ui\/main\.ts:\d+: const \{ classroomElement \} = await import\('\.\/classroom\/index\.ts'\);/,
      /ui\/classroom\/connection\.ts:\d+: const ws = new WebSocket\(`\$\{proto\}\/\/\$\{location\.host\}\/ws`\);/,
      /ui\/classroom\/connection\.ts:\d+: private ws: WebSocket \| null = null;/,
      /ui\/classroom\/connection\.ts:\d+: if \(this\.ws\?\.readyState === WebSocket\.OPEN\)/,
      /ui\/classroom\/teacher\.ts:\d+: const res = await fetch\(`\.\/classroom\/\$\{v\.room\}\/game\.json`/,
    ];
    expect(found.filter((l) => !allowed.some((re) => re.test(l)))).toEqual([]);
  });

  it('index.html has the Content-Security-Policy and no inline script or style', () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(m).not.toBeNull();
    const csp = Object.fromEntries(
      m![1]
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v.join(' ')]),
    );
    expect(csp['default-src']).toBe("'self'");
    expect(csp['script-src']).toBe("'self'");
    expect(csp['worker-src']).toBe("'self' blob:");
    expect(csp['style-src']).toBe("'self'");
    expect(csp['img-src']).toBe("'self' data: blob:");
    expect(csp['connect-src']).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['base-uri']).toBe("'self'");
    expect(csp['form-action']).toBe("'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
