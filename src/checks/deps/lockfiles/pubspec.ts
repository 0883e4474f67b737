// pubspec.lock (Dart/Flutter): `packages` maps names to `dependency` ("direct main", "direct dev",
// "direct overridden", "transitive"), `source` (hosted, git, path, sdk) and `version`.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { firstLine } from '../../../util.js';
import { LockfileError, type LockfileFormat, type Package } from '../types.js';

const SOURCES: Record<string, Package['source']> = { hosted: 'registry', git: 'git', path: 'file', sdk: 'file' };

export const pubspecLock: LockfileFormat = {
  name: 'pubspec.lock',
  ecosystem: 'Pub',
  fileNames: ['pubspec.lock'],
  async parse(text, file) {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: false });
    const [error] = document.errors;
    if (error) throw new LockfileError(file, error.linePos?.[0].line, `not valid YAML: ${firstLine(error)}`);
    const root = document.contents;
    if (root === null) return [];
    if (!isMap(root)) throw new LockfileError(file, 1, 'pubspec.lock must be a YAML mapping');
    const packages = root.get('packages', true);
    if (packages === undefined || packages === null) return [];
    if (!isMap(packages)) throw new LockfileError(file, lineAt(lineCounter, root.get('packages', true)), '"packages" must be a mapping');
    return packages.items.map((pair): Package => {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const line = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
      const entry = isMap(pair.value) ? (pair.value.toJSON() as Record<string, unknown>) : undefined;
      if (!name || !entry) throw new LockfileError(file, line, `package '${name}' must be a mapping`);
      const dependency = String(entry.dependency ?? 'transitive');
      const source = SOURCES[String(entry.source)] ?? 'registry';
      // Pub always quotes versions; an unquoted one may read as a YAML number.
      const version = typeof entry.version === 'string' || typeof entry.version === 'number' ? String(entry.version) : '';
      if (source === 'registry' && version === '') throw new LockfileError(file, line, `package '${name}' has no version`);
      return {
        ecosystem: 'Pub',
        name,
        version,
        lockfile: file,
        line,
        dev: dependency === 'direct dev',
        direct: dependency.startsWith('direct'),
        path: [name],
        source,
        note: entry.source === 'sdk' ? 'part of the Dart/Flutter SDK, not matched' : undefined,
      };
    });
  },
};

function lineAt(lineCounter: LineCounter, node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}
