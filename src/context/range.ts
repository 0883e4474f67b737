// The commit range, resolved ONCE before the checks run, and the shallow clone completed for it:
// every revision becomes a sha (`git rev-parse --verify --end-of-options REV^{commit}`), a shallow
// clone is deepened and its tags fetched from `origin` at most once, and what is still missing
// becomes a `problem` with the fix. Checks then only read git: secrets walks `range.revisions`,
// deps reads lockfiles at `base`, versions reads tags and the range.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../config/errors.js';
import { short, type CommitRange, type Mode, type TagsState } from './context.js';
import { fetchTagsFromOrigin, unshallowFromOrigin } from './fetch.js';
import { git, gitLinesMaybe, gitMaybe, isShallowRepository, resolveCommit } from './git.js';

export interface RangeRequest {
  mode: Mode;
  /** As given (a flag, an input or the event); undefined for a new branch and in full mode. */
  base?: string;
  /** As given; undefined means HEAD. */
  head?: string;
  /** A push that created a branch: no base. */
  newBranch?: boolean;
  /** Revisions a person typed (flags, inputs): one that is not a commit is a usage error, not a problem to report. */
  typed: { base: boolean; head: boolean };
  /** What the checks to run need from a shallow clone. */
  needs: { history: boolean; tags: boolean };
  /** For fetching from `origin` (never printed, never on a command line). */
  token?: string;
}

export interface ResolvedRange {
  /** Full sha, or undefined when there is no base to compare with (see Context.newBranch) or it is unreadable. */
  base?: string;
  head: string;
  newBranch?: boolean;
  range: CommitRange;
  tags: TagsState;
}

const FETCH_FIX = 'Set `fetch-depth: 0` on actions/checkout (or run `git fetch --unshallow`) so the whole range is in the clone.';
const TAGS_FIX =
  'this is a shallow clone and its tags could not be fetched from origin, so the Supported Versions table could not be ' +
  'checked against the releases: set `fetch-depth: 0` (or `fetch-tags: true`) on actions/checkout, or run `git fetch --tags`';

export async function resolveRange(root: string, request: RangeRequest): Promise<ResolvedRange> {
  const shallowAtStart = await isShallowRepository(root);
  if (shallowAtStart && request.needs.history) await unshallowFromOrigin(root, [request.base, request.head], request.token);
  const shallow = shallowAtStart && (await isShallowRepository(root));
  const tags = shallowAtStart && request.needs.tags ? await completeTags(root, request.token, shallow) : { complete: true };

  if (request.mode === 'full') return { head: 'HEAD', range: wholeHistory(shallow), tags };

  const headRev = request.head ?? 'HEAD';
  const head = await resolveCommit(root, headRev);
  if (!head) {
    if (!shallow && request.typed.head) throw notACommit('head', headRev, root);
    return unreadable(
      shallow ? missingFromClone(headRev) : `commit ${headRev} is not in this repository: check the head of the range.`,
      tags,
    );
  }

  let base: string | undefined;
  let newBranch = request.newBranch === true || request.base === undefined;
  let range: CommitRange;
  if (newBranch) {
    range = await newBranchRange(root, head, `new branch up to ${short(head)}`);
  } else {
    const baseRev = request.base!;
    base = await resolveCommit(root, baseRev);
    if (!base) {
      if (shallow) return unreadable(missingFromClone(baseRev), tags);
      if (request.typed.base) throw notACommit('base', baseRev, root);
      if (request.mode !== 'push') return unreadable(`commit ${baseRev} is not in this repository: check the base of the range.`, tags);
      // A force push: `before` is no longer on any ref, so a full clone does not have it. Scan
      // what the push brought instead: the commits on no other branch, as for a new branch.
      newBranch = true;
      range = await newBranchRange(root, head, `force push up to ${short(head)}`);
    } else if (base === head) {
      return { base, head, range: { revisions: [], label: 'empty range (base equals head)', complete: true }, tags };
    } else {
      range = { revisions: [head, `^${base}`], label: `${short(base)}..${short(head)}`, complete: true };
    }
  }

  // In a shallow clone both ends can exist while the commits between them do not (head's parents
  // are cut off, so head would look like a root commit adding the whole tree).
  if (shallow && (await crossesShallowBoundary(root, range.revisions))) {
    const what = base ? `commit ${base}` : `the history before ${head}`;
    return unreadable(
      `${what} is not in this clone (shallow clone: actions/checkout fetches one commit by default), so the commits of the range cannot all be read. ${FETCH_FIX}`,
      tags,
      range.label,
    );
  }
  return { ...(base ? { base } : {}), head, ...(newBranch ? { newBranch } : {}), range, tags };
}

/** Every ref's history; in a shallow clone, what is there, which cannot be vouched for. */
function wholeHistory(shallow: boolean): CommitRange {
  if (!shallow) return { revisions: ['--all'], label: 'whole history', complete: true };
  return {
    revisions: ['--all'],
    label: 'shallow history',
    complete: false,
    problem: `this clone is shallow, so older history was not scanned (actions/checkout fetches one commit by default). ${FETCH_FIX}`,
  };
}

/** Nothing of the range can be vouched for: no base (everything counts as introduced) and nothing to walk. */
function unreadable(problem: string, tags: TagsState, label = 'unreadable'): ResolvedRange {
  return { head: 'HEAD', range: { revisions: [], label, complete: false, problem }, tags };
}

function missingFromClone(rev: string): string {
  return `commit ${rev} is not in this clone (shallow clone: actions/checkout fetches one commit by default). ${FETCH_FIX}`;
}

function notACommit(name: 'base' | 'head', rev: string, root: string): UsageError {
  return new UsageError(`${name} revision '${rev}' is not a commit in ${root}`);
}

/**
 * Tags of a shallow clone: fetched from origin once. When that fails, a clone that already has
 * tags got them from actions/checkout (`fetch-tags: true`); one with none cannot be judged.
 */
async function completeTags(root: string, token: string | undefined, shallow: boolean): Promise<TagsState> {
  if (await fetchTagsFromOrigin(root, token, { depth: shallow ? 1 : undefined })) return { complete: true };
  const existing = await gitLinesMaybe(root, ['tag', '--list']);
  if (existing !== undefined && existing.length > 0) return { complete: true };
  return { complete: false, problem: TAGS_FIX };
}

async function crossesShallowBoundary(root: string, revisions: string[]): Promise<boolean> {
  const boundary = new Set(await shallowBoundary(root));
  if (boundary.size === 0 || revisions.length === 0) return false;
  const inRange = (await git(root, ['rev-list', '--stdin'], { input: `${revisions.join('\n')}\n` })).split('\n');
  return inRange.some((sha) => boundary.has(sha));
}

async function shallowBoundary(root: string): Promise<string[]> {
  const file = (await git(root, ['rev-parse', '--git-path', 'shallow'])).trim();
  try {
    return (await readFile(isAbsolute(file) ? file : join(root, file), 'utf8')).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * A new branch: the commits reachable from head and from no other branch, local or remote. The
 * pushed branch itself (and its remote-tracking copy) is found by name when HEAD is on it,
 * else as the refs that point exactly at head.
 */
async function newBranchRange(root: string, head: string, label: string): Promise<CommitRange> {
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
  // Excluded by sha (what for-each-ref read), so no ref name is ever parsed as a revision.
  const others = refs.filter((ref) => !own(ref) && !ref.name.endsWith('/HEAD')).map((ref) => `^${ref.sha}`);
  return { revisions: [head, ...new Set(others)], label, complete: true };
}
