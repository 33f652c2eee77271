// Captures what the command line writes to stdout and stderr during each test of a file.
import { afterEach, beforeEach, vi } from 'vitest';

export interface Captured {
  out: string;
  err: string;
}

/** Call at the top of a test file; read `.out` and `.err` inside tests. */
export function captureOutput(): Captured {
  const c: Captured = { out: '', err: '' };
  beforeEach(() => {
    c.out = '';
    c.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      c.out += String(chunk);
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    }) as typeof process.stdout.write);
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      c.err += String(chunk);
      return true;
    }) as typeof process.stderr.write);
  });
  afterEach(() => vi.restoreAllMocks());
  return c;
}
