// Pipfile.lock (pipenv): `default` is what the app installs, `develop` the dev packages.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { parseJson } from './json.js';
import { normalizePyPIName } from '../names.js';
import { isRecord } from '../../../util.js';

export const pipfileLock: LockfileFormat = {
  name: 'Pipfile.lock',
  ecosystem: 'PyPI',
  fileNames: ['Pipfile.lock'],
  async parse(text, file) {
    const { value, lineOf } = parseJson(text, file);
    if (!isRecord(value)) throw new LockfileError(file, 1, 'Pipfile.lock must be a JSON object');
    const packages = new Map<string, Package>();
    for (const [section, dev] of [
      ['default', false],
      ['develop', true],
    ] as const) {
      const entries = value[section] ?? {};
      if (!isRecord(entries)) throw new LockfileError(file, lineOf(value, section), `"${section}" must be an object`);
      for (const [rawName, entry] of Object.entries(entries)) {
        const line = lineOf(entries, rawName);
        if (!isRecord(entry)) throw new LockfileError(file, line, `entry "${rawName}" must be an object`);
        const name = normalizePyPIName(rawName);
        // A package in both sections is installed in production: the default entry wins.
        if (packages.has(name)) continue;
        packages.set(name, { ...describe(entry, file, line), name, path: [name], lockfile: file, line, dev });
      }
    }
    return [...packages.values()];
  },
};

function describe(entry: Record<string, unknown>, file: string, line: number | undefined) {
  const base = { ecosystem: 'PyPI' as const, direct: false, path: [] as string[] };
  if (typeof entry.git === 'string') return { ...base, version: '', source: 'git' as const };
  if (typeof entry.path === 'string' || typeof entry.file === 'string') return { ...base, version: '', source: 'file' as const };
  if (typeof entry.version !== 'string') throw new LockfileError(file, line, 'entry has no "version"');
  const pinned = /^===?\s*(\S+)$/.exec(entry.version.trim());
  if (!pinned) return { ...base, version: '', source: 'registry' as const, note: `version '${entry.version}' is not a pin, not matched` };
  return { ...base, version: pinned[1]!, source: 'registry' as const };
}
