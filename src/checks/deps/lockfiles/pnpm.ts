// pnpm-lock.yaml 5.x (`/name/1.2.3`), 6.x (`/name@1.2.3`) and 9.x (`name@1.2.3`, with the
// dependency graph under `snapshots:`), read with `yaml` so keys keep their line numbers.
// Spec: https://github.com/pnpm/spec/blob/master/lockfile/ (v5, v6) and pnpm's lockfile-types (v9).
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { toPackages, type LockNode } from './dep-graph.js';
import { isRecord } from '../values.js';
import { sourceOfSpec, splitAtVersion, stripPeerSuffix } from './npm-spec.js';

const PACKAGE_GROUPS = ['dependencies', 'optionalDependencies'] as const;
const PROD_GROUPS = ['dependencies', 'optionalDependencies'] as const;

export const pnpmLock: LockfileFormat = {
  name: 'pnpm-lock.yaml',
  ecosystem: 'npm',
  fileNames: ['pnpm-lock.yaml'],
  async parse(text, file) {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter });
    const failure = document.errors[0];
    if (failure) {
      const line = failure.linePos?.[0].line;
      throw new LockfileError(file, line, `invalid YAML: ${failure.message.split('\n', 1)[0]}`);
    }
    let lock: unknown;
    try {
      lock = document.toJS();
    } catch (error) {
      throw new LockfileError(file, undefined, `invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (lock === null || lock === undefined) return [];
    if (!isRecord(lock)) throw new LockfileError(file, 1, 'expected a mapping with "lockfileVersion"');
    const major = Number.parseFloat(String(lock.lockfileVersion ?? ''));
    if (Number.isNaN(major)) throw new LockfileError(file, 1, 'not a pnpm-lock.yaml: no "lockfileVersion"');

    // Line of each `packages:` key, from the YAML nodes (toJS drops positions).
    const keyLines = new Map<string, number>();
    const packagesNode = document.get('packages', true);
    if (isMap(packagesNode)) {
      for (const item of packagesNode.items) {
        if (isScalar(item.key) && item.key.range) keyLines.set(String(item.key.value), lineCounter.linePos(item.key.range[0]).line);
      }
    }

    const packages = isRecord(lock.packages) ? lock.packages : {};
    const nodes: LockNode[] = [];
    const ids = new Set<string>();
    const idOfKey = new Map<string, string>();
    for (const [key, value] of Object.entries(packages)) {
      const entry = isRecord(value) ? value : {};
      const parsed = parseKey(key, major);
      const name = typeof entry.name === 'string' ? entry.name : parsed.name;
      const version = typeof entry.version === 'string' ? entry.version : parsed.version;
      if (!name) throw new LockfileError(file, keyLines.get(key), `cannot read a package name from key "${key}"`);
      const id = `${name}@${version}`;
      idOfKey.set(stripSlash(key), id);
      if (ids.has(id)) continue; // peer variants of one version (v5/v6 keys)
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
        source: sourceOf(entry, version),
      });
    }

    // A reference is a version (`1.0.0(react@18.2.0)`), an alias or non-registry key, or `link:` to a workspace.
    const resolve = (name: string, reference: unknown): string | undefined => {
      const ref = isRecord(reference) ? reference.version : reference;
      if (typeof ref !== 'string' || ref.startsWith('link:')) return undefined;
      const plain = `${name}@${stripPeerSuffix(ref)}`;
      if (ids.has(plain)) return plain;
      const byKey = idOfKey.get(stripSlash(ref));
      if (byKey) return byKey;
      const parsed = parseKey(ref, major);
      const aliased = `${parsed.name}@${parsed.version}`;
      return ids.has(aliased) ? aliased : undefined;
    };

    // v9 keeps the graph in `snapshots` (one per peer variant); older versions in `packages`.
    const graphSource = isRecord(lock.snapshots) ? lock.snapshots : packages;
    const edges = new Map<string, string[]>();
    for (const [key, value] of Object.entries(graphSource)) {
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

    // Projects: `importers` (workspaces, and every v9 lockfile) or the top level (single project v5/v6).
    const projects = isRecord(lock.importers) ? Object.values(lock.importers).filter(isRecord) : [lock];
    const direct = new Set<string>();
    const prodDirect = new Set<string>();
    for (const project of projects) {
      for (const group of [...PROD_GROUPS, 'devDependencies'] as const) {
        for (const [name, reference] of Object.entries(isRecord(project[group]) ? project[group] : {})) {
          const id = resolve(name, reference);
          if (!id) continue;
          direct.add(id);
          if (group !== 'devDependencies') prodDirect.add(id);
        }
      }
    }
    const directDev = new Set([...direct].filter((id) => !prodDirect.has(id)));
    return toPackages(file, 'npm', { nodes, edges, direct, directDev });
  },
};

const stripSlash = (key: string): string => (key.startsWith('/') ? key.slice(1) : key);

/** `/name/1.2.3_peer@1` (v5), `/name@1.2.3(peer@1)` (v6), `name@1.2.3(peer@1)` (v9) to name and version. */
function parseKey(key: string, major: number): { name: string; version: string } {
  const bare = stripSlash(key);
  if (major < 6 || !splitAtVersion(bare)[1]) {
    const slash = bare.lastIndexOf('/');
    if (slash > 0) return { name: bare.slice(0, slash), version: stripPeerSuffix(bare.slice(slash + 1)) };
  }
  const [name, version] = splitAtVersion(bare);
  return { name, version: stripPeerSuffix(version) };
}

function sourceOf(entry: Record<string, unknown>, version: string): Package['source'] {
  const resolution = isRecord(entry.resolution) ? entry.resolution : {};
  if (resolution.type === 'git' || typeof resolution.commit === 'string') return 'git';
  if (typeof resolution.directory === 'string') return 'file';
  if (typeof resolution.tarball === 'string') {
    return resolution.tarball.startsWith('file:') ? 'file' : sourceOfSpec(resolution.tarball) === 'git' ? 'git' : 'tarball';
  }
  return sourceOfSpec(version) ?? 'registry';
}
