// Mode and commit range from a GitHub event payload (DESIGN.md "Commit ranges").
// On pull_request, GITHUB_SHA is a merge commit: the head is pull_request.head.sha.
import type { Mode } from './context.js';
import { ZERO_SHA } from './git.js';

export interface EventRange {
  mode: Mode;
  base?: string;
  head?: string;
  newBranch?: boolean;
  fork?: boolean;
}

interface Payload {
  pull_request?: {
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } };
  };
  before?: string;
  after?: string;
  merge_group?: { base_sha?: string; head_sha?: string };
  repository?: { full_name?: string };
}

export function rangeFromEvent(eventName: string, payload: unknown): EventRange {
  const event = (payload ?? {}) as Payload;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = event.pull_request;
      const headRepo = pr?.head?.repo?.full_name;
      const baseRepo = pr?.base?.repo?.full_name ?? event.repository?.full_name;
      return {
        mode: 'pr',
        base: pr?.base?.sha,
        head: pr?.head?.sha,
        fork: Boolean(pr?.head?.repo?.fork) || (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo),
      };
    }
    case 'push': {
      const newBranch = !event.before || ZERO_SHA.test(event.before);
      return { mode: 'push', base: newBranch ? undefined : event.before, head: event.after, newBranch };
    }
    case 'merge_group':
      return { mode: 'pr', base: event.merge_group?.base_sha, head: event.merge_group?.head_sha };
    default:
      // schedule, workflow_dispatch and anything else: the whole history.
      return { mode: 'full' };
  }
}
