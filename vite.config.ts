import { defineConfig, type Plugin } from 'vitest/config';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The line of public/sw.js that the build overwrites, in its source form. */
const SW_BUILD_LINE = /^const BUILD = .*;.*$/m;
const SW_BUILD_SOURCE = "const BUILD = { version: 'dev', files: [] }; // written by the build";

/**
 * Stamps the built `sw.js` with this build's version and file list (relative paths). The list
 * lets the service worker store the whole app when it installs, so the app works offline at
 * once, whatever the page happened to load before the network went away. The version is a hash
 * of every file's path and bytes (sw.js counted in its source form): it names the worker's cache,
 * and since it is written into sw.js, every new build changes sw.js's bytes, which is what makes
 * a browser that has the old worker install the new one (no Cache-Control needed on the host).
 */
function precacheList(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hotline-lab-precache-list',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(relative(outDir, p).split('\\').join('/'));
        }
      };
      walk(outDir);
      files.sort();
      const swPath = join(outDir, 'sw.js');
      const sw = readFileSync(swPath, 'utf8');
      if ((sw.match(new RegExp(SW_BUILD_LINE.source, 'gm')) ?? []).length !== 1) {
        throw new Error('sw.js: expected exactly one line starting "const BUILD = " for the build to stamp');
      }
      const hash = createHash('sha256');
      for (const f of files) {
        const bytes = f === 'sw.js' ? Buffer.from(sw.replace(SW_BUILD_LINE, () => SW_BUILD_SOURCE)) : readFileSync(join(outDir, f));
        hash.update(`${f}\0${bytes.length}\0`).update(bytes);
      }
      const build = { version: hash.digest('hex').slice(0, 20), files: files.filter((f) => f !== 'sw.js') };
      writeFileSync(
        swPath,
        sw.replace(SW_BUILD_LINE, () => `const BUILD = ${JSON.stringify(build)}; // written by the build`),
      );
    },
  };
}

// base './' makes every asset URL relative, so the built folder works under any sub-path.
// `npm test` (vitest run) runs two projects: the unit tests, and the end-to-end tests, which
// build the app, serve it under a sub-path and drive Debian's Chromium with playwright-core.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022' },
  worker: { format: 'es' },
  plugins: [precacheList()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          // The machine is shared: a golden run or a worker pool's start-up that takes 2 s alone
          // can take 15 s under load, so the 5 s default fails tests that are not slow.
          testTimeout: 60_000,
          // Two files at a time (vitest's default on two cores is one: cores - 1), in worker
          // threads, which start faster than forked processes. Each file still gets its own
          // module graph (isolation stays on), so no test depends on another file's state.
          pool: 'threads',
          maxWorkers: 2,
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // After the unit tests, not beside them: the responsiveness check measures the page's
          // main thread, which must not compete with a fuzzing suite for two cores.
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // One browser at a time: the machine has two cores and each page runs workers.
          fileParallelism: false,
        },
      },
    ],
  },
});
