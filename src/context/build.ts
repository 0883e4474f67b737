// Builds the Context from settings: mode and range from the event or flags, checked against git.
import { existsSync, statSync } from 'node:fs';
import { RepositoryError } from '../config/errors.js';
import type { Settings } from '../config/settings.js';
import type { Context, Mode } from './context.js';
import { rangeFromEvent } from './event.js';
import { isGitRepository, isShallowRepository, resolveCommit } from './git.js';

export async function buildContext(settings: Settings): Promise<Context> {
  const { root } = settings;
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new RepositoryError(`${root}: no such directory to scan`);
  }
  const now = settings.now ?? new Date();
  if (!settings.git) {
    return { root, mode: 'full', head: 'HEAD', git: false, now, eventName: settings.eventName };
  }
  if (!(await isGitRepository(root))) {
    throw new RepositoryError(
      `${root} is not a git repository: run inside a clone (actions/checkout in a workflow), or pass --no-git to scan the files alone`,
    );
  }

  const fromEvent = settings.eventName ? rangeFromEvent(settings.eventName, settings.eventPayload) : undefined;
  const base = settings.base ?? fromEvent?.base;
  const head = settings.head ?? fromEvent?.head ?? 'HEAD';
  const mode: Mode = settings.mode ?? fromEvent?.mode ?? (base ? 'pr' : 'full');
  const newBranch = mode === 'push' && !base ? true : fromEvent?.newBranch;

  if (mode !== 'full' && !base && !newBranch) {
    throw new RepositoryError(`mode ${mode} needs a base commit: pass --base REV (or the \`base\` input)`);
  }
  // A revision typed on the command line that does not exist is a usage mistake. Revisions from an
  // event may be missing for good reasons (a force push's `before`, a shallow clone): checks fetch
  // what they can and report the rest.
  if (!settings.eventName && !(await isShallowRepository(root))) {
    for (const [name, rev] of [
      ['base', base],
      ['head', head],
    ] as const) {
      if (rev && mode !== 'full' && !(await resolveCommit(root, rev))) {
        throw new RepositoryError(`${name} revision '${rev}' is not a commit in ${root}`);
      }
    }
  }
  return {
    root,
    mode,
    eventName: settings.eventName,
    base: mode === 'full' ? undefined : base,
    head,
    newBranch: mode === 'full' ? undefined : newBranch,
    git: true,
    now,
    token: settings.token,
  };
}
