// What a GitHub event says about the run, read once from its payload (DESIGN.md "Commit ranges"):
// the mode, the commit range, the pull request and whether it comes from a fork.
// On pull_request, GITHUB_SHA is a merge commit: the head is pull_request.head.sha.
import { UsageError } from '../config/errors.js';
import type { Mode } from './context.js';

export interface GitHubEvent {
  name: string;
  mode: Mode;
  /** Full shas as the payload gives them (checked for shape, not yet for presence in the clone). */
  base?: string;
  head?: string;
  /** A push that created a branch (all-zero `before`). */
  newBranch?: boolean;
  /** A pull request whose head lives in another repository: its token is read-only. */
  fork?: boolean;
  pullRequest?: number;
}

interface Repo {
  full_name?: string;
}

interface Payload {
  number?: number;
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: Repo | null };
    head?: { sha?: string; repo?: Repo | null };
  };
  before?: string;
  after?: string;
  merge_group?: { base_sha?: string; head_sha?: string };
  repository?: Repo;
}

export const ZERO_SHA = /^0+$/;

/**
 * Reads the event payload. A revision field that is present but not a sha is refused with a
 * UsageError naming the field: it would otherwise reach git (issue 10, item 16).
 */
export function readEvent(name: string, payload: unknown): GitHubEvent {
  const event = (payload ?? {}) as Payload;
  switch (name) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = event.pull_request;
      return {
        name,
        mode: 'pr',
        base: sha(pr?.base?.sha, 'pull_request.base.sha'),
        head: sha(pr?.head?.sha, 'pull_request.head.sha'),
        fork: isFork(pr?.head?.repo, pr?.base?.repo ?? event.repository),
        pullRequest: pr?.number ?? event.number,
      };
    }
    case 'push': {
      const before = sha(event.before, 'before');
      const newBranch = !before || ZERO_SHA.test(before);
      return { name, mode: 'push', base: newBranch ? undefined : before, head: sha(event.after, 'after'), newBranch };
    }
    case 'merge_group':
      return {
        name,
        mode: 'pr',
        base: sha(event.merge_group?.base_sha, 'merge_group.base_sha'),
        head: sha(event.merge_group?.head_sha, 'merge_group.head_sha'),
      };
    default:
      // schedule, workflow_dispatch and anything else: the whole history.
      return { name, mode: 'full' };
  }
}

/**
 * Fork-ness is "the head lives in another repository than the base". The head repository's own
 * `fork` flag says something else: a same-repository pull request inside a forked project has
 * it set, and its token can write. A head repository that is gone (`null`: the fork was deleted)
 * is another repository.
 */
function isFork(head: Repo | null | undefined, base: Repo | null | undefined): boolean {
  if (head === null) return true;
  const headName = head?.full_name;
  const baseName = base?.full_name;
  return headName !== undefined && baseName !== undefined && headName.toLowerCase() !== baseName.toLowerCase();
}

function sha(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$/.test(value)) return value.toLowerCase();
  throw new UsageError(`the event payload's ${field} is not a commit sha: ${JSON.stringify(String(value).slice(0, 80))}`);
}
