// One comment per pull request and one open issue for nightly runs, found again by a hidden marker
// on a comment (or issue) written by the token's own identity, and updated in place, never
// duplicated. Anyone can type the marker: a comment by someone else is never edited, and its text
// never feeds "fixed since the last run". API failures surface as GitHubPermissionError or
// GitHubApiError (see github-api.ts): the caller turns them into one warning.
import type { Verdict } from '../policy/verdict.js';
import { groupThousands, plural } from '../util.js';
import { COMMENT_MARKER, ISSUE_MARKER, renderComment } from './comment.js';
import {
  PER_PAGE,
  type Author,
  type CommentTarget,
  type GitHubApi,
  type IssueComment,
  type RepoRef,
  type TokenIdentity,
} from './github-api.js';
import { text } from './markdown-escape.js';
import { redactOutput } from './redaction.js';

/** The action input `comment`. */
export type CommentSetting = 'true' | 'false' | 'on-failure';

export interface PullRequestRef extends RepoRef {
  issueNumber: number;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  url: string;
}

/**
 * `true`: always. `false`: never. `on-failure`: when the verdict fails, and also when a comment
 * already exists, so the comment that reported failures says it is clean now instead of going stale.
 */
export function shouldComment(setting: CommentSetting, verdict: Verdict, hasPrevious: boolean): boolean {
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  return verdict.verdict === 'fail' || hasPrevious;
}

/** True when `author` is who the token writes as: the same user id, or for an installation token its bot's login. */
export function isOwnAuthor(author: Author | undefined, identity: TokenIdentity): boolean {
  if (!author) return false;
  if (identity.id !== undefined) return author.id === identity.id;
  return author.type === 'Bot' && author.login.toLowerCase() === identity.login.toLowerCase();
}

/** A search that hit the page cap without finding the comment: said once as a warning, never silent. */
export class PageCapError extends Error {
  override name = 'PageCapError';
}

/**
 * The first comment written by the token's identity whose body starts with the marker (a reply
 * quoting it starts with `>`), reading at most the page cap. When the cap stops the search first it
 * throws PageCapError rather than add a duplicate comment on every run.
 */
export async function findStickyComment(
  api: GitHubApi,
  pullRequest: PullRequestRef,
  identity?: TokenIdentity,
): Promise<IssueComment | undefined> {
  const self = identity ?? (await api.identity());
  const found = await api.findIssueComment(
    target(pullRequest),
    (comment) => isOwnAuthor(comment.author, self) && comment.body.trimStart().startsWith(COMMENT_MARKER),
  );
  if (!found.complete) {
    throw new PageCapError(
      `security-gate read the first ${groupThousands(found.pagesRead * PER_PAGE)} comments of pull request #${pullRequest.issueNumber} (its page cap) ` +
        'without finding its own comment, so it posted none rather than add another on every run. ' +
        'The annotations and the job summary carry the result.',
    );
  }
  return found.item;
}

/**
 * Updates the sticky comment, or creates it when there is none. Pass `existing` when it was
 * already looked up (to render "fixed since last run"), saving a second listing.
 */
export async function upsertStickyComment(
  api: GitHubApi,
  input: PullRequestRef & { body: string; existing?: IssueComment | null; identity?: TokenIdentity },
): Promise<StickyResult> {
  const body = input.body.startsWith(COMMENT_MARKER) ? input.body : `${COMMENT_MARKER}\n${input.body}`;
  const existing = input.existing === undefined ? await findStickyComment(api, input, input.identity) : (input.existing ?? undefined);
  if (existing && existing.body === body) return { action: 'unchanged', commentId: existing.id, url: existing.url };
  if (existing) {
    const updated = await api.updateIssueComment(target(input), existing.id, body);
    return { action: 'updated', commentId: updated.id, url: updated.url };
  }
  const created = await api.createIssueComment(target(input), body);
  return { action: 'created', commentId: created.id, url: created.url };
}

export type PullRequestCommentResult = StickyResult | { action: 'skipped'; reason: string };

/** The whole PR flow: find the previous comment, decide, render against it, upsert. */
export async function syncPullRequestComment(
  api: GitHubApi,
  input: PullRequestRef & { verdict: Verdict; setting: CommentSetting; runUrl?: string; maxChars?: number; identity?: TokenIdentity },
): Promise<PullRequestCommentResult> {
  if (input.setting === 'false') return { action: 'skipped', reason: 'comment: false' };
  // Only our own earlier comment is adopted, so its hidden block of findings is one we wrote.
  const existing = await findStickyComment(api, input, input.identity);
  if (!shouldComment(input.setting, input.verdict, existing !== undefined)) {
    return { action: 'skipped', reason: 'comment: on-failure, the verdict passes and there is no earlier comment to update' };
  }
  const body = renderComment(input.verdict, { previous: existing?.body, runUrl: input.runUrl, maxChars: input.maxChars });
  return upsertStickyComment(api, { ...input, body, existing: existing ?? null });
}

export interface NightlyIssueInput extends RepoRef {
  verdict: Verdict;
  identity?: TokenIdentity;
  label?: string;
  title?: string;
  runUrl?: string;
  maxChars?: number;
}

export interface NightlyIssueResult {
  action: 'created' | 'updated' | 'unchanged' | 'closed' | 'none';
  issueNumber?: number;
  url?: string;
}

export const DEFAULT_ISSUE_LABEL = 'security-gate';
export const DEFAULT_ISSUE_TITLE = 'security-gate: nightly scan failures';

/**
 * Keeps one open issue in step with the nightly verdict: a failing run creates or updates it with
 * the current failures; a clean run comments "clean since" and closes it; clean with nothing open
 * does nothing.
 */
export async function syncNightlyIssue(api: GitHubApi, input: NightlyIssueInput): Promise<NightlyIssueResult> {
  const label = input.label ?? DEFAULT_ISSUE_LABEL;
  const title = input.title ?? DEFAULT_ISSUE_TITLE;
  const repo: RepoRef = { owner: input.owner, repo: input.repo };
  const self = input.identity ?? (await api.identity());
  const found = await api.findOpenIssue(
    repo,
    label,
    (issue) => isOwnAuthor(issue.author, self) && issue.body.trimStart().startsWith(ISSUE_MARKER),
  );
  if (!found.complete) {
    throw new PageCapError(
      `security-gate read the first ${groupThousands(found.pagesRead * PER_PAGE)} open issues labelled '${label}' (its page cap) without finding its own, ` +
        'so it opened none rather than add another on every run.',
    );
  }
  const open = found.item;

  if (input.verdict.verdict === 'pass') {
    if (!open) return { action: 'none' };
    const run = input.runUrl ? `[this run](${input.runUrl})` : 'the latest scheduled run';
    await api.createIssueComment(
      { ...repo, issueNumber: open.number, subject: 'issue' },
      redactOutput(
        input.verdict,
        `✅ security-gate: clean since ${run} (${text(input.verdict.range)}, ${plural(input.verdict.counts.warn, 'warning')}). ` +
          'Closing this issue; the next failing run opens a new one.',
      ),
    );
    const closed = await api.closeIssue(repo, open.number);
    return { action: 'closed', issueNumber: closed.number, url: closed.url };
  }

  const body = renderComment(input.verdict, { previous: open?.body, runUrl: input.runUrl, maxChars: input.maxChars, marker: ISSUE_MARKER });
  if (!open) {
    const created = await api.createIssue(repo, { title, body, labels: [label] });
    return { action: 'created', issueNumber: created.number, url: created.url };
  }
  if (open.body === body && open.title === title) return { action: 'unchanged', issueNumber: open.number, url: open.url };
  const updated = await api.updateIssue(repo, open.number, { title, body });
  return { action: 'updated', issueNumber: updated.number, url: updated.url };
}

function target(pullRequest: PullRequestRef): CommentTarget {
  return { owner: pullRequest.owner, repo: pullRequest.repo, issueNumber: pullRequest.issueNumber, subject: 'pull-request' };
}
