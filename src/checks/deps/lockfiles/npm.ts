// package-lock.json and npm-shrinkwrap.json (https://docs.npmjs.com/cli/configuring-npm/package-lock-json).
// v2 and v3 are read from `packages` (keyed by install path); v1 only has the nested `dependencies` tree.
import { LockfileError, type LockfileFormat, type Package, type ParseContext } from '../types.js';
import { DirectDependencies, toPackages, unreferenced, type LockNode } from './dep-graph.js';
import { parseJson, type JsonDocument } from './json.js';
import { Folder, type Lookup } from './node-resolution.js';
import {
  isRegistryTarball,
  nameFromInstallPath,
  readManifest,
  sourceOfSpec,
  splitAtVersion,
  stringEntries,
  type ProjectManifest,
} from './npm-spec.js';
import { isRecord } from '../../../util.js';

/** Dependency groups an installed package pulls in (peers too: npm 7+ installs them). */
const PACKAGE_GROUPS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
/** Groups of the project itself (root or workspace) whose entries are direct dependencies. */
const PROJECT_GROUPS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

export const npmLock: LockfileFormat = {
  name: 'package-lock.json',
  ecosystem: 'npm',
  fileNames: ['package-lock.json', 'npm-shrinkwrap.json'],
  parse: parsePackageLock,
};

/**
 * v1 lockfiles do not record the project's own dependencies: the package.json beside the lockfile
 * does, so with it v1 direct flags are exact (v2/v3 do not read it, they have `""`).
 */
async function parsePackageLock(text: string, file: string, context: ParseContext): Promise<Package[]> {
  const document = parseJson(text, file);
  const lock = document.value;
  if (!isRecord(lock)) throw new LockfileError(file, 1, 'expected a JSON object with "lockfileVersion"');
  // A key present but of the wrong kind is a broken lockfile, not one without dependencies.
  for (const key of ['packages', 'dependencies'] as const) {
    if (key in lock && !isRecord(lock[key])) throw new LockfileError(file, document.lineOf(lock, key) ?? 1, `"${key}" is not an object`);
  }
  if (isRecord(lock.packages)) return fromPackages(lock.packages, document, file);
  if (isRecord(lock.dependencies)) return fromDependencyTree(lock.dependencies, document, file, await readManifest(context));
  if (typeof lock.lockfileVersion === 'number') return []; // a project without dependencies
  throw new LockfileError(file, 1, 'not a package-lock.json: no "lockfileVersion", "packages" or "dependencies"');
}

/** Where a package comes from, from its version (v1 writes URLs there) and `resolved` URL. */
function sourceOf(name: string, version: string, resolved: unknown): Package['source'] {
  const fromVersion = sourceOfSpec(version);
  if (fromVersion) return fromVersion;
  if (typeof resolved !== 'string') return 'registry';
  const fromResolved = sourceOfSpec(resolved);
  if (fromResolved === 'tarball') return isRegistryTarball(resolved, name, version) ? 'registry' : 'tarball';
  return fromResolved ?? 'registry';
}

const isInstallPath = (path: string): boolean => path.startsWith('node_modules/') || path.includes('/node_modules/');

/** v2/v3: `packages` maps install paths to entries; `""` and workspace folders are the project. */
function fromPackages(packages: Record<string, unknown>, document: JsonDocument, file: string): Package[] {
  const nodes: LockNode[] = [];
  const projects: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    const line = document.lineOf(packages, path);
    if (!isRecord(entry)) throw new LockfileError(file, line, `packages entry "${path}" is not an object`);
    // The root and workspace folders are the project itself; links point at those folders.
    if (!isInstallPath(path)) {
      projects.push(path);
      continue;
    }
    if (entry.link === true) continue;
    const name = typeof entry.name === 'string' ? entry.name : nameFromInstallPath(path);
    const version = typeof entry.version === 'string' ? entry.version : '';
    nodes.push({
      id: path,
      name,
      version,
      ...(line !== undefined && { line }),
      // devOptional is needed by dev and optional deps alike; only `dev: true` is dev-only (as osv-scanner).
      dev: entry.dev === true,
      source: sourceOf(name, version, entry.resolved),
    });
  }

  // Node's module resolution: the nearest node_modules folder up from the requiring package (a link
  // to a workspace stops there, at the project). Each key is cut into folders once.
  const root = new Folder();
  const folders = new Map<string, Folder>();
  for (const [path, entry] of Object.entries(packages)) {
    if (isInstallPath(path)) folders.set(path, folderOf(root, path, (entry as Record<string, unknown>).link === true ? null : path));
  }
  const lookupFrom = (path: string, groups: readonly string[]): Lookup => {
    const entry = packages[path] as Record<string, unknown>;
    return (folders.get(path) ?? folderOf(root, path)).lookup(groups.flatMap((group) => stringEntries(entry[group]).map(([name]) => name)));
  };
  const nodeLookups = nodes.map((node) => lookupFrom(node.id, PACKAGE_GROUPS));
  const projectLookups = projects.map((project) => lookupFrom(project, PROJECT_GROUPS));
  Folder.resolveLookups(root);

  const edges = new Map<string, string[]>();
  nodes.forEach((node, index) =>
    edges.set(
      node.id,
      nodeLookups[index]!.found.filter((id): id is string => id !== undefined),
    ),
  );
  // npm records `dev` on every entry: the groups only say what is direct.
  const direct = new DirectDependencies();
  for (const { found } of projectLookups) for (const id of found) direct.add(id, 'prod');
  return toPackages(file, 'npm', { nodes, edges, direct });
}

const NODE_MODULES = '/node_modules/';

/**
 * The folder of a `packages` key, cut as npm's lookup walks up (at the last `/node_modules/`, then
 * the last one before it, ...); a key without one sits under the root `""`. Each key is cut once.
 * When `install` is given, the key is an install path and its name resolves there (a node id, or
 * null for a link) from its parent folder.
 */
function folderOf(root: Folder, path: string, install?: string | null): Folder {
  if (!path) return root;
  const cuts: number[] = [];
  for (let cut = path.lastIndexOf(NODE_MODULES); cut !== -1;) {
    cuts.push(cut);
    cut = cut >= NODE_MODULES.length ? path.lastIndexOf(NODE_MODULES, cut - NODE_MODULES.length) : -1;
  }
  const top = path.slice(0, cuts.at(-1) ?? path.length);
  let parent = root;
  let folder = root.child(top);
  let name = top.slice('node_modules/'.length);
  for (let index = cuts.length - 1; index >= 0; index--) {
    name = path.slice(cuts[index]! + NODE_MODULES.length, index > 0 ? cuts[index - 1] : path.length);
    parent = folder;
    folder = folder.child(name);
  }
  if (install !== undefined) parent.install(name, install);
  return folder;
}

/** One level of a v1 tree: the names installed in one node_modules folder, and the folder above it. */
interface Scope {
  ids: Map<string, string>;
  parent: Scope | undefined;
  /** Names resolved from here before (Node's lookup walks up; remembering keeps deep trees linear). */
  resolved: Map<string, string | undefined>;
}

/** Node's module resolution: the nearest node_modules folder up from `scope` that has `name`. */
function resolveIn(scope: Scope, name: string): string | undefined {
  const visited: Scope[] = [];
  let found: string | undefined;
  for (let at: Scope | undefined = scope; at; at = at.parent) {
    if (at.resolved.has(name)) {
      found = at.resolved.get(name);
      break;
    }
    visited.push(at);
    found = at.ids.get(name);
    if (found !== undefined) break;
  }
  for (const at of visited) at.resolved.set(name, found);
  return found;
}

/**
 * v1: a tree of `dependencies`, nested where a version could not be hoisted, with `requires`
 * naming what each package needs. v1 does not record the project's own dependencies: without the
 * manifest, packages no other package requires count as direct (a lower bound: a direct dependency
 * that something else also requires is not flagged). The tree is walked with an explicit stack:
 * npm nests as deep as the conflicts go, and a crafted file 10,000 levels deep must not overflow.
 */
function fromDependencyTree(tree: Record<string, unknown>, document: JsonDocument, file: string, manifest?: ProjectManifest): Package[] {
  const nodes: LockNode[] = [];
  const requiring: { id: string; scope: Scope; requires: string[] }[] = [];
  let nextId = 0;
  const scopeOf = (level: Record<string, unknown>, parent: Scope | undefined): Scope => {
    const ids = new Map<string, string>();
    for (const key of Object.keys(level)) ids.set(key, String(nextId++));
    return { ids, parent, resolved: new Map() };
  };
  const top = scopeOf(tree, undefined);
  // Depth-first in document order (a package, then what is nested under it), as npm wrote it.
  const stack = [{ level: tree, entries: Object.entries(tree), index: 0, scope: top }];
  while (stack.length) {
    const frame = stack.at(-1)!;
    const next = frame.entries[frame.index++];
    if (!next) {
      stack.pop();
      continue;
    }
    const [key, entry] = next;
    const line = document.lineOf(frame.level, key);
    if (!isRecord(entry)) throw new LockfileError(file, line, `dependencies entry "${key}" is not an object`);
    let name = key;
    let version = typeof entry.version === 'string' ? entry.version : '';
    // An alias: `"my-alias": { "version": "npm:real-pkg@1.2.3" }`.
    if (version.startsWith('npm:')) [name, version] = splitAtVersion(version.slice('npm:'.length));
    const id = frame.scope.ids.get(key)!;
    const source = sourceOf(name, version, entry.resolved);
    nodes.push({ id, name, version, ...(line !== undefined && { line }), dev: entry.dev === true, source });
    // Resolution starts in the package's own node_modules, then goes up.
    const children = isRecord(entry.dependencies) ? entry.dependencies : undefined;
    const own = children ? scopeOf(children, frame.scope) : frame.scope;
    requiring.push({ id, scope: own, requires: stringEntries(entry.requires).map(([required]) => required) });
    if (children) stack.push({ level: children, entries: Object.entries(children), index: 0, scope: own });
  }

  const edges = new Map<string, string[]>();
  for (const { id, scope, requires } of requiring) {
    const targets: string[] = [];
    for (const required of requires) {
      const target = resolveIn(scope, required);
      if (target !== undefined) targets.push(target);
    }
    edges.set(id, targets);
  }
  const topLevel = new Set(top.ids.values());
  const declared =
    manifest && PROJECT_GROUPS.flatMap((group) => stringEntries(manifest[group]).flatMap(([name]) => top.ids.get(name) ?? []));
  const direct = DirectDependencies.of(declared ?? [...unreferenced(nodes, edges)].filter((id) => topLevel.has(id)));
  return toPackages(file, 'npm', { nodes, edges, direct });
}
