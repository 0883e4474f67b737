// The list of formats is the one place that knows them: discovery and matching both come from
// each format's `fileNames`, so a format added to LOCKFILE_FORMATS is found and read with no other edit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverLockfiles } from '../../../../src/checks/deps/discover.js';
import { formatFor, LOCKFILE_FORMATS } from '../../../../src/checks/deps/lockfiles/index.js';
import { cleanupTempDirs, tempDir } from '../../../support/git-repo.js';

afterAll(cleanupTempDirs);

/** A path that a file name glob names: `*` becomes `x`, a `**` folder becomes `deep`. */
const example = (fileName: string): string => `sub/${fileName.replaceAll('**', 'deep').replaceAll('*', 'x')}`;

describe('LOCKFILE_FORMATS', () => {
  it('finds every file name of every format by discovery, and reads it as that format', async () => {
    const root = tempDir('sg-formats-');
    const expected = new Map<string, string>();
    for (const format of LOCKFILE_FORMATS) {
      for (const fileName of format.fileNames) {
        const path = example(fileName);
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), '');
        expected.set(path, format.name);
      }
    }
    const found = await discoverLockfiles(root, { include: [], exclude: [], gitignore: false });
    expect(found).toEqual([...expected.keys()].sort());
    for (const path of found) expect(formatFor(path)?.name, path).toBe(expected.get(path));
  });

  it('gives each format a name, an ecosystem and at least one file name, and no two formats the same file', () => {
    const owners = new Map<string, string>();
    for (const format of LOCKFILE_FORMATS) {
      expect(format.fileNames.length, format.name).toBeGreaterThan(0);
      for (const fileName of format.fileNames) {
        expect(owners.get(fileName), fileName).toBeUndefined();
        owners.set(fileName, format.name);
      }
    }
  });
});
