// package-lock.json and npm-shrinkwrap.json (https://docs.npmjs.com/cli/configuring-npm/package-lock-json).
// v2 and v3 are read from `packages` (keyed by install path); v1 only has the nested `dependencies` tree.
import { LockfileError, type LockfileFormat, type Package, type ParseContext } from '../types.js';
import { toPackages, unreferenced, type LockNode } from './dep-graph.js';
import { JsonKeyLocator, jsonErrorDetail, jsonErrorLine } from './lines.js';
import {
  isObject,
  isRegistryTarball,
  nameFromInstallPath,
  readManifest,
  sourceOfSpec,
  splitAtVersion,
  stringEntries,
  type ProjectManifest,
} from './npm-spec.js';

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
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch (error) {
    throw new LockfileError(file, jsonErrorLine(text, error), jsonErrorDetail(error));
  }
  if (!isObject(lock)) throw new LockfileError(file, 1, 'expected a JSON object with "lockfileVersion"');
  if (isObject(lock.packages)) return fromPackages(lock.packages, text, file);
  if (isObject(lock.dependencies)) return fromDependencyTree(lock.dependencies, text, file, await readManifest(context));
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
function fromPackages(packages: Record<string, unknown>, text: string, file: string): Package[] {
  const locate = new JsonKeyLocator(text);
  locate.next('packages');
  const nodes: LockNode[] = [];
  const projects: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (!isObject(entry)) throw new LockfileError(file, locate.next(path), `packages entry "${path}" is not an object`);
    // The root and workspace folders are the project itself; links point at those folders.
    if (!isInstallPath(path)) {
      projects.push(path);
      continue;
    }
    const line = locate.next(path);
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

  const isNode = new Set(nodes.map((node) => node.id));
  // Node's module resolution: the nearest node_modules folder up from the requiring package.
  const resolve = (from: string, name: string): string | undefined => {
    for (let base = from; ;) {
      const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
      if (isNode.has(candidate)) return candidate;
      if (Object.hasOwn(packages, candidate)) return undefined; // a link to a workspace: the project
      if (!base) return undefined;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut === -1 ? '' : base.slice(0, cut);
    }
  };

  const edges = new Map<string, string[]>();
  for (const node of nodes) {
    const entry = packages[node.id] as Record<string, unknown>;
    const targets = PACKAGE_GROUPS.flatMap((group) => stringEntries(entry[group]).map(([name]) => resolve(node.id, name)));
    edges.set(
      node.id,
      targets.filter((id): id is string => id !== undefined),
    );
  }
  const direct = new Set<string>();
  for (const project of projects) {
    const entry = packages[project] as Record<string, unknown>;
    for (const group of PROJECT_GROUPS) {
      for (const [name] of stringEntries(entry[group])) {
        const id = resolve(project, name);
        if (id) direct.add(id);
      }
    }
  }
  return toPackages(file, 'npm', { nodes, edges, direct });
}

/**
 * v1: a tree of `dependencies`, nested where a version could not be hoisted, with `requires`
 * naming what each package needs. v1 does not record the project's own dependencies: without the
 * manifest, packages no other package requires count as direct (a lower bound: a direct dependency
 * that something else also requires is not flagged).
 */
function fromDependencyTree(tree: Record<string, unknown>, text: string, file: string, manifest?: ProjectManifest): Package[] {
  const locate = new JsonKeyLocator(text);
  locate.next('dependencies');
  const nodes: LockNode[] = [];
  const topLevel = new Set<string>();
  const pending: { id: string; scopes: Map<string, string>[]; requires: string[] }[] = [];

  const walk = (level: Record<string, unknown>, prefix: string, outer: Map<string, string>[]): void => {
    const scope = new Map(Object.keys(level).map((key) => [key, `${prefix}node_modules/${key}`]));
    const scopes = [scope, ...outer];
    for (const [key, entry] of Object.entries(level)) {
      const id = scope.get(key)!;
      const line = locate.next(key);
      if (!isObject(entry)) throw new LockfileError(file, line, `dependencies entry "${key}" is not an object`);
      let name = key;
      let version = typeof entry.version === 'string' ? entry.version : '';
      // An alias: `"my-alias": { "version": "npm:real-pkg@1.2.3" }`.
      if (version.startsWith('npm:')) [name, version] = splitAtVersion(version.slice('npm:'.length));
      nodes.push({
        id,
        name,
        version,
        ...(line !== undefined && { line }),
        dev: entry.dev === true,
        source: sourceOf(name, version, entry.resolved),
      });
      if (!outer.length) topLevel.add(id);
      const children = isObject(entry.dependencies) ? entry.dependencies : {};
      const childScope = new Map(Object.keys(children).map((child) => [child, `${id}/node_modules/${child}`]));
      pending.push({ id, scopes: [childScope, ...scopes], requires: stringEntries(entry.requires).map(([required]) => required) });
      if (childScope.size) walk(children, `${id}/`, scopes);
    }
  };
  walk(tree, '', []);

  const edges = new Map<string, string[]>();
  for (const { id, scopes, requires } of pending) {
    const targets = requires.map((required) => scopes.find((scope) => scope.has(required))?.get(required));
    edges.set(
      id,
      targets.filter((target): target is string => target !== undefined),
    );
  }
  const declared = manifest && PROJECT_GROUPS.flatMap((group) => stringEntries(manifest[group]).map(([name]) => `node_modules/${name}`));
  const direct = new Set(
    declared ? declared.filter((id) => topLevel.has(id)) : [...unreferenced(nodes, edges)].filter((id) => topLevel.has(id)),
  );
  return toPackages(file, 'npm', { nodes, edges, direct });
}
