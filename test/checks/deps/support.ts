// Hand-built packages for the matcher and check tests (the lockfile parsers have their own tests).
import type { Ecosystem, Package } from '../../../src/checks/deps/types.js';

export function pkg(ecosystem: Ecosystem, name: string, version: string, extra: Partial<Package> = {}): Package {
  return {
    ecosystem,
    name,
    version,
    lockfile: 'package-lock.json',
    line: 1,
    dev: false,
    direct: true,
    path: [name],
    source: 'registry',
    ...extra,
  };
}
