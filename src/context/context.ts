// Where and what to scan. Built from the event payload in the action and from flags in the CLI;
// checks read only this (never process.env).
export type Mode = 'pr' | 'push' | 'full';

export interface Context {
  /** Absolute path of the scanned root. */
  root: string;
  mode: Mode;
  eventName?: string;
  /** Base of the range (pr/push): a full sha or a revision. Undefined in full mode or for a new branch. */
  base?: string;
  /** Head of the range; 'HEAD' when not given. */
  head: string;
  /** Push that created a branch (all-zero `before`): scan the commits not on any other branch. */
  newBranch?: boolean;
  /** False for `--no-git`: scan the working tree's files only. */
  git: boolean;
  /** Today, injectable so ignore expiry is testable. */
  now: Date;
  /** For fetching a shallow range (never printed). */
  token?: string;
}

export function describeRange(context: Context): string {
  if (!context.git) return 'working tree (no git)';
  if (context.mode === 'full') return 'whole history';
  if (context.newBranch) return `new branch up to ${short(context.head)}`;
  return `${short(context.base ?? '?')}..${short(context.head)}`;
}

export function short(rev: string): string {
  return /^[0-9a-f]{40}$/.test(rev) ? rev.slice(0, 7) : rev;
}
