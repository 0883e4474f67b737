// yarn.lock, classic v1 and berry (v2+, `__metadata:`), read with yarn's own parser (@yarnpkg/parsers).
// Entries are keyed by the specifiers that resolved to them: `"debug@npm:^4.1.0, debug@npm:^4.3.3":`.
import { parseSyml } from '@yarnpkg/parsers';
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { DirectDependencies, toPackages, unreferenced, type LockNode } from './dep-graph.js';
import { isRegistryTarball, readManifest, sourceOfSpec, splitAtVersion, stringEntries, type ProjectManifest } from './npm-spec.js';
import { isRecord } from '../../../util.js';

const DEPENDENCY_GROUPS = ['dependencies', 'optionalDependencies'] as const;

export const yarnLock: LockfileFormat = {
  name: 'yarn.lock',
  ecosystem: 'npm',
  fileNames: ['yarn.lock'],
  parse: async (text, file, context) => parseYarnLock(text, file, await readManifest(context)),
};

/**
 * yarn.lock records neither dev dependencies nor (classic) the project's own dependencies; the
 * package.json beside it does. With it, direct dependencies are exact and a package is dev when
 * only devDependencies reach it. Classic workspaces' manifests are not read, so with `workspaces`
 * nothing is marked dev (a prod dependency of a workspace must never be hidden as dev).
 */
function parseYarnLock(text: string, file: string, manifest?: ProjectManifest): Package[] {
  const lock = parseYarn(text, file);
  const headerLines = specifierLines(text);
  const berry = isRecord(lock.__metadata);
  // v1 repeats one entry object under each of its specifiers; berry joins them in one key.
  const entries = new Map<Record<string, unknown>, string[]>();
  for (const [key, entry] of Object.entries(lock)) {
    if (key === '__metadata') continue;
    const specifiers = splitSpecifiers(key);
    if (!specifiers.length) continue; // an entry keyed "" names no package (yarn reads such a file; so do we)
    if (!isRecord(entry)) throw new LockfileError(file, headerLines.get(specifiers[0]!), `entry "${key}" is not a mapping`);
    const known = entries.get(entry);
    if (known) for (const specifier of specifiers) known.push(specifier);
    else entries.set(entry, specifiers);
  }

  const nodes: LockNode[] = [];
  const idOf = new Map<string, string>(); // specifier -> node id
  const projects: { entry: Record<string, unknown>; root: boolean }[] = [];
  for (const [entry, specifiers] of entries) {
    const line = headerLines.get(specifiers[0]!);
    const node = berry ? berryNode(entry, specifiers, line, file) : classicNode(entry, specifiers, line, file);
    if (!node) {
      projects.push({ entry, root: typeof entry.resolution === 'string' && entry.resolution.endsWith('@workspace:.') });
      continue;
    }
    nodes.push(node);
    for (const specifier of specifiers) idOf.set(specifier, node.id);
  }

  // Berry writes `ms: 2.1.2` in entries of older lockfiles but keys them `ms@npm:2.1.2`.
  const resolve = (name: string, range: string): string | undefined =>
    idOf.get(`${name}@${range}`) ?? (berry && !range.includes(':') ? idOf.get(`${name}@npm:${range}`) : undefined);
  const edges = new Map<string, string[]>();
  for (const [entry, specifiers] of entries) {
    const id = idOf.get(specifiers[0]!);
    if (id === undefined) continue;
    const targets = DEPENDENCY_GROUPS.flatMap((group) => stringEntries(entry[group]).map(([name, range]) => resolve(name, range)));
    edges.set(
      id,
      targets.filter((target): target is string => target !== undefined),
    );
  }
  const declare = (direct: DirectDependencies, groups: unknown[], group: 'prod' | 'dev'): void => {
    for (const declared of groups) for (const [name, range] of stringEntries(declared)) direct.add(resolve(name, range), group);
  };

  // Classic without a manifest records no project: packages nothing else depends on count as direct (a lower bound).
  if (!projects.length && !manifest)
    return toPackages(file, 'npm', { nodes, edges, direct: DirectDependencies.of(unreferenced(nodes, edges)) });
  // Berry lists the workspaces with their dependencies (dev ones merged in); the manifest, when
  // given, replaces the root workspace's entry because it tells dev apart.
  const direct = new DirectDependencies();
  for (const project of projects) {
    if (!(project.root && manifest))
      declare(
        direct,
        DEPENDENCY_GROUPS.map((group) => project.entry[group]),
        'prod',
      );
  }
  if (manifest) {
    declare(direct, [manifest.dependencies, manifest.optionalDependencies], 'prod');
    declare(direct, [manifest.devDependencies], 'dev');
  }
  if (!berry && manifest?.workspaces !== undefined) for (const id of unreferenced(nodes, edges)) direct.add(id, 'prod');
  const knowsDev = manifest !== undefined && (berry || manifest.workspaces === undefined);
  if (knowsDev) for (const node of nodes) delete node.dev;
  return toPackages(file, 'npm', { nodes, edges, direct });
}

function parseYarn(text: string, file: string): Record<string, unknown> {
  try {
    const lock: unknown = parseSyml(text);
    if (!isRecord(lock)) throw new LockfileError(file, 1, 'expected a mapping of package entries');
    return lock;
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    const failure = error as { message?: string; location?: { start?: { line?: number } }; mark?: { line?: number } };
    // The v1 grammar (peggy) gives `location`; js-yaml (berry) gives a 0-based `mark`.
    const line = failure.location?.start?.line ?? (failure.mark?.line !== undefined ? failure.mark.line + 1 : undefined);
    const detail = String(failure.message ?? error).split('\n', 1)[0]!;
    throw new LockfileError(file, line, `cannot parse yarn.lock: ${detail}`);
  }
}

/** `"a@^1", "a@^2"` or `a@^1, a@^2` to the specifiers. */
function splitSpecifiers(header: string): string[] {
  return header
    .split(/,\s*/)
    .map((part) => part.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);
}

/** The line of each entry header (`key:` at column 0), by each specifier it names. */
function specifierLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const all = text.split('\n');
  for (let index = 0; index < all.length; index++) {
    const line = all[index]!.trimEnd();
    if (!line.endsWith(':') || /^[\s#]/.test(line) || !line) continue;
    for (const specifier of splitSpecifiers(line.slice(0, -1))) if (!lines.has(specifier)) lines.set(specifier, index + 1);
  }
  return lines;
}

function versionOf(entry: Record<string, unknown>, specifier: string, line: number | undefined, file: string): string {
  if (typeof entry.version === 'string') return entry.version;
  throw new LockfileError(file, line, `entry "${specifier}" has no version`);
}

/** Classic: the name comes from the specifier, the source from its range and `resolved` URL. */
function classicNode(entry: Record<string, unknown>, specifiers: string[], line: number | undefined, file: string): LockNode {
  const [specified, range] = splitAtVersion(specifiers[0]!);
  const name = range.startsWith('npm:') ? splitAtVersion(range.slice('npm:'.length))[0] : specified; // alias@npm:real@^1
  const version = versionOf(entry, specifiers[0]!, line, file);
  let source: Package['source'] = sourceOfSpec(range) ?? 'registry';
  if (source === 'registry' && typeof entry.resolved === 'string') {
    const resolved = sourceOfSpec(entry.resolved);
    if (resolved === 'tarball') source = isRegistryTarball(entry.resolved, name, version) ? 'registry' : 'tarball';
    else if (resolved) source = resolved;
  }
  return { id: specifiers[0]!, name, version, ...(line !== undefined && { line }), dev: false, source };
}

/**
 * Berry: `resolution: "name@npm:1.2.3"` names the real package (aliases included). Workspaces
 * (`@workspace:`, version `0.0.0-use.local`) are the project: undefined.
 */
function berryNode(entry: Record<string, unknown>, specifiers: string[], line: number | undefined, file: string): LockNode | undefined {
  const version = versionOf(entry, specifiers[0]!, line, file);
  const resolution = typeof entry.resolution === 'string' ? entry.resolution : specifiers[0]!;
  const [name, reference] = underlyingLocator(resolution);
  if (reference.startsWith('workspace:') || version === '0.0.0-use.local') return undefined;
  const source: Package['source'] =
    reference.startsWith('npm:') || !reference.includes(':') ? 'registry' : (sourceOfSpec(reference) ?? 'file');
  return { id: resolution, name, version, ...(line !== undefined && { line }), dev: false, source };
}

/** `resolve@patch:resolve@npm%3A1.22.1#~builtin<compat/resolve>::…` is the package it patches. */
function underlyingLocator(locator: string): [name: string, reference: string] {
  const [name, reference] = splitAtVersion(locator);
  if (!reference.startsWith('patch:')) return [name, reference];
  const inner = reference.slice('patch:'.length).split('#', 1)[0]!;
  try {
    return underlyingLocator(decodeURIComponent(inner));
  } catch {
    return [name, reference];
  }
}
