// Where and what to scan. Built once, before the checks, from the event payload in the action and
// from flags in the CLI (context/build.ts); checks read only this (never process.env) and only read
// git: the commit range is resolved and a shallow clone completed here (context/range.ts).
import { FULL_SHA } from './git.js';

export type Mode = 'pr' | 'push' | 'full';

/** The commits to scan, resolved once for every check. */
export interface CommitRange {
  /**
   * What `git log` walks: `[]` for nothing, `['--all']`, or a head sha followed by `^sha` /
   * `^refs/...` exclusions (shas from `git rev-parse --verify`, refs from `git for-each-ref`:
   * never a string from a user or an event as given).
   */
  revisions: string[];
  /** Shown in stats and report headers: 'whole history', 'abc1234..def5678', 'new branch up to def5678'. */
  label: string;
  /** False when the clone lacks commits of the range (a shallow clone that could not be completed). */
  complete: boolean;
  /** Why the range is incomplete or unreadable, with the fix: the secrets check fails with it. */
  problem?: string;
}

/** Whether the clone has every release tag (actions/checkout fetches none by default). */
export interface TagsState {
  complete: boolean;
  /** Why not, with the fix: the versions check fails with it rather than judge from no releases. */
  problem?: string;
}

export interface Context {
  /** Absolute path of the scanned folder (PATH): lockfiles are looked for under it. */
  root: string;
  /**
   * Absolute path of the repository's top folder (equal to `root` without git). A PATH inside a
   * repository means "this part of the repository": history is read for `root` alone (a
   * pathspec), while SECURITY.md and tags belong to the whole repository and are read from here.
   */
  repoRoot: string;
  mode: Mode;
  eventName?: string;
  /** Full sha of the range's base (pr/push). Undefined in full mode, and when there is no base to compare with. */
  base?: string;
  /** Full sha of the range's head; 'HEAD' in full mode, without git, and for staged changes. */
  head: string;
  /**
   * No base to compare with in pr/push mode: a push that created a branch (all-zero `before`) or a
   * force push whose `before` is gone. The commits on no other branch are scanned, and everything
   * counts as introduced.
   */
  newBranch?: boolean;
  /** False for `--no-git`: scan the working tree's files only. */
  git: boolean;
  /** `--staged`: scan what `git add` staged (the index against HEAD), for a pre-commit hook. */
  staged?: boolean;
  /** `--full`: read the whole history again, ignoring what the incremental history cache remembers. */
  fullRescan?: boolean;
  /** Today, injectable so ignore expiry is testable. */
  now: Date;
  range: CommitRange;
  tags: TagsState;
}

export function describeRange(context: Context): string {
  return context.range.label;
}

/** The pathspec (for git run in `root`) that limits history to the scanned folder: none for the whole repository. */
export function scopePathspec(context: Context): string[] {
  return context.root === context.repoRoot ? [] : ['.'];
}

export function short(rev: string): string {
  return FULL_SHA.test(rev) ? rev.slice(0, 7) : rev;
}
