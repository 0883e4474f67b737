// Incremental whole-history scans (issue 13.3). A nightly scan re-read every commit every night;
// now the cache directory (`deps.cache-dir`, kept between runs by actions/cache) remembers, per
// repository, the commit tips the last complete scan read, with a fingerprint of what it scanned
// with (this version, the rules, the secrets config, `.gitleaks.toml`, the scanned folder) and its
// findings. The next scan reads only the commits those tips do not reach (`git rev-list <tips now>
// --not <tips then>`) and adds the remembered findings of commits still reachable. Anything that
// does not check out (no cache, another fingerprint, a file that does not parse or validate) means
// a full scan: the cache is never trusted beyond what it can show.
//
// What is stored is what a report shows: fingerprints and redacted fields, never a raw value (any
// found value that also sits in a path, an author's name or a message is masked before writing).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../cache-file.js';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { PolicyFiles } from '../../config/policy-files.js';
import type { Config } from '../../config/schema.js';
import { FULL_SHA as SHA, git } from '../../context/git.js';
import { SEVERITIES, SecretValues, type Finding } from '../../finding.js';
import { VERSION } from '../../version.js';
import type { SecretRule } from './rules/types.js';

/** Bumped when the stored shape or the meaning of a stored finding changes. */
const FORMAT = 1;
/** A cache file larger than this is not read (a full scan instead): memory stays bounded. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

const storedFinding = z.strictObject({
  check: z.literal('secrets'),
  rule: z.string().min(1),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(['confirmed', 'provider', 'generic']).optional(),
  title: z.string(),
  message: z.string(),
  remedy: z.string().optional(),
  location: z.strictObject({ path: z.string().min(1), line: z.number().int().positive(), commit: z.string().regex(SHA) }),
  fingerprint: z.string().regex(/^secrets:[0-9a-f]{32}$/),
  details: z.strictObject({
    kind: z.literal('secrets'),
    redacted: z.string(),
    confidence: z.enum(['confirmed', 'provider', 'generic']).optional(),
    pathKind: z.enum(['source', 'test', 'generated']).optional(),
    decoded: z.enum(['base64', 'percent']).optional(),
    example: z.string().optional(),
    author: z.string().optional(),
    date: z.string().optional(),
    entropy: z.number().optional(),
  }),
});

const cacheFile = z.strictObject({
  format: z.literal(FORMAT),
  fingerprint: z.string(),
  tips: z.array(z.string().regex(SHA)),
  findings: z.array(storedFinding),
});

export type CacheEntry = z.infer<typeof cacheFile>;

/** What the scan ran with: a change in any of it means every commit must be read again. */
export function scanFingerprint(rules: SecretRule[], config: Config, policyFiles: PolicyFiles, pathspec: string[]): string {
  const text = JSON.stringify(
    { format: FORMAT, version: VERSION, rules, secrets: config.secrets, toml: policyFiles['.gitleaks.toml'] ?? null, pathspec },
    // Rules hold regexes and functions (format checks, checksums): their source is what they do.
    (_key, value: unknown) =>
      value instanceof RegExp ? `/${value.source}/${value.flags}` : typeof value === 'function' ? String(value) : value,
  );
  return createHash('sha256').update(text).digest('hex');
}

/** The remembered scan of one repository (and folder) in `dir`/secrets-history. */
export class HistoryCache {
  private constructor(readonly file: string) {}

  static async open(dir: string, root: string, pathspec: string[]): Promise<HistoryCache> {
    const where = await realpath(root).catch(() => root);
    const key = createHash('sha256')
      .update([where, ...pathspec].join('\u0000'))
      .digest('hex')
      .slice(0, 32);
    return new HistoryCache(join(dir, 'secrets-history', `${key}.json`));
  }

  /** The remembered scan when it is usable with this fingerprint, or why not. */
  async read(fingerprint: string): Promise<{ entry: CacheEntry } | { reason: string }> {
    let text: string;
    try {
      if ((await stat(this.file)).size > MAX_CACHE_BYTES) return { reason: 'the cache file is too large to trust' };
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { reason: code === 'ENOENT' ? 'no earlier scan in the cache' : `the cache could not be read (${code ?? 'error'})` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { reason: 'the cache file is damaged' };
    }
    const checked = cacheFile.safeParse(parsed);
    if (!checked.success) return { reason: 'the cache file is damaged' };
    if (checked.data.fingerprint !== fingerprint) return { reason: 'the rules, the secrets config or the version changed' };
    return { entry: checked.data };
  }

  /**
   * Remembers a complete scan. Every string of every finding is passed through `values` (this run's
   * raw values) first, so a value that also appears in an author's name or a path is stored masked.
   * Written to a temporary file and renamed, so a reader never sees half a file.
   */
  async write(fingerprint: string, tips: string[], findings: Finding[], values: SecretValues): Promise<void> {
    const entry: CacheEntry = {
      format: FORMAT,
      fingerprint,
      tips,
      findings: findings.map((finding) => masked(finding, values)) as CacheEntry['findings'],
    };
    await writeFileAtomic(this.file, JSON.stringify(entry));
  }
}

/** A copy of `value` with every string masked. */
function masked<T>(value: T, values: SecretValues): T {
  if (typeof value === 'string') return values.redactIn(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => masked(item, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, masked(item, values)])) as T;
  }
  return value;
}

/** The tip commits of every ref and HEAD, as `git log --all` starts from them (tags peeled). */
export async function currentTips(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['rev-list', '--no-walk=unsorted', '--all']);
  return out.split('\n').filter((line) => SHA.test(line));
}

/** The type of each object the clone has ('commit', 'tree', ...); those it lacks are left out. */
async function objectTypes(cwd: string, shas: string[]): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  if (shas.length === 0) return types;
  const checked = await git(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: `${shas.join('\n')}\n` });
  for (const line of checked.split('\n')) {
    const [sha, type] = line.split(' ');
    if (sha && type && type !== 'missing' && SHA.test(sha)) types.set(sha, type);
  }
  return types;
}

/**
 * What the clone says about a remembered scan, asked with two git commands at once:
 * - `tipsUsable`: every remembered tip is a commit, or missing (a deleted branch's tip, in a fresh
 *   clone: it then excludes nothing). A tip that is another kind of object would exclude nothing
 *   either, silently: the file is not what it claims, and the scan reads everything.
 * - `reachable`: the remembered findings whose commit is still in the history (a deleted branch's
 *   commits are not, and a full scan would not report them). Dropped: those whose commit the clone
 *   lacks, and those of `git rev-list <tips then> --not --all`, the commits read then that no ref
 *   reaches now. Cheap in the usual case: refs that only moved forward leave that walk little to do.
 */
export async function reviewRemembered(
  cwd: string,
  entry: CacheEntry,
): Promise<{ tipsUsable: boolean; reachable: CacheEntry['findings'] }> {
  const commits = [...new Set(entry.findings.map((finding) => finding.location.commit))];
  const [types, gone] = await Promise.all([objectTypes(cwd, [...entry.tips, ...commits]), goneSince(cwd, entry.tips)]);
  const tipsUsable = gone !== undefined && entry.tips.every((tip) => (types.get(tip) ?? 'commit') === 'commit');
  const reachable = entry.findings.filter(
    (finding) => types.get(finding.location.commit) === 'commit' && !gone?.has(finding.location.commit),
  );
  return { tipsUsable, reachable };
}

/** The commits reachable from `tips` that no ref reaches now; undefined when git cannot walk from them. */
async function goneSince(cwd: string, tips: string[]): Promise<Set<string> | undefined> {
  if (tips.length === 0) return new Set();
  try {
    const out = await git(cwd, ['rev-list', '--ignore-missing', '--stdin', '--not', '--all'], { input: `${tips.join('\n')}\n` });
    return new Set(out.split('\n').filter(Boolean));
  } catch {
    return undefined;
  }
}
