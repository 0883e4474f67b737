// gradle.lockfile (https://docs.gradle.org/current/userguide/dependency_locking.html):
// `group:artifact:version=configuration,configuration`, `#` comments, and an `empty=` line.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';

export const gradleLockfile: LockfileFormat = {
  name: 'gradle.lockfile',
  ecosystem: 'Maven',
  fileNames: ['gradle.lockfile', 'gradle/dependency-locks/*.lockfile'],
  async parse(text, file) {
    const packages: Package[] = [];
    text.split(/\r?\n/).forEach((content, index) => {
      const line = index + 1;
      const entry = content.trim();
      if (entry === '' || entry.startsWith('#') || entry.startsWith('empty=')) return;
      const match = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)(?:=(.*))?$/.exec(entry);
      if (!match) throw new LockfileError(file, line, `expected group:artifact:version=configurations, got '${entry.slice(0, 60)}'`);
      const configurations = (match[4] ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const name = `${match[1]}:${match[2]}`;
      packages.push({
        ecosystem: 'Maven',
        name,
        version: match[3]!,
        lockfile: file,
        line,
        // Only a dependency every one of whose configurations is a test one stays out of production.
        dev: configurations.length > 0 && configurations.every((c) => /test/i.test(c)),
        direct: false,
        path: [name],
        source: 'registry',
      });
    });
    return packages;
  },
};
