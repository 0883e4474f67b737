// uv.lock: one [[package]] per resolved package, the project itself included (its source is
// `editable = "."` or `virtual = "."`). Direct and dev come from the project's dependency lists:
// `dependencies` and `optional-dependencies` ship to users, `dev-dependencies` (PEP 735
// dependency groups) do not. Paths and dev flags come from the shared graph walk (dep-graph.ts).
import type { LockfileFormat, Package } from '../types.js';
import { DirectDependencies, idsByName, toPackages, type LockNode } from './dep-graph.js';
import { normalizePyPIName } from '../names.js';
import { packageTables, parseTomlLockfile, stringField } from './toml-packages.js';
import { isRecord } from '../../../util.js';

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
    const nodes: LockNode[] = [];
    const packages = entries.filter((entry) => !isProject(entry.source));
    for (const { table, line, name, source } of packages) {
      const kind = sourceKind(source);
      const version =
        kind === 'registry' ? stringField(table, 'version', file, line) : typeof table.version === 'string' ? table.version : '';
      nodes.push({ id: `${name}@${version}`, name, version, ...(line !== undefined && { line }), source: kind });
    }
    // A dependency names a package, with its version only when the lockfile holds several.
    const byName = idsByName(nodes);
    const resolveAll = (lists: unknown[]): string[] =>
      lists.flatMap(dependencies).flatMap(({ name, version }) => {
        const ids = byName.get(name) ?? [];
        const exact = version === undefined ? undefined : `${name}@${version}`;
        return exact !== undefined && ids.includes(exact) ? [exact] : ids;
      });
    const edges = new Map<string, string[]>();
    packages.forEach(({ table }, index) => {
      edges.set(nodes[index]!.id, resolveAll([table.dependencies, ...groupLists(table['optional-dependencies'])]));
    });
    const direct = new DirectDependencies();
    for (const { table } of entries.filter((entry) => isProject(entry.source))) {
      for (const id of resolveAll([table.dependencies, ...groupLists(table['optional-dependencies'])])) direct.add(id, 'prod');
      for (const id of resolveAll(groupLists(table['dev-dependencies']))) direct.add(id, 'dev');
    }
    return toPackages(file, 'PyPI', { nodes, edges, direct });
  },
};

function sourceKind(source: Record<string, unknown>): Package['source'] {
  if (typeof source.git === 'string') return 'git';
  if (['path', 'directory', 'editable', 'virtual'].some((key) => typeof source[key] === 'string')) return 'file';
  return typeof source.url === 'string' ? 'tarball' : 'registry';
}

function groupLists(value: unknown): unknown[] {
  return isRecord(value) ? Object.values(value) : [];
}

function dependencies(list: unknown): { name: string; version?: string }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) =>
    isRecord(item) && typeof item.name === 'string'
      ? [{ name: normalizePyPIName(item.name), ...(typeof item.version === 'string' && { version: item.version }) }]
      : [],
  );
}
