// Captures what the command line writes to stdout and stderr during each test of a file.
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

export interface Captured {
  out: string;
  err: string;
}

/** Sends process.stdout and process.stderr writes into `c` until the returned function restores them. */
function redirect(c: Captured): () => void {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    c.out += String(chunk);
    (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
    return true;
  }) as typeof process.stdout.write);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    c.err += String(chunk);
    return true;
  }) as typeof process.stderr.write);
  return () => {
    out.mockRestore();
    err.mockRestore();
  };
}

/** Call at the top of a test file; read `.out` and `.err` inside tests. */
export function captureOutput(): Captured {
  const c: Captured = { out: '', err: '' };
  beforeEach(() => {
    c.out = '';
    c.err = '';
    redirect(c);
  });
  afterEach(() => vi.restoreAllMocks());
  return c;
}

/** Runs `fn` (in a beforeAll, say) with its output captured: what it returned and what it wrote. */
export async function captured<T>(fn: () => Promise<T>): Promise<Captured & { value: T }> {
  const c: Captured = { out: '', err: '' };
  const restore = redirect(c);
  try {
    const value = await fn();
    return { ...c, value };
  } finally {
    restore();
  }
}

/** Sets an environment variable for the tests of the calling file (or describe block), and restores it after them. */
export function useEnv(name: string, value: string): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env[name];
    process.env[name] = value;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  });
}
