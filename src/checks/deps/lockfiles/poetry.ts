// poetry.lock: one [[package]] per resolved package, with the packages it depends on. Poetry < 1.2
// marks dev packages with `category = "dev"`; later versions list the dependency `groups` a package
// belongs to. The lockfile does not say what the project itself depends on: the pyproject.toml
// beside it does, so with it direct flags are exact and paths start at the project's dependencies.
import { parse as parseToml } from 'smol-toml';
import type { LockfileFormat, Package, ParseContext } from '../types.js';
import { normalizePyPIName } from '../names.js';
import { DirectDependencies, idsByName, toPackages, unreferenced, type LockNode } from './dep-graph.js';
import { requirementName } from './pep508.js';
import { packageTables, parseTomlLockfile, stringField } from './toml-packages.js';
import { isRecord } from '../../../util.js';

export const poetryLock: LockfileFormat = {
  name: 'poetry.lock',
  ecosystem: 'PyPI',
  fileNames: ['poetry.lock'],
  async parse(text, file, context) {
    const document = parseTomlLockfile(text, file);
    const tables = packageTables(document, text, file);
    const nodes = tables.map(({ table, line }): LockNode => {
      const name = normalizePyPIName(stringField(table, 'name', file, line));
      const version = stringField(table, 'version', file, line);
      const groups = Array.isArray(table.groups) ? table.groups : undefined;
      const dev = table.category === 'dev' || (groups !== undefined && groups.length > 0 && !groups.includes('main'));
      return { id: `${name}@${version}`, name, version, ...(line !== undefined && { line }), dev, source: sourceOf(table) };
    });
    const byName = idsByName(nodes);
    const edges = new Map<string, string[]>();
    tables.forEach(({ table }, index) => {
      const names = isRecord(table.dependencies) ? Object.keys(table.dependencies).map(normalizePyPIName) : [];
      edges.set(
        nodes[index]!.id,
        names.flatMap((name) => byName.get(name) ?? []),
      );
    });
    const declared = await projectDependencies(context);
    // Without a readable pyproject.toml: packages nothing else depends on count as direct (a lower bound).
    const direct = new DirectDependencies();
    if (declared) for (const { name, group } of declared) for (const id of byName.get(name) ?? []) direct.add(id, group);
    else for (const id of unreferenced(nodes, edges)) direct.add(id, 'prod');
    return toPackages(file, 'PyPI', { nodes, edges, direct });
  },
};

function sourceOf(table: Record<string, unknown>): Package['source'] {
  const type = isRecord(table.source) ? table.source.type : undefined;
  if (type === 'git') return 'git';
  if (type === 'directory' || type === 'file') return 'file';
  return type === 'url' ? 'tarball' : 'registry';
}

/**
 * What pyproject.toml declares: Poetry's own tables (`[tool.poetry.dependencies]`, the legacy
 * `dev-dependencies`, `[tool.poetry.group.<name>.dependencies]`) and the standard ones (PEP 621
 * `[project]` dependencies and optional dependencies, PEP 735 `[dependency-groups]`). Groups other
 * than `main` are dev. Undefined when there is no pyproject.toml or it is not TOML (poetry's error to report).
 */
async function projectDependencies(context: ParseContext): Promise<{ name: string; group: 'prod' | 'dev' }[] | undefined> {
  const text = await context.readSibling('pyproject.toml');
  if (text === undefined) return undefined;
  let pyproject: Record<string, unknown>;
  try {
    pyproject = parseToml(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const declared: { name: string; group: 'prod' | 'dev' }[] = [];
  const tableNames = (table: unknown, group: 'prod' | 'dev') => {
    if (!isRecord(table)) return;
    for (const name of Object.keys(table)) if (name !== 'python') declared.push({ name: normalizePyPIName(name), group });
  };
  const requirements = (list: unknown, group: 'prod' | 'dev') => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const name = typeof item === 'string' ? requirementName(item) : undefined;
      if (name) declared.push({ name, group });
    }
  };
  const poetry = isRecord(pyproject.tool) && isRecord(pyproject.tool.poetry) ? pyproject.tool.poetry : {};
  tableNames(poetry.dependencies, 'prod');
  tableNames(poetry['dev-dependencies'], 'dev');
  for (const [group, table] of Object.entries(isRecord(poetry.group) ? poetry.group : {})) {
    if (isRecord(table)) tableNames(table.dependencies, group === 'main' ? 'prod' : 'dev');
  }
  const project = isRecord(pyproject.project) ? pyproject.project : {};
  requirements(project.dependencies, 'prod');
  for (const list of Object.values(isRecord(project['optional-dependencies']) ? project['optional-dependencies'] : {}))
    requirements(list, 'prod');
  for (const list of Object.values(isRecord(pyproject['dependency-groups']) ? pyproject['dependency-groups'] : {}))
    requirements(list, 'dev');
  return declared;
}
