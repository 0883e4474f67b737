// `security-gate inventory`: what it writes to stdout and stderr carries lockfile text, which the
// repository controls: no control character (C0, DEL, C1) and no workflow command reaches either.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInventory } from '../src/inventory.js';
import { cleanupTempDirs, tempDir } from './support/git-repo.js';

afterAll(cleanupTempDirs);

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function hostileRepository(): string {
  const root = tempDir('sg-inventory-cli-');
  mkdirSync(join(root, '::warning::web'));
  // A line that is not a locked dependency: the error quotes it, escape sequences and all.
  writeFileSync(join(root, '::warning::web', 'gradle.lockfile'), '# comment\n\n::error::evil\u001b[2J\u009b31m\n');
  writeFileSync(
    join(root, 'package-lock.json'),
    JSON.stringify({
      lockfileVersion: 3,
      packages: { '': { dependencies: { a: '1' } }, 'node_modules/a': { name: 'a\u009b2J\u007f', version: '1.0.0' } },
    }),
  );
  return root;
}

describe('runInventory', () => {
  it('writes no control characters or workflow commands from a lockfile to stderr or stdout', async () => {
    const root = hostileRepository();
    for (const format of ['text', 'json'] as const) {
      const output = await runInventory({ command: 'inventory', path: root, format, include: [], exclude: [] }, false);
      expect(output.problems).toHaveLength(1);
      for (const problem of output.problems) {
        // A folder name at the start of a line would be a workflow command in a GitHub log: broken.
        expect(problem).toMatch(
          /^:\u200b:warning::web\/gradle.lockfile:3: expected group:artifact:version=configurations, got '::error::evil\[2J31m'/,
        );
        expect(problem).not.toMatch(CONTROL);
      }
      expect(output.text).not.toMatch(CONTROL);
    }
    const json = await runInventory({ command: 'inventory', path: root, format: 'json', include: [], exclude: [] }, false);
    // Still the same data: the JSON escapes them.
    expect(JSON.parse(json.text).packages[0].name).toBe('a\u009b2J\u007f');
  });

  it('writes a package name holding ##[ as JSON the runner reads no command from, and that parses back the same', async () => {
    const root = tempDir('sg-inventory-cli-');
    const name = 'a##[stop-commands]zz\u0085::error::x';
    writeFileSync(
      join(root, 'package-lock.json'),
      JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { a: '1' } }, 'node_modules/a': { name, version: '1.0.0' } } }),
    );
    const json = await runInventory({ command: 'inventory', path: root, format: 'json', include: [], exclude: [] }, false);
    expect(json.text).not.toContain('##[');
    expect(json.text).not.toMatch(CONTROL);
    expect(JSON.parse(json.text).packages[0].name).toBe(name);
  });
});
