/**
 * Builds the app with vite's JS API into a temporary folder and serves it with a tiny static
 * server UNDER A SUB-PATH, which proves the build works wherever it is hosted. The tests get
 * the page's URL through `inject('baseUrl')`.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export const SUB_PATH = '/some/sub/path/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Serve `dir` at `prefix`; everything outside the prefix is a 404 (as on a shared host). */
export function serveStatic(dir: string, prefix: string): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === prefix.slice(0, -1)) {
        res.writeHead(301, { Location: prefix });
        res.end();
        return;
      }
      if (!path.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let rel = path.slice(prefix.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(root, rel));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      const s = await stat(file).catch(() => null);
      if (!s?.isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      ok({ server, url: `http://127.0.0.1:${port}${prefix}` });
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const outDir = await mkdtemp(join(tmpdir(), 'hotline-lab-e2e-'));
  // vitest sets NODE_ENV=test, which would make vite build a development bundle (lit's dev
  // mode, no service worker): build exactly what `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: repo,
      configFile: join(repo, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const { server, url } = await serveStatic(outDir, SUB_PATH);
  project.provide('baseUrl', url);
  project.provide('distDir', outDir);
  return async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    await rm(outDir, { recursive: true, force: true });
  };
}
