// poetry.lock: one [[package]] per resolved package. Poetry < 1.2 marks dev packages with
// `category = "dev"`; later versions list the dependency `groups` a package belongs to.
import type { LockfileFormat, Package } from '../types.js';
import { isRecord } from '../values.js';
import { normalizePyPIName } from './pep503.js';
import { packageTables, parseTomlLockfile, stringField } from './toml-packages.js';

export const poetryLock: LockfileFormat = {
  name: 'poetry.lock',
  ecosystem: 'PyPI',
  fileNames: ['poetry.lock'],
  async parse(text, file) {
    const document = parseTomlLockfile(text, file);
    return packageTables(document, text, file).map(({ table, line }): Package => {
      const name = normalizePyPIName(stringField(table, 'name', file, line));
      const version = stringField(table, 'version', file, line);
      const groups = Array.isArray(table.groups) ? table.groups : undefined;
      const dev = table.category === 'dev' || (groups !== undefined && groups.length > 0 && !groups.includes('main'));
      const sourceType = isRecord(table.source) ? table.source.type : undefined;
      const source =
        sourceType === 'git'
          ? 'git'
          : sourceType === 'directory' || sourceType === 'file'
            ? 'file'
            : sourceType === 'url'
              ? 'tarball'
              : 'registry';
      return { ecosystem: 'PyPI', name, version, lockfile: file, line, dev, direct: false, path: [name], source };
    });
  },
};
