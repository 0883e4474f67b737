// pnpm-lock.yaml 5.x (`/name/1.2.3`), 6.x (`/name@1.2.3`) and 9.x (`name@1.2.3`, with the
// dependency graph under `snapshots:`), read with js-yaml (pnpm's own YAML parser).
// Spec: https://github.com/pnpm/spec/blob/master/lockfile/ (v5, v6) and pnpm's lockfile-types (v9).
import { load } from 'js-yaml';
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { DirectDependencies, toPackages, type LockNode } from './dep-graph.js';
import { isRegistryTarball, sourceOfSpec, splitAtVersion, stripPeerSuffix } from './npm-spec.js';
import { isRecord } from '../../../util.js';

const PACKAGE_GROUPS = ['dependencies', 'optionalDependencies'] as const;
const PROD_GROUPS = ['dependencies', 'optionalDependencies'] as const;

export const pnpmLock: LockfileFormat = {
  name: 'pnpm-lock.yaml',
  ecosystem: 'npm',
  fileNames: ['pnpm-lock.yaml'],
  async parse(text, file) {
    const read = readLock(text, file);
    if (!read) return [];
    const { lock, major } = read;
    const { nodes, ids, idOfKey } = packageNodes(read, file);
    const resolve = resolver(ids, idOfKey, major);
    // v9 keeps the graph in `snapshots` (one per peer variant); older versions in `packages`.
    const edges = dependencyEdges(isRecord(lock.snapshots) ? lock.snapshots : packagesOf(lock), idOfKey, major, resolve);
    return toPackages(file, 'npm', { nodes, edges, direct: projectDependencies(lock, resolve) });
  },
};

interface PnpmLock {
  lock: Record<string, unknown>;
  major: number;
  /** The line of each key of `packages:`. */
  keyLines: Map<string, number>;
}

/** Resolves a dependency reference (`1.0.0(react@18.2.0)`, an alias or a non-registry key) to a node id. */
type Resolve = (name: string, reference: unknown) => string | undefined;

/**
 * YAML to the lock object and the line of each `packages:` key, read with js-yaml, the parser pnpm
 * itself reads lockfiles with. Not the `yaml` library: its syntax tree costs several times the text
 * and its duplicate-key check compares every key with every other (a 12 MB lockfile took 120 s,
 * 16 MB peaked at 1.2 GB); js-yaml builds plain values and checks keys with one lookup each.
 * Lines come from js-yaml's parse events: in a mapping the children alternate key, value.
 * pnpm writes no anchors or aliases: an anchor is refused at its line, so no entry can stand for
 * another (an alias bomb). A collection used as a key is made a string, as pnpm's reader does,
 * silently (the `yaml` library printed a Node warning to stderr for it).
 */
function readLock(text: string, file: string): PnpmLock | undefined {
  const keyLines = new Map<string, number>();
  interface Frame {
    line: number;
    /** Children closed so far: even ones are keys if this node turns out to be a mapping. */
    children: number;
    lastKey?: unknown;
    packages: boolean;
  }
  const stack: Frame[] = [];
  let lock: unknown;
  try {
    lock = load(text, {
      listener(event, state) {
        if (event === 'open') {
          const parent = stack.at(-1);
          // The value after the document's `packages` key is the mapping whose keys are packages.
          const packages = stack.length === 1 && parent !== undefined && parent.children % 2 === 1 && parent.lastKey === 'packages';
          stack.push({ line: state.line + 1, children: 0, packages });
          return;
        }
        const node = stack.pop()!;
        if ((state as { anchor?: string | null }).anchor) throw new LockfileError(file, node.line, 'a YAML anchor (pnpm writes none)');
        const parent = stack.at(-1);
        if (!parent) return;
        if (parent.children % 2 === 0) {
          parent.lastKey = state.result;
          if (parent.packages && state.kind === 'scalar') keyLines.set(String(state.result), node.line);
        }
        parent.children++;
      },
    });
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    const failure = error as { reason?: string; message?: string; mark?: { line?: number } };
    const line = failure.mark?.line === undefined ? undefined : failure.mark.line + 1;
    throw new LockfileError(file, line, `invalid YAML: ${failure.reason ?? String(failure.message ?? error).split('\n', 1)[0]}`);
  }
  if (lock === null || lock === undefined) return undefined;
  if (!isRecord(lock)) throw new LockfileError(file, 1, 'expected a mapping with "lockfileVersion"');
  const major = Number.parseFloat(String(lock.lockfileVersion ?? ''));
  if (Number.isNaN(major)) throw new LockfileError(file, 1, 'not a pnpm-lock.yaml: no "lockfileVersion"');
  // A `packages:` of the wrong kind is a broken lockfile, not one without packages (empty, YAML's null, is none).
  if (lock.packages !== undefined && lock.packages !== null && !isRecord(lock.packages)) {
    const at = /^packages[ \t]*:/m.exec(text);
    throw new LockfileError(file, at ? text.slice(0, at.index).split('\n').length : undefined, '"packages" is not a mapping');
  }
  return { lock, major, keyLines };
}

function packagesOf(lock: Record<string, unknown>): Record<string, unknown> {
  return isRecord(lock.packages) ? lock.packages : {};
}

/** One node per name@version of `packages:` (peer variants of one version are one package). */
function packageNodes({ lock, major, keyLines }: PnpmLock, file: string) {
  const nodes: LockNode[] = [];
  const ids = new Set<string>();
  const idOfKey = new Map<string, string>();
  for (const [key, value] of Object.entries(packagesOf(lock))) {
    const entry = isRecord(value) ? value : {};
    const parsed = parseKey(key, major);
    const name = typeof entry.name === 'string' ? entry.name : parsed.name;
    const version = typeof entry.version === 'string' ? entry.version : parsed.version;
    if (!name) throw new LockfileError(file, keyLines.get(key), `cannot read a package name from key "${key}"`);
    const id = `${name}@${version}`;
    idOfKey.set(stripSlash(key), id);
    if (ids.has(id)) continue;
    ids.add(id);
    const line = keyLines.get(key);
    // v5/v6 record `dev: true|false` (absent: used by both); v9 dropped it, the graph tells.
    const dev = major < 9 ? entry.dev === true : undefined;
    nodes.push({
      id,
      name,
      version,
      ...(line !== undefined && { line }),
      ...(dev !== undefined && { dev }),
      source: parsed.git ? 'git' : sourceOf(entry, name, version),
    });
  }
  return { nodes, ids, idOfKey };
}

function resolver(ids: Set<string>, idOfKey: Map<string, string>, major: number): Resolve {
  return (name, reference) => {
    const ref = isRecord(reference) ? reference.version : reference;
    if (typeof ref !== 'string' || ref.startsWith('link:')) return undefined; // link: a workspace, the project
    const plain = `${name}@${stripPeerSuffix(ref)}`;
    if (ids.has(plain)) return plain;
    const byKey = idOfKey.get(stripSlash(ref));
    if (byKey) return byKey;
    const parsed = parseKey(ref, major);
    const aliased = `${parsed.name}@${parsed.version}`;
    return ids.has(aliased) ? aliased : undefined;
  };
}

function dependencyEdges(
  graph: Record<string, unknown>,
  idOfKey: Map<string, string>,
  major: number,
  resolve: Resolve,
): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const [key, value] of Object.entries(graph)) {
    if (!isRecord(value)) continue;
    const parsed = parseKey(key, major);
    const id = idOfKey.get(stripSlash(key)) ?? `${parsed.name}@${parsed.version}`;
    const targets = edges.get(id) ?? [];
    for (const group of PACKAGE_GROUPS) {
      for (const [name, reference] of Object.entries(isRecord(value[group]) ? value[group] : {})) {
        const target = resolve(name, reference);
        if (target) targets.push(target);
      }
    }
    edges.set(id, targets);
  }
  return edges;
}

/** Projects: `importers` (workspaces, and every v9 lockfile) or the top level (single project v5/v6). */
function projectDependencies(lock: Record<string, unknown>, resolve: Resolve): DirectDependencies {
  const projects = isRecord(lock.importers) ? Object.values(lock.importers).filter(isRecord) : [lock];
  const direct = new DirectDependencies();
  for (const project of projects) {
    for (const group of [...PROD_GROUPS, 'devDependencies'] as const) {
      for (const [name, reference] of Object.entries(isRecord(project[group]) ? project[group] : {})) {
        direct.add(resolve(name, reference), group === 'devDependencies' ? 'dev' : 'prod');
      }
    }
  }
  return direct;
}

const stripSlash = (key: string): string => (key.startsWith('/') ? key.slice(1) : key);

/**
 * `/name/1.2.3_peer@1` (v5), `/name@1.2.3(peer@1)` (v6), `name@1.2.3(peer@1)` (v9) to name and
 * version. Keys of packages from elsewhere start with a host instead of a name: another registry's
 * (`registry.example.com/foo/1.1.0`: the package is foo) or a git host's
 * (`github.com/owner/repo/<commit>`: the entry's `name` names it, else the repository).
 */
function parseKey(key: string, major: number): { name: string; version: string; git?: boolean } {
  let bare = stripSlash(key);
  const firstSegment = bare.slice(0, bare.indexOf('/'));
  if (firstSegment.includes('.') && !firstSegment.includes('@')) {
    const rest = bare.slice(firstSegment.length + 1);
    const commit = /^[^/@]+\/([^/@]+)\/([0-9a-f]{7,40})$/.exec(rest);
    if (commit) return { name: commit[1]!, version: commit[2]!, git: true };
    bare = rest;
  }
  if (major < 6 || !splitAtVersion(bare)[1]) {
    const slash = bare.lastIndexOf('/');
    if (slash > 0) return { name: bare.slice(0, slash), version: stripPeerSuffix(bare.slice(slash + 1)) };
  }
  const [name, version] = splitAtVersion(bare);
  return { name, version: stripPeerSuffix(version) };
}

function sourceOf(entry: Record<string, unknown>, name: string, version: string): Package['source'] {
  const resolution = isRecord(entry.resolution) ? entry.resolution : {};
  if (resolution.type === 'git' || typeof resolution.commit === 'string') return 'git';
  if (typeof resolution.directory === 'string') return 'file';
  if (typeof resolution.tarball === 'string') {
    if (resolution.tarball.startsWith('file:')) return 'file';
    if (sourceOfSpec(resolution.tarball) === 'git') return 'git';
    // Another npm registry (a mirror, a private one) keeps npm's tarball layout: a registry package.
    return isRegistryTarball(resolution.tarball, name, version) ? 'registry' : 'tarball';
  }
  return sourceOfSpec(version) ?? 'registry';
}
