/** A user error: printed as one line, exit code 2. (Its own file, so every command imports it without importing main.ts.) */
export class UsageError extends Error {
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = Array.isArray(lines) ? lines : [lines];
    super(all.join('; '));
    this.lines = all;
  }
}
