// uv.lock: one [[package]] per resolved package, the project itself included (its source is
// `editable = "."` or `virtual = "."`). Direct and dev come from walking the project's dependency
// lists: `dependencies` and `optional-dependencies` ship to users, `dev-dependencies` (PEP 735
// dependency groups) do not.
import type { LockfileFormat, Package } from '../types.js';
import { normalizePyPIName } from './pep503.js';
import { isRecord } from '../values.js';
import { packageTables, parseTomlLockfile, stringField } from './toml-packages.js';

export const uvLock: LockfileFormat = {
  name: 'uv.lock',
  ecosystem: 'PyPI',
  fileNames: ['uv.lock'],
  async parse(text, file) {
    const document = parseTomlLockfile(text, file);
    const entries = packageTables(document, text, file).map(({ table, line }) => ({
      table,
      line,
      name: normalizePyPIName(stringField(table, 'name', file, line)),
      source: isRecord(table.source) ? table.source : {},
    }));
    const isProject = (source: Record<string, unknown>) => source.editable === '.' || source.virtual === '.';
    const edges = new Map<string, string[]>();
    for (const entry of entries) {
      const names = [entry.table.dependencies, ...groupLists(entry.table['optional-dependencies'])].flatMap(dependencyNames);
      edges.set(entry.name, [...(edges.get(entry.name) ?? []), ...names]);
    }
    const projects = entries.filter((entry) => isProject(entry.source));
    const prodRoots = projects.flatMap((p) =>
      [p.table.dependencies, ...groupLists(p.table['optional-dependencies'])].flatMap(dependencyNames),
    );
    const devRoots = projects.flatMap((p) => groupLists(p.table['dev-dependencies']).flatMap(dependencyNames));
    const prodPaths = walk(prodRoots, edges);
    const devPaths = walk(devRoots, edges);
    return entries
      .filter((entry) => !isProject(entry.source))
      .map(({ table, line, name, source }): Package => {
        const kind =
          typeof source.git === 'string'
            ? 'git'
            : typeof source.path === 'string' ||
                typeof source.directory === 'string' ||
                typeof source.editable === 'string' ||
                typeof source.virtual === 'string'
              ? 'file'
              : typeof source.url === 'string'
                ? 'tarball'
                : 'registry';
        const version =
          kind === 'registry' ? stringField(table, 'version', file, line) : typeof table.version === 'string' ? table.version : '';
        const prodPath = prodPaths.get(name);
        const path = prodPath ?? devPaths.get(name) ?? [name];
        return {
          ecosystem: 'PyPI',
          name,
          version,
          lockfile: file,
          line,
          dev: !prodPath && devPaths.has(name),
          direct: prodRoots.includes(name) || devRoots.includes(name),
          path,
          source: kind,
        };
      });
  },
};

function groupLists(value: unknown): unknown[] {
  return isRecord(value) ? Object.values(value) : [];
}

function dependencyNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => (isRecord(item) && typeof item.name === 'string' ? [normalizePyPIName(item.name)] : []));
}

/** Breadth-first from the roots: the shortest dependency path to every reachable package. */
interface DependencyPaths {
  has(name: string): boolean;
  get(name: string): string[] | undefined;
}

function walk(roots: string[], edges: Map<string, string[]>): DependencyPaths {
  // Parent links, not copied paths: a long chain would otherwise cost its length squared.
  const parents = new Map<string, string | undefined>();
  const queue: string[] = [];
  for (const root of roots) {
    if (!parents.has(root)) {
      parents.set(root, undefined);
      queue.push(root);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const next of edges.get(queue[head]) ?? []) {
      if (parents.has(next)) continue;
      parents.set(next, queue[head]);
      queue.push(next);
    }
  }
  return {
    has: (name: string) => parents.has(name),
    get(name: string): string[] | undefined {
      if (!parents.has(name)) return undefined;
      const path: string[] = [];
      for (let at: string | undefined = name; at !== undefined; at = parents.get(at)) path.push(at);
      return path.reverse();
    },
  };
}
