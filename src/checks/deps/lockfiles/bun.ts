// bun.lock, bun's text lockfile (bun 1.2+): JSONC with trailing commas. `workspaces` are the
// projects and their dependencies; `packages` maps an install key (`dep`, or `parent/dep` when not
// hoisted) to an array whose first element is the resolved spec: `name@1.2.3`,
// `name@github:owner/repo#abc1234`, `name@workspace:packages/a`.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { DirectDependencies, toPackages, type LockNode } from './dep-graph.js';
import { parseJson } from './json.js';
import { Folder } from './node-resolution.js';
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
    // A key present but of the wrong kind is a broken lockfile, not one without packages.
    if ('packages' in lock && !isRecord(lock.packages))
      throw new LockfileError(file, document.lineOf(lock, 'packages') ?? 1, '"packages" is not an object');
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
    // Each key is split into folders once; one walk of the folders answers every lookup.
    const root = new Folder();
    for (const key of infoOf.keys()) installAt(root, key);
    const namesIn = (record: Record<string, unknown>, groups: readonly string[]): string[] =>
      groups.flatMap((group) => stringEntries(record[group]).map(([name]) => name));
    const nodeLookups = [...infoOf].map(([id, info]) => [id, folderOf(root, id).lookup(namesIn(info, PACKAGE_GROUPS))] as const);
    const workspaceLookups = Object.values(workspaces)
      .filter(isRecord)
      .map((workspace) => {
        const folder = folderOf(root, typeof workspace.name === 'string' ? workspace.name : '');
        return { prod: folder.lookup(namesIn(workspace, PROD_GROUPS)), dev: folder.lookup(namesIn(workspace, ['devDependencies'])) };
      });
    Folder.resolveLookups(root);

    const edges = new Map<string, string[]>();
    for (const [id, { found }] of nodeLookups)
      edges.set(
        id,
        found.filter((target): target is string => target !== undefined),
      );

    // bun.lock records no dev flag: dev means reached only through devDependencies.
    const direct = new DirectDependencies();
    for (const { prod, dev } of workspaceLookups) {
      for (const id of prod.found) direct.add(id, 'prod');
      for (const id of dev.found) direct.add(id, 'dev');
    }
    return toPackages(file, 'npm', { nodes, edges, direct });
  },
};

/**
 * The folder of a key or workspace name, one part per `/`: `a/@s/b/c` is a, @s, b, c. bun's lookup
 * climbs by package (a, @s/b, c), so a leading `@scope` part is not a folder the parts below search.
 */
function folderOf(root: Folder, key: string): Folder {
  if (!key) return root;
  let folder = root;
  let startsName = true;
  for (const part of key.split('/')) {
    folder = folder.child(part);
    const opensScope: boolean = startsName && part.startsWith('@');
    folder.searchedFromBelow = !opensScope;
    startsName = !opensScope;
  }
  return folder;
}

/**
 * Makes the package at `key` what its name resolves to from the folders above: its last part from
 * its parent folder, its last two (`@s/b`, `a/b`) from the one above that, as the lookup compares keys.
 */
function installAt(root: Folder, key: string): void {
  const parts = key.split('/');
  let parent = root;
  let grandparent: Folder | undefined;
  for (const part of parts.slice(0, -1)) [grandparent, parent] = [parent, parent.child(part)];
  parent.install(parts.at(-1)!, key);
  if (grandparent) grandparent.install(`${parts.at(-2)!}/${parts.at(-1)!}`, key);
}
