// The bundles (scripts/build.mjs): CI compares a fresh build with the committed dist/, so a build must
// be byte-for-byte reproducible; and a start must load little (issue 13, "Start fast"): the entries
// load a few KB before they run, and octokit, the secrets rule table, the lockfile parsers and the
// advisory sources are reached only by dynamic import, each check in a chunk of its own. Speed itself
// is measured by bench/cli.ts, never by a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleImports, loadedAtStart } from './support/dist.js';

const ROOT = new URL('..', import.meta.url).pathname;

function buildInto(dir: string): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', dir], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

interface Bundle {
  dir: string;
  files: string[];
  text: (file: string) => string;
  /** The src/ and node_modules/ files a bundle file was made from, from its source map. */
  sources: (file: string) => string[];
  staticImports: (file: string) => string[];
  dynamicImports: (file: string) => string[];
  loadedAtStart: (entry: string) => string[];
}

function bundleIn(dir: string): Bundle {
  const text = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    dir,
    files: readdirSync(dir).sort(),
    text,
    sources: (file) => (JSON.parse(text(`${file}.map`)) as { sources: string[] }).sources,
    staticImports: (file) => bundleImports(dir, file).static,
    dynamicImports: (file) => bundleImports(dir, file).dynamic,
    loadedAtStart: (entry) => loadedAtStart(dir, entry),
  };
}

const ENTRIES = ['cli.js', 'index.js', 'check-worker.js', 'secrets-worker.js'];
let first: Bundle;
let second: Bundle;

beforeAll(() => {
  first = bundleIn(mkdtempSync(join(tmpdir(), 'sg-build-a-')));
  second = bundleIn(mkdtempSync(join(tmpdir(), 'sg-build-b-')));
  buildInto(first.dir);
  buildInto(second.dir);
  Object.assign(first, { files: readdirSync(first.dir).sort() });
  Object.assign(second, { files: readdirSync(second.dir).sort() });
}, 120_000);

describe('npm run build', () => {
  it('is reproducible: two builds give the same files, byte for byte', () => {
    expect(first.files).toEqual(second.files);
    for (const file of first.files) expect(first.text(file), file).toBe(second.text(file));
  });

  it('writes the four entries, content-hashed chunks, and a source map beside each file that the file names', () => {
    const js = first.files.filter((file) => file.endsWith('.js'));
    expect(js.filter((file) => !file.startsWith('chunk-'))).toEqual([...ENTRIES].sort());
    for (const file of js) {
      expect(first.files, file).toContain(`${file}.map`);
      expect(first.text(file).trimEnd().split('\n').at(-1)).toBe(`//# sourceMappingURL=${file}.map`);
    }
    expect(first.text('cli.js').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(join(first.dir, 'cli.js')).mode & 0o111).not.toBe(0);
  });

  it('names no file by an absolute path (a clone anywhere builds the same)', () => {
    for (const file of first.files.filter((name) => name.endsWith('.js'))) {
      expect(first.text(file), file).not.toContain(ROOT);
      expect(first.text(file), file).not.toContain(first.dir);
    }
    for (const file of first.files.filter((name) => name.endsWith('.js'))) {
      for (const source of first.sources(file)) expect(source, file).not.toMatch(/^\//);
    }
  });

  it('imports only files it wrote', () => {
    for (const file of first.files.filter((name) => name.endsWith('.js'))) {
      for (const imported of [...first.staticImports(file), ...first.dynamicImports(file)]) expect(first.files, file).toContain(imported);
    }
  });
});

describe('what a start loads', () => {
  const sourcesAtStart = (entry: string) => first.loadedAtStart(entry).flatMap((file) => first.sources(file));
  const bytesAtStart = (entry: string) => first.loadedAtStart(entry).reduce((sum, file) => sum + first.text(file).length, 0);

  it('loads a few KB before the entries run (the 2.5 MB cli.js and 3.6 MB index.js were parsed whole)', () => {
    expect(bytesAtStart('cli.js')).toBeLessThan(16 * 1024);
    expect(bytesAtStart('check-worker.js')).toBeLessThan(16 * 1024);
    expect(bytesAtStart('secrets-worker.js')).toBeLessThan(16 * 1024);
    expect(bytesAtStart('index.js')).toBeLessThan(64 * 1024);
  });

  it('keeps octokit, the rule table, the lockfile parsers and the advisory sources out of every start', () => {
    const heavy = /@octokit|undici|src\/checks\/(secrets|deps|versions)\/|\/(yaml|zod)\//;
    for (const entry of ENTRIES)
      expect(
        sourcesAtStart(entry).filter((source) => heavy.test(source)),
        entry,
      ).toEqual([]);
  });

  it("puts each check's own code in chunks that no other check loads", () => {
    const chunkOf = (source: RegExp) =>
      first.files.filter((file) => file.endsWith('.js') && first.sources(file).some((name) => source.test(name)));
    const closure = (files: string[]) => [...new Set(files.flatMap((file) => first.loadedAtStart(file)))];
    const secrets = closure(chunkOf(/src\/checks\/secrets\/rules\/builtin\.ts$/));
    const deps = closure(chunkOf(/src\/checks\/deps\/lockfiles\/index\.ts$/));
    const versions = closure(chunkOf(/src\/checks\/versions\/table\.ts$/));
    const sourcesOf = (files: string[]) => files.flatMap((file) => first.sources(file));
    expect(sourcesOf(secrets).filter((source) => /src\/checks\/(deps|versions)\//.test(source))).toEqual([]);
    expect(sourcesOf(deps).filter((source) => /src\/checks\/(secrets|versions)\//.test(source))).toEqual([]);
    expect(sourcesOf(versions).filter((source) => /src\/checks\/(secrets|deps)\//.test(source))).toEqual([]);
    // ...and the worker reaches them only by dynamic import.
    const workerIndex = first.files.find(
      (file) => file.endsWith('.js') && first.sources(file).some((name) => name.endsWith('src/checks/index.ts')),
    )!;
    // (The rule table's chunk is also the secrets helper thread's, so it may sit one static import behind the check's own chunk.)
    const reached = closure(first.dynamicImports(workerIndex));
    for (const chunk of [...chunkOf(/src\/checks\/secrets\/rules\/builtin\.ts$/), ...chunkOf(/src\/checks\/deps\/index\.ts$/)]) {
      expect(reached).toContain(chunk);
      expect(first.loadedAtStart('check-worker.js')).not.toContain(chunk);
    }
  });

  it("bundles zod's English messages only (a named `z` import kept its ~40 locales: 443 KB at every start)", () => {
    const zod = first.files
      .filter((name) => name.endsWith('.js'))
      .flatMap((file) => first.sources(file).filter((source) => source.includes('/zod/')));
    expect(zod.length).toBeGreaterThan(0);
    expect(zod.filter((source) => /\/locales\/(?!en\.js$)/.test(source))).toEqual([]);
  });

  it('loads octokit only from the GitHub API chunk', () => {
    const octokit = first.files.filter((file) => file.endsWith('.js') && first.sources(file).some((name) => name.includes('@octokit/')));
    expect(octokit.length).toBeGreaterThan(0);
    const importers = first.files.filter(
      (file) => file.endsWith('.js') && first.dynamicImports(file).some((imported) => octokit.includes(imported)),
    );
    expect(importers.length).toBeGreaterThan(0);
    for (const importer of importers)
      expect(first.sources(importer)).toContainEqual(expect.stringMatching(/\/src\/report\/github-api\.ts$/));
  });
});
