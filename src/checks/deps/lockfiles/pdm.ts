// pdm.lock: one [[package]] per resolved package, with the dependency `groups` it belongs to
// ("default" is the production group).
import type { LockfileFormat, Package } from '../types.js';
import { normalizePyPIName } from '../names.js';
import { packageTables, parseTomlLockfile, stringField } from './toml-packages.js';

export const pdmLock: LockfileFormat = {
  name: 'pdm.lock',
  ecosystem: 'PyPI',
  fileNames: ['pdm.lock'],
  async parse(text, file) {
    const document = parseTomlLockfile(text, file);
    return packageTables(document, text, file).map(({ table, line }): Package => {
      const name = normalizePyPIName(stringField(table, 'name', file, line));
      const groups = Array.isArray(table.groups) ? table.groups : undefined;
      const dev = groups !== undefined && groups.length > 0 && !groups.includes('default');
      const source =
        typeof table.git === 'string'
          ? 'git'
          : typeof table.path === 'string'
            ? 'file'
            : typeof table.url === 'string'
              ? 'tarball'
              : 'registry';
      const version =
        source === 'registry' ? stringField(table, 'version', file, line) : typeof table.version === 'string' ? table.version : '';
      return { ecosystem: 'PyPI', name, version, lockfile: file, line, dev, direct: false, path: [name], source };
    });
  },
};
