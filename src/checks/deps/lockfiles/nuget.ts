// packages.lock.json (NuGet): `dependencies` maps each target framework to packages with a
// `type` of Direct, Transitive, CentralTransitive or Project (a project reference, not a package).
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { parseJson } from './json.js';
import { isRecord } from '../../../util.js';

export const nugetLock: LockfileFormat = {
  name: 'packages.lock.json',
  ecosystem: 'NuGet',
  fileNames: ['packages.lock.json'],
  async parse(text, file) {
    const { value, lineOf } = parseJson(text, file);
    if (!isRecord(value) || !isRecord(value.dependencies)) {
      throw new LockfileError(file, 1, 'packages.lock.json needs a "dependencies" object per target framework');
    }
    // One package per name and version, even when several frameworks resolve it.
    const packages = new Map<string, Package>();
    for (const [framework, entries] of Object.entries(value.dependencies)) {
      if (!isRecord(entries))
        throw new LockfileError(file, lineOf(value.dependencies, framework), `framework "${framework}" must be an object`);
      for (const [name, entry] of Object.entries(entries)) {
        const line = lineOf(entries, name);
        if (!isRecord(entry) || typeof entry.type !== 'string') throw new LockfileError(file, line, `package "${name}" needs a "type"`);
        if (entry.type === 'Project') continue;
        if (typeof entry.resolved !== 'string') throw new LockfileError(file, line, `package "${name}" has no "resolved" version`);
        const key = `${name.toLowerCase()}@${entry.resolved.toLowerCase()}`;
        const existing = packages.get(key);
        const direct = entry.type === 'Direct';
        if (existing) existing.direct ||= direct;
        else {
          packages.set(key, {
            ecosystem: 'NuGet',
            name,
            version: entry.resolved,
            lockfile: file,
            line,
            dev: false,
            direct,
            path: [name],
            source: 'registry',
          });
        }
      }
    }
    return [...packages.values()];
  },
};
