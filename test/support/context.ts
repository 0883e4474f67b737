// Contexts for tests that call one check directly. `contextFor` builds it the way the pipeline does
// (context/build.ts: the range resolved against the real repository, a shallow clone completed),
// with the revisions given as an event would give them; `testContext` fills in what a check that
// does not walk the range (deps, versions) needs, without touching git.
import type { Settings } from '../../src/config/settings.js';
import { buildContext } from '../../src/context/build.js';
import type { Context, Mode } from '../../src/context/context.js';
import type { CheckName } from '../../src/finding.js';

const NOW = new Date('2026-11-24T12:00:00Z');

export interface ContextWanted {
  mode?: Mode;
  base?: string;
  head?: string;
  newBranch?: boolean;
  git?: boolean;
  staged?: boolean;
  /** `--full`: ignore the incremental history cache. */
  fullRescan?: boolean;
  now?: Date;
}

/** The Context run() would build for `root`, as for an event naming these revisions (a missing one is a problem, not a usage error). */
export function contextFor(root: string, wanted: ContextWanted = {}, checks: CheckName[] = ['secrets']): Promise<Context> {
  const mode = wanted.mode ?? (wanted.base || wanted.newBranch ? 'pr' : 'full');
  const head = wanted.head === 'HEAD' ? undefined : wanted.head;
  const settings: Settings = {
    root,
    overrides: {},
    git: wanted.git ?? true,
    now: wanted.now ?? NOW,
    ...(wanted.staged ? { staged: true } : {}),
    ...(wanted.fullRescan ? { fullRescan: true } : {}),
    ...(mode === 'full' ? {} : { event: { name: 'test', mode, base: wanted.newBranch ? undefined : wanted.base, head } }),
  };
  return buildContext(settings, checks);
}

/**
 * A Context without git resolution: full mode reads the whole history of a complete clone; in
 * pr/push mode `base` and `head` are taken as the shas they are, and the range is not walked.
 */
export function testContext(context: Partial<Context> & Pick<Context, 'root'>): Context {
  const mode = context.mode ?? 'full';
  const git = context.git ?? true;
  const range = !git
    ? { revisions: [], label: 'working tree (no git)', complete: true }
    : mode === 'full'
      ? { revisions: ['--all'], label: 'whole history', complete: true }
      : { revisions: [], label: 'not walked (test context)', complete: true };
  return { repoRoot: context.root, mode, head: 'HEAD', git, now: NOW, range, tags: { complete: true }, ...context };
}
