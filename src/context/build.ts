// Builds the Context from settings, once and before any check: the mode and range from the event
// or flags, the repository's top folder, and the range resolved against git (context/range.ts),
// with a shallow clone completed for what the checks to run need.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { RepositoryError } from '../config/errors.js';
import type { Settings } from '../config/settings.js';
import { CHECK_NAMES, type CheckName } from '../finding.js';
import type { Context, Mode } from './context.js';
import { isGitRepository, repositoryRoot } from './git.js';
import { resolveRange } from './range.js';

export async function buildContext(settings: Settings, checks: readonly CheckName[] = CHECK_NAMES): Promise<Context> {
  const { root } = settings;
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new RepositoryError(`${root}: no such directory to scan`);
  }
  const now = settings.now ?? new Date();
  const eventName = settings.event?.name;
  const nothingToResolve = { tags: { complete: true }, head: 'HEAD', git: true, now, ...(eventName ? { eventName } : {}) };
  if (!settings.git) {
    return {
      ...nothingToResolve,
      root,
      repoRoot: root,
      mode: 'full',
      git: false,
      range: { revisions: [], label: 'working tree (no git)', complete: true },
    };
  }
  const top = (await isGitRepository(root)) ? await repositoryRoot(root) : undefined;
  if (!top) {
    throw new RepositoryError(
      `${root} is not a git repository: run inside a clone (actions/checkout in a workflow), or pass --no-git to scan the files alone`,
    );
  }
  const repoRoot = realpathSync(root) === top ? root : top;
  if (settings.staged) {
    // The index against HEAD (or against nothing before the first commit): every staged line is new.
    return {
      ...nothingToResolve,
      root,
      repoRoot,
      mode: 'pr',
      staged: true,
      range: { revisions: [], label: 'staged changes', complete: true },
    };
  }

  const event = settings.event;
  const base = settings.base ?? event?.base;
  const mode: Mode = settings.mode ?? event?.mode ?? (base ? 'pr' : 'full');
  const newBranch = mode === 'push' && !base;
  if (mode !== 'full' && !base && !newBranch) {
    throw new RepositoryError(`mode ${mode} needs a base commit: pass --base REV (or the \`base\` input)`);
  }
  const resolved = await resolveRange(root, {
    mode,
    base: mode === 'full' ? undefined : base,
    head: settings.head ?? event?.head,
    newBranch,
    typed: { base: settings.base !== undefined, head: settings.head !== undefined },
    needs: {
      // pr/push: the range's commits (secrets), the base's lockfiles (deps) and the range's changes (versions).
      history: checks.includes('secrets') || mode !== 'full',
      tags: checks.includes('versions'),
    },
    token: settings.token,
  });
  return {
    root,
    repoRoot,
    mode,
    ...(eventName ? { eventName } : {}),
    ...(mode === 'full' ? {} : { base: resolved.base, newBranch: resolved.newBranch }),
    head: resolved.head,
    git: true,
    ...(settings.fullRescan ? { fullRescan: true } : {}),
    now,
    range: resolved.range,
    tags: resolved.tags,
  };
}
