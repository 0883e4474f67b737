// bun.lock, bun's text lockfile (bun 1.2+): JSONC with trailing commas. `workspaces` are the
// projects and their dependencies; `packages` maps an install key (`dep`, or `parent/dep` when not
// hoisted) to an array whose first element is the resolved spec: `name@1.2.3`,
// `name@github:owner/repo#abc1234`, `name@workspace:packages/a`.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { DirectDependencies, toPackages, type LockNode } from './dep-graph.js';
import { parseJson } from './json.js';
import { sourceOfSpec, splitAtVersion, stringEntries } from './npm-spec.js';
import { isRecord } from '../../../util.js';

const PACKAGE_GROUPS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const PROD_GROUPS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

export const bunLock: LockfileFormat = {
  name: 'bun.lock',
  ecosystem: 'npm',
  fileNames: ['bun.lock'],
  async parse(text, file) {
    // Lines are needed for the keys of `packages` only: positions two levels deep (a 50 MB bun.lock stays small).
    const document = parseJson(text, file, { jsonc: true, positionsDepth: 2 });
    const lock = document.value;
    if (!isRecord(lock) || !('lockfileVersion' in lock))
      throw new LockfileError(file, 1, 'not a bun.lock: expected an object with "lockfileVersion"');
    const packages = isRecord(lock.packages) ? lock.packages : {};
    const workspaces = isRecord(lock.workspaces) ? lock.workspaces : {};

    const nodes: LockNode[] = [];
    const infoOf = new Map<string, Record<string, unknown>>();
    for (const [key, value] of Object.entries(packages)) {
      const line = document.lineOf(packages, key);
      if (!Array.isArray(value) || typeof value[0] !== 'string')
        throw new LockfileError(file, line, `packages entry "${key}" is not an array starting with the resolved "name@version"`);
      const [name, reference] = splitAtVersion(value[0]);
      if (reference.startsWith('workspace:')) continue; // a workspace: the project itself
      const version = reference.startsWith('npm:') ? reference.slice('npm:'.length) : reference;
      const source: Package['source'] = sourceOfSpec(version) ?? 'registry';
      nodes.push({ id: key, name, version, ...(line !== undefined && { line }), source });
      infoOf.set(key, value.find(isRecord) ?? {});
    }

    // Like Node's resolution: `parent/dep` when nested under parent, else up to the hoisted `dep`.
    const resolve = (from: string, name: string): string | undefined => {
      const chain = packageNames(from);
      for (let depth = chain.length; depth >= 0; depth--) {
        const candidate = [...chain.slice(0, depth), name].join('/');
        if (infoOf.has(candidate)) return candidate;
      }
      return undefined;
    };
    const edges = new Map<string, string[]>();
    for (const [id, info] of infoOf) {
      const targets = PACKAGE_GROUPS.flatMap((group) => stringEntries(info[group]).map(([name]) => resolve(id, name)));
      edges.set(
        id,
        targets.filter((target): target is string => target !== undefined),
      );
    }

    // bun.lock records no dev flag: dev means reached only through devDependencies.
    const direct = new DirectDependencies();
    for (const workspace of Object.values(workspaces).filter(isRecord)) {
      const scope = typeof workspace.name === 'string' ? workspace.name : '';
      for (const group of PROD_GROUPS) for (const [name] of stringEntries(workspace[group])) direct.add(resolve(scope, name), 'prod');
      for (const [name] of stringEntries(workspace.devDependencies)) direct.add(resolve(scope, name), 'dev');
    }
    return toPackages(file, 'npm', { nodes, edges, direct });
  },
};

/** `a/@s/b/c` to ['a', '@s/b', 'c']: the packages a nested install key passes through. */
function packageNames(key: string): string[] {
  if (!key) return [];
  const names: string[] = [];
  const parts = key.split('/');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.startsWith('@') && index + 1 < parts.length) names.push(`${part}/${parts[++index]}`);
    else names.push(part);
  }
  return names;
}
