// Which commits to scan, and their added lines streamed from ONE `git log -p` process: no
// per-commit git calls, no buffering of the history. Git writes into the pipe while we match, so
// reading and scanning overlap.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Context } from '../../context/context.js';
import { unshallowFromOrigin } from '../../context/fetch.js';
import { git, GIT_ENV, GitError, gitMaybe, isShallowRepository, resolveCommit } from '../../context/git.js';
import { COMMIT_FORMAT, DiffParser, type AddedLine, type DiffParserOptions, type DiffStats } from './diff-parser.js';

/** What `git log` should walk: `--all`, or revisions (`^rev` excludes) passed on stdin; [] for nothing. */
export interface HistoryRange {
  revisions: string[];
  /** Shown in stats: 'whole history', 'abc1234..def5678', 'new branch def5678'. */
  label: string;
}

/** The range cannot be read as asked: the check reports this as a fatal CheckError. */
export class UnreadableRangeError extends Error {
  constructor(
    message: string,
    /** True when the problem is a shallow clone (the message then carries the fix). */
    readonly shallow = false,
  ) {
    super(message);
    this.name = 'UnreadableRangeError';
  }
}

const FETCH_FIX = 'Set `fetch-depth: 0` on actions/checkout (or run `git fetch --unshallow`) so the whole range is in the clone.';

/**
 * The revisions to scan for this context. pr/push: `base..head`; a push that created a branch:
 * head minus every other branch (see `newBranchRange`); full: `--all`. Missing commits in a
 * shallow clone are fetched once from `origin` when possible, else this throws UnreadableRangeError.
 */
export async function resolveRange(context: Context): Promise<HistoryRange> {
  const root = context.root;
  const token = context.token;
  if (context.mode === 'full') {
    if (await isShallowRepository(root)) {
      await unshallowFromOrigin(root, [], token);
      if (await isShallowRepository(root)) {
        throw new UnreadableRangeError(
          `this clone is shallow, so older history was not scanned (actions/checkout fetches one commit by default). ${FETCH_FIX}`,
          true,
        );
      }
    }
    return { revisions: ['--all'], label: 'whole history' };
  }

  const head = await needCommit(root, context.head, [], token);
  let range: HistoryRange;
  if (context.newBranch || !context.base) {
    range = await newBranchRange(root, head);
  } else {
    let base = await resolveCommit(root, context.base);
    if (!base && (await isShallowRepository(root))) {
      await unshallowFromOrigin(root, [context.base, context.head], token);
      base = await resolveCommit(root, context.base);
      if (!base) throw new UnreadableRangeError(missingCommit(context.base), true);
    }
    if (!base && context.mode !== 'push') {
      throw new UnreadableRangeError(`commit ${context.base} is not in this repository: check the base of the range.`);
    }
    if (!base) {
      // A force push: `before` is no longer on any ref, so a full clone does not have it. Scan
      // what the push brought instead: the commits on no other branch, as for a new branch.
      range = await newBranchRange(root, head);
      range.label = `force push up to ${head.slice(0, 7)}`;
    } else if (base === head) {
      return { revisions: [], label: 'empty range (base equals head)' };
    } else {
      range = { revisions: [head, `^${base}`], label: `${base.slice(0, 7)}..${head.slice(0, 7)}` };
    }
  }
  return needCompleteRange(root, range, context, head, token);
}

function missingCommit(rev: string): string {
  return `commit ${rev} is not in this clone (shallow clone: actions/checkout fetches one commit by default). ${FETCH_FIX}`;
}

/**
 * In a shallow clone both ends can exist while the commits between them do not (head's parents
 * are cut off, so head would look like a root commit adding the whole tree). The range is
 * complete when no commit in it is a shallow boundary; else fetch once, then give up loudly.
 */
async function needCompleteRange(
  root: string,
  range: HistoryRange,
  context: Context,
  head: string,
  token: string | undefined,
): Promise<HistoryRange> {
  if (!(await isShallowRepository(root))) return range;
  if (!(await crossesShallowBoundary(root, range))) return range;
  await unshallowFromOrigin(root, [context.base, head], token);
  // Other branches may have arrived with the fetch: a new branch's range shrinks to fit.
  const refreshed = range.revisions.some((rev) => rev.startsWith('^refs/'))
    ? { ...(await newBranchRange(root, head)), label: range.label }
    : range;
  if (await crossesShallowBoundary(root, refreshed)) {
    const what = context.base && !context.newBranch ? `commit ${context.base}` : `the history before ${head}`;
    throw new UnreadableRangeError(
      `${what} is not in this clone (shallow clone: actions/checkout fetches one commit by default), so the commits of the range cannot all be read. ${FETCH_FIX}`,
      true,
    );
  }
  return refreshed;
}

async function crossesShallowBoundary(root: string, range: HistoryRange): Promise<boolean> {
  const boundary = new Set(await shallowBoundary(root));
  if (boundary.size === 0 || range.revisions.length === 0) return false;
  const inRange = (await git(root, ['rev-list', '--stdin'], { input: `${range.revisions.join('\n')}\n` })).split('\n');
  return inRange.some((sha) => boundary.has(sha));
}

/**
 * A new branch: the commits reachable from head and from no other branch, local or remote. The
 * pushed branch itself (and its remote-tracking copy) is found by name when HEAD is on it,
 * else as the refs that point exactly at head.
 */
async function newBranchRange(root: string, head: string): Promise<HistoryRange> {
  const current = (await gitMaybe(root, ['symbolic-ref', '-q', '--short', 'HEAD']))?.trim();
  const currentIsHead = current ? (await resolveCommit(root, current)) === head : false;
  const refs = (await git(root, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes']))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return { sha: line.slice(0, space), name: line.slice(space + 1) };
    });
  const own = (ref: { sha: string; name: string }): boolean =>
    currentIsHead && current
      ? ref.name === `refs/heads/${current}` || (ref.name.startsWith('refs/remotes/') && ref.name.endsWith(`/${current}`))
      : ref.sha === head;
  const others = refs.filter((ref) => !own(ref) && !ref.name.endsWith('/HEAD')).map((ref) => ref.name);
  return { revisions: [head, ...others.map((name) => `^${name}`)], label: `new branch up to ${head.slice(0, 7)}` };
}

/** The full sha of `rev`, fetching once in a shallow clone; throws UnreadableRangeError when still missing. */
async function needCommit(root: string, rev: string, alsoFetch: string[], token: string | undefined): Promise<string> {
  const found = await resolveCommit(root, rev);
  if (found) return found;
  if (await isShallowRepository(root)) {
    await unshallowFromOrigin(root, [rev, ...alsoFetch], token);
    const fetched = await resolveCommit(root, rev);
    if (fetched) return fetched;
    throw new UnreadableRangeError(missingCommit(rev), true);
  }
  throw new UnreadableRangeError(`commit ${rev} is not in this repository: check the head of the range.`);
}

async function shallowBoundary(root: string): Promise<string[]> {
  const file = (await git(root, ['rev-parse', '--git-path', 'shallow'])).trim();
  try {
    return (await readFile(isAbsolute(file) ? file : join(root, file), 'utf8')).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

export type HistoryStats = DiffStats;

/**
 * Streams the added lines of every commit in `range`, in batches (one per chunk of git's output,
 * so the async overhead is per chunk, not per line). `stats` fills in as the stream goes.
 */
export async function* addedLines(
  root: string,
  range: HistoryRange,
  options: DiffParserOptions,
  stats?: (stats: HistoryStats) => void,
): AsyncGenerator<AddedLine[]> {
  const parser = new DiffParser(options);
  if (range.revisions.length === 0) {
    stats?.(parser.stats);
    return;
  }
  const args = [
    '-c', 'core.quotepath=false',
    '-c', 'log.showSignature=false',
    '-c', 'diff.noprefix=false',
    'log', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--no-notes',
    '--src-prefix=a/', '--dst-prefix=b/', `--format=${COMMIT_FORMAT}`,
  ]; // prettier-ignore
  // Revisions go through stdin: a repository can have more refs than a command line holds.
  const all = range.revisions.includes('--all');
  args.push(all ? '--all' : '--stdin');
  const child = spawn('git', args, {
    cwd: root,
    env: GIT_ENV,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.on('error', () => undefined); // git may exit before reading all revisions; the exit code tells
  child.stdin.end(all ? '' : `${range.revisions.join('\n')}\n`);
  try {
    // Raw bytes: the parser decodes only what it keeps.
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      parser.push(chunk);
      const batch = parser.take();
      stats?.(parser.stats);
      if (batch.length > 0) yield batch;
    }
    parser.end();
    const last = parser.take();
    stats?.(parser.stats);
    if (last.length > 0) yield last;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0 && code !== null) throw new GitError(['log'], code, Buffer.concat(stderr).toString('utf8'));
}
