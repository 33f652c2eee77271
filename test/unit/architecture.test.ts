// The code's shape: no import cycles in the core or the command line, layers that only import
// downward (sim <- scenarios <- experiments, versions <- ui / cli), and a core that uses the model's own
// exp/log/pow (sim/fmath.ts) and seeded streams, never the engine's. The core's type-check without
// DOM or Node types is `tsc -p tsconfig.sim.json` in `npm run lint`.
//
// The import graph comes from a small scanner of the source text: `import ... from '...'`,
// `import '...'`, `export ... from '...'` and `import('...')`. Type-only imports count: a cycle
// through types is still two modules that cannot be understood one without the other.
import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const LAYERS = ['sim', 'scenarios', 'experiments', 'versions', 'ui', 'cli'] as const;
type Layer = (typeof LAYERS)[number];
/** What each layer may import besides itself: only the layers below it. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  sim: [],
  scenarios: ['sim'],
  experiments: ['sim', 'scenarios'],
  // archived model versions: today's core and loader behind one interface, for the app and the command line
  versions: ['sim', 'scenarios'],
  ui: ['sim', 'scenarios', 'experiments', 'versions'],
  cli: ['sim', 'scenarios', 'experiments', 'versions'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * The file's lines with comments blanked: lines inside or starting a block comment, and line
 * comments (a `//` at the start or after whitespace, so URLs in strings stay). Line numbers kept.
 */
function codeLines(text: string): string[] {
  let inBlock = false;
  return text.split('\n').map((line) => {
    const t = line.trim();
    if (inBlock) {
      if (t.includes('*/')) inBlock = false;
      return '';
    }
    if (t.startsWith('/*')) {
      inBlock = !t.includes('*/');
      return '';
    }
    return line.replace(/(^|\s)\/\/.*$/, '$1');
  });
}

/**
 * Module specifiers a file imports or re-exports, static or dynamic. Static ones start a line
 * (as the formatter writes them); a multi-line import runs to its `from`.
 */
function importsOf(text: string): string[] {
  const code = codeLines(text).join('\n');
  const out: string[] = [];
  const patterns = [
    /^import\s+(?:type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
    /^export\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

const layerOf = (file: string): Layer | undefined => LAYERS.find((l) => file === l || file.startsWith(`${l}/`));

/** The repository's import graph over the layers' files: file -> files it imports (relative imports only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const layer of LAYERS) {
    for (const file of sourceFiles(layer)) {
      const deps: string[] = [];
      for (const spec of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        if (!spec.startsWith('.')) continue; // a package or node: module
        const target = relative(ROOT, normalize(join(ROOT, file, '..', spec.replace(/\?.*$/, ''))));
        deps.push(target);
      }
      graph.set(file, deps);
    }
  }
  return graph;
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: Map<string, string[]>, within: (f: string) => boolean): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!within(w) || !graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (within(v) && !idx.has(v)) visit(v);
  return out;
}

describe('import scanner', () => {
  it('finds static, type-only, side-effect, re-export and dynamic imports, and skips comments', () => {
    const text = [
      "import { a, type B } from './a.ts';",
      "import type {\n  C,\n  D,\n} from '../c.ts';",
      "import './side.ts';",
      "import * as e from 'node:fs';",
      "export { f } from './f.ts';",
      "export * from './g.ts';",
      "export type { H } from './h.ts';",
      "const i = await import('./i.ts');",
      "// import { x } from './commented.ts';",
      "/** import { y } from './doc.ts'; */",
      "/**\n * import { v } from './doc2.ts';\n * import('./doc3.ts')\n */",
      "const url = 'https://example.org'; // import { w } from './w.ts';",
      "import z from './z.ts';",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(
      ['./a.ts', '../c.ts', './side.ts', 'node:fs', './f.ts', './g.ts', './h.ts', './i.ts', './z.ts'].sort(),
    );
  });

  it('finds a cycle through a type-only import', () => {
    const g = new Map([
      ['sim/a.ts', ['sim/b.ts']],
      ['sim/b.ts', ['sim/c.ts']],
      ['sim/c.ts', ['sim/a.ts']],
      ['sim/d.ts', ['sim/a.ts']],
    ]);
    expect(cycles(g, () => true)).toEqual([['sim/a.ts', 'sim/b.ts', 'sim/c.ts']]);
  });
});

describe('architecture', () => {
  const graph = importGraph();

  it('scans every layer', () => {
    for (const layer of LAYERS)
      expect(
        [...graph.keys()].some((f) => layerOf(f) === layer),
        layer,
      ).toBe(true);
    expect(graph.get('sim/simulation.ts')).toContain('sim/knobs.ts');
  });

  it('has no import cycle in sim/ or cli/ (type-only imports included)', () => {
    const found = cycles(graph, (f) => f.startsWith('sim/') || f.startsWith('cli/'));
    expect(found.map((c) => c.join(' <-> '))).toEqual([]);
  });

  it('imports only downward: sim <- scenarios <- experiments, versions <- ui / cli', () => {
    const bad: string[] = [];
    for (const [file, deps] of graph) {
      const from = layerOf(file)!;
      for (const dep of deps) {
        const to = layerOf(dep);
        if (to === undefined || to === from) continue;
        if (!MAY_IMPORT[from].includes(to)) bad.push(`${file} imports ${dep}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("the core uses the model's own exp/log/pow and seeded streams, never the engine's", () => {
    // fmath.ts implements them; sqrt is exactly rounded everywhere, so it stays allowed
    const forbidden =
      /\bMath\.(random|exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b|\*\*/;
    const bad: string[] = [];
    for (const file of sourceFiles('sim')) {
      const lines = codeLines(readFileSync(join(ROOT, file), 'utf8'));
      lines.forEach((line, i) => {
        if (forbidden.test(line)) bad.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });
});
