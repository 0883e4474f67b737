// composer.lock: `packages` are installed in production, `packages-dev` only for development.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { parseJson } from './json.js';
import { isRecord } from '../../../util.js';

export const composerLock: LockfileFormat = {
  name: 'composer.lock',
  ecosystem: 'Packagist',
  fileNames: ['composer.lock'],
  async parse(text, file) {
    const { value, lineOf } = parseJson(text, file);
    if (!isRecord(value)) throw new LockfileError(file, 1, 'composer.lock must be a JSON object');
    const packages: Package[] = [];
    for (const [section, dev] of [
      ['packages', false],
      ['packages-dev', true],
    ] as const) {
      const entries = value[section] ?? [];
      if (!Array.isArray(entries)) throw new LockfileError(file, lineOf(value, section), `"${section}" must be an array`);
      entries.forEach((entry: unknown, index) => {
        const line = (isRecord(entry) ? lineOf(entry, 'name') : undefined) ?? lineOf(entries, index);
        if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.version !== 'string') {
          throw new LockfileError(file, line, `package ${index + 1} of "${section}" needs a "name" and a "version"`);
        }
        const distType = isRecord(entry.dist) ? entry.dist.type : undefined;
        const base = { ecosystem: 'Packagist' as const, name: entry.name, lockfile: file, line, dev, direct: false, path: [entry.name] };
        // Composer names branches `dev-main` or `1.x-dev`: no release to match.
        if (/^dev-|[.-]dev$/i.test(entry.version)) {
          packages.push({ ...base, version: '', source: 'git', note: `branch ${entry.version}, not matched` });
        } else if (distType === 'path') {
          packages.push({ ...base, version: entry.version.replace(/^v/, ''), source: 'file' });
        } else {
          packages.push({ ...base, version: entry.version.replace(/^v/, ''), source: 'registry' });
        }
      });
    }
    return packages;
  },
};
