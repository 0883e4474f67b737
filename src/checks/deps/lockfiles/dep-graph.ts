// The dependency graph of one lockfile: parsers describe nodes (one per installed instance) and
// edges, this module turns them into Packages with direct flags, one "why is this here" path
// (a shortest path by BFS from the direct dependencies) and the dev flag when the lockfile does
// not record it.
import type { Package } from '../types.js';

export interface LockNode {
  /** Unique within the lockfile (an install path, a resolution key). */
  id: string;
  name: string;
  version: string;
  line?: number;
  /** Recorded by the lockfile; when undefined, computed from the graph (see `toPackages`). */
  dev?: boolean;
  source: Package['source'];
  note?: string;
}

export interface LockGraph {
  nodes: LockNode[];
  edges: Map<string, string[]>;
  /** Ids the project (root or any workspace) depends on directly. */
  direct: Set<string>;
  /** Of `direct`, the ids only reached through devDependencies: used when a node's `dev` is undefined. */
  directDev?: Set<string>;
}

/** Every id reachable from `roots`, roots included. */
export function reachable(roots: Iterable<string>, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let index = 0; index < queue.length; index++) {
    const id = queue[index]!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of edges.get(id) ?? []) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}

/** BFS parents: for each reachable id, the id it was first reached from (roots map to undefined). */
function bfsParents(roots: Iterable<string>, edges: Map<string, string[]>): Map<string, string | undefined> {
  const parent = new Map<string, string | undefined>();
  const queue: string[] = [];
  for (const root of roots) {
    if (parent.has(root)) continue;
    parent.set(root, undefined);
    queue.push(root);
  }
  for (let index = 0; index < queue.length; index++) {
    const id = queue[index]!;
    for (const next of edges.get(id) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, id);
      queue.push(next);
    }
  }
  return parent;
}

/** Ids no other node depends on: the best guess at direct dependencies when the lockfile does not list them. */
export function unreferenced(nodes: LockNode[], edges: Map<string, string[]>): Set<string> {
  const referenced = new Set<string>();
  for (const [from, targets] of edges) for (const to of targets) if (to !== from) referenced.add(to);
  return new Set(nodes.map((node) => node.id).filter((id) => !referenced.has(id)));
}

export function toPackages(file: string, ecosystem: Package['ecosystem'], graph: LockGraph): Package[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const parents = bfsParents(graph.direct, graph.edges);
  const directDev = graph.directDev ?? new Set<string>();
  const prodRoots = [...graph.direct].filter((id) => !directDev.has(id));
  const computeDev = graph.nodes.some((node) => node.dev === undefined);
  const prod = computeDev ? reachable(prodRoots, graph.edges) : new Set<string>();
  const fromDev = computeDev ? reachable(directDev, graph.edges) : new Set<string>();

  const pathOf = (id: string): string[] => {
    const names: string[] = [];
    for (let at: string | undefined = id; at !== undefined; at = parents.get(at)) {
      names.push(byId.get(at)?.name ?? at);
      if (names.length > byId.size) break; // defensive: parents form a tree, this never triggers
    }
    return names.reverse();
  };

  const packages = graph.nodes.map((node): Package => ({
    ecosystem,
    name: node.name,
    version: node.version,
    lockfile: file,
    ...(node.line !== undefined && { line: node.line }),
    // A node unreachable from any direct dependency is counted as prod: unknown is not "dev only".
    dev: node.dev ?? (!prod.has(node.id) && fromDev.has(node.id)),
    direct: graph.direct.has(node.id),
    // Unreachable from every direct dependency (an orphan entry): the package alone.
    path: parents.has(node.id) ? pathOf(node.id) : [node.name],
    source: node.source,
    ...(node.note !== undefined
      ? { note: node.note }
      : node.source !== 'registry' && { note: `${node.source} dependency: not matched by version` }),
  }));
  return dedupePackages(packages);
}

/**
 * One entry per name@version (and source) in a lockfile, at its first line: the same version
 * installed at two places is one thing to fix. Flags merge: direct if either is, dev only if both are.
 */
export function dedupePackages(packages: Package[]): Package[] {
  const seen = new Map<string, Package>();
  for (const pkg of packages) {
    const key = `${pkg.name}@${pkg.version}@${pkg.source}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, pkg);
      continue;
    }
    first.direct ||= pkg.direct;
    first.dev &&= pkg.dev;
    if (pkg.path.length < first.path.length) first.path = pkg.path;
  }
  return [...seen.values()];
}
