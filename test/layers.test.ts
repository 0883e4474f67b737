// DESIGN.md "Layers": shells (main.ts, cli.ts) -> run.ts -> report/, policy/ -> checks/ -> config/,
// context/, finding.ts. A module imports its own layer or layers below, never upward. This walks the
// import graph of src/ (every import and export specifier of every .ts file, as TypeScript reads
// them) and names each edge that goes the wrong way. Show the layers with:
//   npx vitest run test/layers.test.ts
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

type Layer = 'shell' | 'run' | 'report' | 'policy' | 'checks' | 'base';

/**
 * Which layers each layer may import. report/ sits on policy/ (it renders the verdict the policy
 * builds); run.ts returns a verdict and never renders one, so it imports no reporter.
 */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  shell: ['shell', 'run', 'report', 'policy', 'checks', 'base'],
  run: ['policy', 'checks', 'base'],
  report: ['report', 'policy', 'checks', 'base'],
  policy: ['policy', 'checks', 'base'],
  checks: ['checks', 'base'],
  base: ['base'],
};

/** The layer of a module, by its path under src/. A new top-level file must be placed here. */
function layerOf(module: string): Layer | undefined {
  const [top] = module.split('/');
  if (module === 'main.ts' || module === 'cli.ts') return 'shell';
  // The CLI's `inventory` command: argv -> lockfiles -> rendered list, a part of the CLI shell.
  if (module === 'inventory.ts') return 'shell';
  if (module === 'run.ts') return 'run';
  if (top === 'report') return 'report';
  if (top === 'policy') return 'policy';
  if (top === 'checks') return 'checks';
  if (top === 'config' || top === 'context') return 'base';
  if (module === 'finding.ts' || module === 'util.ts' || module === 'version.ts') return 'base';
  // Turns on Node's compile cache: called first by the bundles' entries (the shells and the check worker).
  if (module === 'compile-cache.ts') return 'base';
  return undefined;
}

const ENTRY_POINTS = ['main.ts', 'cli.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The src/ modules a file imports (relative specifiers only; `.js` in a specifier names the `.ts` file). */
function importsOf(module: string): string[] {
  const text = readFileSync(join(SRC, module), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(SRC, resolve(SRC, dirname(module), specifier)).replace(/\.js$/, '.ts'));
}

const modules = sourceFiles(SRC);
const edges = modules.flatMap((from) => importsOf(from).map((to) => ({ from, to })));

describe('the import layers of src/', () => {
  it('finds the modules and their imports (so the checks below are not vacuous)', () => {
    expect(modules.length).toBeGreaterThan(50);
    expect(edges).toContainEqual({ from: 'run.ts', to: 'policy/verdict.ts' });
    expect(edges).toContainEqual({ from: 'report/json.ts', to: 'policy/verdict.ts' });
  });

  it('places every module in a layer', () => {
    expect(modules.filter((module) => layerOf(module) === undefined)).toEqual([]);
  });

  it('imports only existing modules', () => {
    expect(edges.filter(({ to }) => !modules.includes(to))).toEqual([]);
  });

  it('never imports upward (checks -> report, policy -> report, run -> report, anything -> a shell)', () => {
    const upward = edges
      .filter(({ from, to }) => !MAY_IMPORT[layerOf(from)!].includes(layerOf(to)!) || ENTRY_POINTS.includes(to))
      .map(({ from, to }) => `${from} (${layerOf(from)}) imports ${to} (${layerOf(to)})`);
    expect(upward).toEqual([]);
  });
});
