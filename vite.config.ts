import { defineConfig } from 'vite';

// base './' makes every asset URL relative, so the built folder works under any sub-path.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022' },
  worker: { format: 'es' },
});
