// Cargo.lock: one [[package]] per crate. Workspace members and path dependencies have no
// `source`; they are listed as 'file' so they are never matched against crates.io advisories.
import type { LockfileFormat, Package } from '../types.js';
import { packageTables, parseTomlLockfile, stringField } from './toml-packages.js';

export const cargoLock: LockfileFormat = {
  name: 'Cargo.lock',
  ecosystem: 'crates.io',
  fileNames: ['Cargo.lock'],
  async parse(text, file) {
    const document = parseTomlLockfile(text, file);
    const entries = packageTables(document, text, file).map(({ table, line }) => ({
      table,
      line,
      name: stringField(table, 'name', file, line),
      version: stringField(table, 'version', file, line),
      source: typeof table.source === 'string' ? table.source : undefined,
    }));
    // A dependency entry is "name", "name version" or "name version (source)".
    const direct = new Set(
      entries
        .filter((entry) => entry.source === undefined)
        .flatMap((entry) => (Array.isArray(entry.table.dependencies) ? entry.table.dependencies : []))
        .filter((dependency): dependency is string => typeof dependency === 'string')
        .map((dependency) => dependency.split(' ')[0]),
    );
    return entries.map(({ line, name, version, source }): Package => {
      const kind = source === undefined ? 'file' : source.startsWith('git+') ? 'git' : 'registry';
      return {
        ecosystem: 'crates.io',
        name,
        version,
        lockfile: file,
        line,
        dev: false,
        direct: source !== undefined && direct.has(name),
        path: [name],
        source: kind,
        note: kind === 'file' ? 'workspace or path crate, not matched' : undefined,
      };
    });
  },
};
