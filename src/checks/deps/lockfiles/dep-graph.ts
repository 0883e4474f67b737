// The dependency graph of one lockfile: parsers describe nodes (one per installed instance), edges
// and what the project itself declares; this module turns them into Packages with direct flags,
// the dev flag when the lockfile does not record it, and one "why is this here" path (a shortest
// path from a direct dependency). Every step is linear in nodes + edges: one BFS gives parent
// pointers, and a package's path is only walked when something reads it (a finding, the inventory).
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
  /** What the project (root or any workspace) depends on directly. */
  direct: DirectDependencies;
}

/**
 * The project's direct dependencies, each declared by a production group (`dependencies`,
 * `optionalDependencies`, ...), a dev group (`devDependencies`, dependency groups), or both.
 * A package some production group declares is production, whatever else declares it.
 */
export class DirectDependencies {
  private readonly prod = new Set<string>();
  private readonly dev = new Set<string>();

  /** Ids declared without groups (the lockfile does not say which): all production. */
  static of(ids: Iterable<string>): DirectDependencies {
    const direct = new DirectDependencies();
    for (const id of ids) direct.add(id, 'prod');
    return direct;
  }

  /** Declares `id` (undefined, for a name the lockfile does not resolve, is skipped). */
  add(id: string | undefined, group: 'prod' | 'dev'): void {
    if (id !== undefined) (group === 'prod' ? this.prod : this.dev).add(id);
  }

  has(id: string): boolean {
    return this.prod.has(id) || this.dev.has(id);
  }

  ids(): string[] {
    return [...new Set([...this.prod, ...this.dev])];
  }

  prodIds(): Set<string> {
    return this.prod;
  }

  devOnlyIds(): string[] {
    return [...this.dev].filter((id) => !this.prod.has(id));
  }
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

/** Ids by package name, for lockfiles whose dependency lists name a package, not one version of it (uv, poetry). */
export function idsByName(nodes: LockNode[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const node of nodes) {
    const same = ids.get(node.name);
    if (same) same.push(node.id);
    else ids.set(node.name, [node.id]);
  }
  return ids;
}

/** Ids no other node depends on: the best guess at direct dependencies when the lockfile does not list them. */
export function unreferenced(nodes: LockNode[], edges: Map<string, string[]>): Set<string> {
  const referenced = new Set<string>();
  for (const [from, targets] of edges) for (const to of targets) if (to !== from) referenced.add(to);
  return new Set(nodes.map((node) => node.id).filter((id) => !referenced.has(id)));
}

interface Reached {
  parent: string | undefined;
  depth: number;
}

/** One BFS from the roots: for each reachable id, the id it was first reached from and its distance. */
function shortestPathTree(roots: Iterable<string>, edges: Map<string, string[]>): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  const queue: string[] = [];
  for (const root of roots) {
    if (reached.has(root)) continue;
    reached.set(root, { parent: undefined, depth: 0 });
    queue.push(root);
  }
  for (let index = 0; index < queue.length; index++) {
    const id = queue[index]!;
    const depth = reached.get(id)!.depth + 1;
    for (const next of edges.get(id) ?? []) {
      if (reached.has(next)) continue;
      reached.set(next, { parent: id, depth });
      queue.push(next);
    }
  }
  return reached;
}

/**
 * One Package per name@version (and source) in the lockfile, at its first line: the same version
 * installed at two places is one thing to fix. Flags merge: direct if any instance is, dev only if
 * all are; the path is the shortest of any instance's.
 */
export function toPackages(file: string, ecosystem: Package['ecosystem'], graph: LockGraph): Package[] {
  const nameOf = new Map(graph.nodes.map((node) => [node.id, node.name]));
  const tree = shortestPathTree(graph.direct.ids(), graph.edges);
  const computeDev = graph.nodes.some((node) => node.dev === undefined);
  const prod = computeDev ? reachable(graph.direct.prodIds(), graph.edges) : new Set<string>();
  const fromDev = computeDev ? reachable(graph.direct.devOnlyIds(), graph.edges) : new Set<string>();

  const parentOf = new Map<string, string | undefined>();
  for (const [id, { parent }] of tree) parentOf.set(id, parent);
  const pathOf = cappedPaths(parentOf, nameOf);

  const chosen = new Map<string, { pkg: Package; pathFrom: string; depth: number }>();
  for (const node of graph.nodes) {
    // A node unreachable from any direct dependency is counted as prod: unknown is not "dev only".
    const dev = node.dev ?? (!prod.has(node.id) && fromDev.has(node.id));
    const direct = graph.direct.has(node.id);
    const depth = tree.get(node.id)?.depth ?? Infinity;
    const key = `${node.name}@${node.version}@${node.source}`;
    const first = chosen.get(key);
    if (first) {
      first.pkg.direct ||= direct;
      first.pkg.dev &&= dev;
      if (depth < first.depth) Object.assign(first, { pathFrom: node.id, depth });
      continue;
    }
    const pkg: Omit<Package, 'path'> = {
      ecosystem,
      name: node.name,
      version: node.version,
      lockfile: file,
      ...(node.line !== undefined && { line: node.line }),
      dev,
      direct,
      source: node.source,
      ...(node.note !== undefined
        ? { note: node.note }
        : node.source !== 'registry' && { note: `${node.source} dependency: not matched by version` }),
    };
    chosen.set(key, { pkg: pkg as Package, pathFrom: node.id, depth });
  }
  return [...chosen.values()].map(({ pkg, pathFrom, depth }) =>
    // Unreachable from every direct dependency (an orphan entry): the package alone.
    withLazyPath(pkg, () => (depth === Infinity ? [pkg.name] : pathOf(pathFrom))),
  );
}

/** A path longer than this shows its first and last names around '…' (PATH_HEAD + 1 + PATH_TAIL entries). */
export const PATH_HEAD = 12;
export const PATH_TAIL = 11;

interface CappedPath {
  head: string[];
  /** The last names, when the path is longer than PATH_HEAD + PATH_TAIL. */
  tail: string[] | undefined;
}

/**
 * Paths from parent pointers, each at most PATH_HEAD + 1 + PATH_TAIL entries, built from the
 * parent's (remembered), so reading every package's path (the inventory) costs O(n) however deep
 * the graph: a chain of 30,000 packages would otherwise print 4.5 * 10^8 names.
 */
function cappedPaths(parentOf: Map<string, string | undefined>, nameOf: Map<string, string>): (id: string) => string[] {
  const known = new Map<string, CappedPath>();
  const extend = (parent: CappedPath | undefined, name: string): CappedPath => {
    if (!parent) return { head: [name], tail: undefined };
    if (!parent.tail && parent.head.length < PATH_HEAD + PATH_TAIL) return { head: [...parent.head, name], tail: undefined };
    const tail = [...(parent.tail ?? parent.head.slice(PATH_HEAD)), name];
    return { head: parent.tail ? parent.head : parent.head.slice(0, PATH_HEAD), tail: tail.slice(-PATH_TAIL) };
  };
  return (id) => {
    // Climb to the nearest ancestor already known (or past the root), then come back down.
    const climbed: string[] = [];
    let at: string | undefined = id;
    while (at !== undefined && !known.has(at)) {
      climbed.push(at);
      at = parentOf.get(at);
    }
    let path = at === undefined ? undefined : known.get(at);
    for (let index = climbed.length - 1; index >= 0; index--) {
      const step = climbed[index]!;
      path = extend(path, nameOf.get(step) ?? step);
      known.set(step, path);
    }
    return path!.tail ? [...path!.head, '…', ...path!.tail] : [...path!.head];
  };
}

/** Where a package keeps the walk that computes its path, until the path is read. */
const PATH_WALK = Symbol('path walk');
type WithWalk = Package & { [PATH_WALK]?: () => string[] };

const settlePath = (pkg: Package, value: string[]): void => {
  Object.defineProperty(pkg, 'path', { value, writable: true, enumerable: true, configurable: true });
};
/**
 * One getter and setter for every package (a closure per package would give each object its own
 * hidden class, hundreds of bytes apiece in a 250,000-package lockfile).
 */
const LAZY_PATH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithWalk): string[] {
    const value = this[PATH_WALK]!();
    this[PATH_WALK] = undefined; // not delete: that would turn the object into a slow dictionary
    settlePath(this, value);
    return value;
  },
  set(this: WithWalk, value: string[]): void {
    this[PATH_WALK] = undefined; // not delete: that would turn the object into a slow dictionary
    settlePath(this, value);
  },
};

/**
 * `pkg.path`, computed on first read and then kept: a chain 100,000 packages deep has paths of
 * 5 * 10^9 names in total, but only the packages with a finding (or the inventory) read theirs.
 */
function withLazyPath(pkg: Package, compute: () => string[]): Package {
  Object.defineProperty(pkg, PATH_WALK, { value: compute, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(pkg, 'path', LAZY_PATH);
  return pkg;
}
