// pr/push mode: did this change touch the promise? A versions finding is "introduced" when the
// policy file changed in base..head or a release tag points at a commit of the range; otherwise
// it was already there and the policy only warns. Unsure (new branch, base missing from a shallow
// clone) counts as introduced: a wrong warning is worse than asking someone to look.
import type { Context } from '../../context/context.js';
import { gitLinesMaybe } from '../../context/git.js';
import type { Release } from './tags.js';

/** Undefined in full mode or without git (the policy then judges by severity alone). */
export async function changedInRange(context: Context, policyFile: string, releases: Release[]): Promise<boolean | undefined> {
  if (context.mode === 'full' || !context.git) return undefined;
  // No base to compare with (a new branch, an unreadable range): unsure, so introduced.
  if (context.newBranch || context.base === undefined) return true;
  const changed = await gitLinesMaybe(context.repoRoot, [
    'diff',
    '--name-only',
    '--no-renames',
    '--end-of-options',
    context.base,
    context.head,
    '--',
  ]);
  if (changed === undefined) return true;
  if (changed.includes(policyFile)) return true;
  if (releases.length === 0) return false;
  const commits = await gitLinesMaybe(context.repoRoot, ['rev-list', '--end-of-options', `${context.base}..${context.head}`]);
  if (commits === undefined) return true;
  const inRange = new Set(commits);
  return releases.some((release) => release.commits.some((commit) => inRange.has(commit)));
}
