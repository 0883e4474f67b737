// The few GitHub REST calls the sticky PR comment and the nightly issue need, behind one small
// interface so the logic above it never sees octokit, and tests drive the real client against a
// local server. Every failure becomes a GitHubPermissionError or a GitHubApiError with one clear
// sentence: never a stack, never the token.
import type { getOctokit } from '@actions/github';
import { isRecord } from '../util.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

/**
 * What a comment hangs on. Pull request comments are issue comments in the REST API, but the
 * permission a token lacks differs (`pull-requests: write` vs `issues: write`), and the error says which.
 */
export type Subject = 'pull-request' | 'issue';

export interface CommentTarget extends RepoRef {
  issueNumber: number;
  subject: Subject;
}

/** Who wrote a comment or an issue, or who the token acts as. */
export interface Author {
  login: string;
  id: number;
  type: string;
}

export interface IssueComment {
  id: number;
  body: string;
  url: string;
  author?: Author;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  url: string;
  state: 'open' | 'closed';
  author?: Author;
}

/**
 * Who the token writes as. A personal access token (or a user-to-server token) is a user, and
 * `GET /user` names it. An installation token (GITHUB_TOKEN, a GitHub App's token) cannot call
 * `GET /user` (403 "Resource not accessible by integration"), and nothing an installation token
 * may call names its app; GITHUB_TOKEN writes as `github-actions[bot]`, so that is who it is taken
 * to be. A GitHub App's own token therefore adopts no earlier comment: each run writes a new one
 * rather than trust a comment it cannot prove is its own.
 */
export interface TokenIdentity {
  kind: 'user' | 'installation';
  login: string;
  /** Known for a user (compared by id, which survives a rename); undefined for the installation guess. */
  id?: number;
}

export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

/** Pages of 100 read at most when looking for the sticky comment or the nightly issue. */
export const MAX_PAGES = 30;
export const PER_PAGE = 100;

export interface Found<T> {
  /** The first item `wanted` accepted, oldest first. */
  item?: T;
  pagesRead: number;
  /** False when the page cap stopped the search before the last page. */
  complete: boolean;
}

export interface GitHubApi {
  /** Who the token writes as (see TokenIdentity). */
  identity(): Promise<TokenIdentity>;
  /**
   * The first comment on the issue or pull request that `wanted` accepts, oldest first, reading at
   * most `maxPages` pages of 100 and keeping no other comment in memory.
   */
  findIssueComment(target: CommentTarget, wanted: (comment: IssueComment) => boolean, maxPages?: number): Promise<Found<IssueComment>>;
  createIssueComment(target: CommentTarget, body: string): Promise<IssueComment>;
  updateIssueComment(target: CommentTarget, commentId: number, body: string): Promise<IssueComment>;
  /** The first open issue carrying the label that `wanted` accepts (pull requests are left out), within `maxPages` pages. */
  findOpenIssue(repo: RepoRef, label: string, wanted: (issue: Issue) => boolean, maxPages?: number): Promise<Found<Issue>>;
  createIssue(repo: RepoRef, issue: { title: string; body: string; labels: string[] }): Promise<Issue>;
  updateIssue(repo: RepoRef, issueNumber: number, change: { title?: string; body?: string }): Promise<Issue>;
  closeIssue(repo: RepoRef, issueNumber: number): Promise<Issue>;
}

/** The token may not do this: a fork's read-only token, or a workflow without the `permissions:` entry. */
export class GitHubPermissionError extends Error {
  override name = 'GitHubPermissionError';
  constructor(
    readonly operation: string,
    readonly status: number,
    /** The workflow permission that would allow it, e.g. `pull-requests: write`. */
    readonly permission: string,
    githubMessage: string,
  ) {
    super(
      `security-gate could not ${operation}: GitHub answered ${status}${githubMessage ? ` (${githubMessage})` : ''}. ` +
        `The token needs \`${permission}\` in the workflow's \`permissions:\`. ` +
        'This is normal for pull requests from forks, whose GITHUB_TOKEN is read-only: ' +
        'the annotations, job summary, SARIF file and exit code are not affected.',
    );
  }
}

/** Any other failure: server error, rate limit, validation error, network down. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    readonly operation: string,
    /** HTTP status, or undefined when no answer came back. */
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`security-gate could not ${operation}: ${detail}`);
  }
}

export interface GitHubApiOptions {
  token: string;
  /** REST root, from GITHUB_API_URL read by the caller at call time (GHES: https://host/api/v3). */
  baseUrl?: string;
  /** Per HTTP request (each page of a listing gets its own). */
  timeoutMs?: number;
}

export const DEFAULT_API_URL = 'https://api.github.com';

type Octokit = ReturnType<typeof getOctokit>;

interface RestUser {
  login: string;
  id: number;
  type?: string;
}

interface RestIssue {
  number: number;
  title: string;
  body?: string | null;
  html_url: string;
  state: string;
  pull_request?: unknown;
  user?: RestUser | null;
}

interface RestComment {
  id: number;
  body?: string;
  html_url: string;
  user?: RestUser | null;
}

/** The GitHubApi over @actions/github's octokit. */
export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  if (!options.token) {
    throw new GitHubApiError(
      'call the GitHub API',
      undefined,
      'no token was given (the `token` input defaults to `${{ github.token }}`; keep it or pass one)',
    );
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  // octokit (and undici under it) is loaded on the first call, not with the action (issue 13, "Start fast").
  let loaded: Promise<Octokit> | undefined;
  const client = (): Promise<Octokit> =>
    (loaded ??= import('@actions/github').then(({ getOctokit }) => {
      // baseUrl is passed explicitly: @actions/github captured GITHUB_API_URL when it was imported.
      const octokit = getOctokit(options.token, { baseUrl });
      // A timeout per HTTP request, set in a hook because paginate() drops per-call `request` options.
      // It must replace `options.request` on the per-request object: that nested object is shared with
      // the client's defaults, and a `wrap` hook's new options would be ignored by the auth hook below it.
      octokit.hook.before('request', (endpoint) => {
        endpoint.request = { ...endpoint.request, signal: endpoint.request?.signal ?? AbortSignal.timeout(timeoutMs) };
      });
      return octokit;
    }));

  async function call<T>(operation: string, permission: string, send: (octokit: Octokit) => Promise<T>): Promise<T> {
    try {
      return await send(await client());
    } catch (error) {
      throw classify(error, operation, permission, baseUrl);
    }
  }

  const author = (user: RestUser | null | undefined): Author | undefined =>
    user ? { login: user.login, id: user.id, type: user.type ?? 'User' } : undefined;
  const comment = (data: RestComment): IssueComment => ({
    id: data.id,
    body: data.body ?? '',
    url: data.html_url,
    author: author(data.user),
  });
  const issue = (data: RestIssue): Issue => ({
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    url: data.html_url,
    state: data.state === 'closed' ? 'closed' : 'open',
    author: author(data.user),
  });

  /** Walks pages with octokit's iterator (one page in memory at a time) until `wanted` accepts an item or the cap. */
  async function findInPages<Raw, T>(
    pages: AsyncIterable<{ data: Raw[]; headers: { link?: string } }>,
    convert: (raw: Raw) => T | undefined,
    wanted: (item: T) => boolean,
    maxPages: number,
  ): Promise<Found<T>> {
    let pagesRead = 0;
    for await (const page of pages) {
      pagesRead += 1;
      for (const raw of page.data) {
        const item = convert(raw);
        if (item !== undefined && wanted(item)) return { item, pagesRead, complete: true };
      }
      // At the cap, the search is complete only if this page had no next one (GitHub's Link header).
      if (pagesRead >= maxPages) return { pagesRead, complete: !/\brel="next"/.test(page.headers.link ?? '') };
    }
    return { pagesRead, complete: true };
  }

  return {
    identity: async () => {
      try {
        const { data } = await (await client()).rest.users.getAuthenticated();
        return { kind: 'user', login: data.login, id: data.id };
      } catch (error) {
        const failure = classify(error, 'find out who the token writes as (GET /user)', 'pull-requests: write', baseUrl);
        // An installation token may not read /user: GitHub answers 403 "Resource not accessible by integration".
        if (failure instanceof GitHubPermissionError) return { kind: 'installation', login: GITHUB_ACTIONS_BOT };
        throw failure;
      }
    },

    findIssueComment: (target, wanted, maxPages = MAX_PAGES) =>
      call(`list the comments of ${describe(target)}`, permissionFor(target.subject), (octokit) =>
        findInPages(
          octokit.paginate.iterator(octokit.rest.issues.listComments, {
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issueNumber,
            per_page: PER_PAGE,
          }),
          comment,
          wanted,
          maxPages,
        ),
      ),

    createIssueComment: (target, body) =>
      call(`comment on ${describe(target)}`, permissionFor(target.subject), async (octokit) => {
        const { data } = await octokit.rest.issues.createComment({
          owner: target.owner,
          repo: target.repo,
          issue_number: target.issueNumber,
          body,
        });
        return comment(data);
      }),

    updateIssueComment: (target, commentId, body) =>
      call(`update comment ${commentId} on ${describe(target)}`, permissionFor(target.subject), async (octokit) => {
        const { data } = await octokit.rest.issues.updateComment({
          owner: target.owner,
          repo: target.repo,
          comment_id: commentId,
          body,
        });
        return comment(data);
      }),

    findOpenIssue: (repo, label, wanted, maxPages = MAX_PAGES) =>
      call(`list the open issues labelled '${label}' in ${repo.owner}/${repo.repo}`, permissionFor('issue'), (octokit) =>
        findInPages(
          octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
            owner: repo.owner,
            repo: repo.repo,
            state: 'open',
            labels: label,
            per_page: PER_PAGE,
          }),
          // The issues endpoint also returns pull requests; they carry a `pull_request` key.
          (item: RestIssue) => (item.pull_request === undefined ? issue(item) : undefined),
          wanted,
          maxPages,
        ),
      ),

    createIssue: (repo, input) =>
      call(`open an issue in ${repo.owner}/${repo.repo}`, permissionFor('issue'), async (octokit) => {
        const { data } = await octokit.rest.issues.create({ owner: repo.owner, repo: repo.repo, ...input });
        return issue(data);
      }),

    updateIssue: (repo, issueNumber, change) =>
      call(`update issue #${issueNumber} in ${repo.owner}/${repo.repo}`, permissionFor('issue'), async (octokit) => {
        const { data } = await octokit.rest.issues.update({
          owner: repo.owner,
          repo: repo.repo,
          issue_number: issueNumber,
          ...change,
        });
        return issue(data);
      }),

    closeIssue: (repo, issueNumber) =>
      call(`close issue #${issueNumber} in ${repo.owner}/${repo.repo}`, permissionFor('issue'), async (octokit) => {
        const { data } = await octokit.rest.issues.update({
          owner: repo.owner,
          repo: repo.repo,
          issue_number: issueNumber,
          state: 'closed',
          state_reason: 'completed',
        });
        return issue(data);
      }),
  };
}

function permissionFor(subject: Subject): string {
  return subject === 'pull-request' ? 'pull-requests: write' : 'issues: write';
}

function describe(target: CommentTarget): string {
  const what = target.subject === 'pull-request' ? 'pull request' : 'issue';
  return `${what} #${target.issueNumber} in ${target.owner}/${target.repo}`;
}

interface MaybeRequestError {
  name?: string;
  message?: string;
  status?: number;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** Octokit's RequestError (or an abort) -> one of ours. The message never includes request headers. */
export function classify(error: unknown, operation: string, permission: string, baseUrl: string): Error {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as MaybeRequestError;
  if (failure.name === 'AbortError' || failure.name === 'TimeoutError') {
    return new GitHubApiError(operation, undefined, `no answer from ${baseUrl} in time`);
  }
  const response = failure.response;
  if (!response) {
    // No HTTP answer at all (DNS, refused connection, TLS): octokit reports it as status 500.
    return new GitHubApiError(operation, undefined, `could not reach ${baseUrl} (${failure.message ?? String(error)})`);
  }
  const status = failure.status ?? 0;
  const githubMessage = messageOf(response.data) ?? failure.message ?? '';
  const rateLimited = response.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(githubMessage);
  if ((status === 403 || status === 404) && !rateLimited) {
    return new GitHubPermissionError(operation, status, permission, githubMessage);
  }
  const hint = rateLimited ? ' (API rate limit: try again later or use a token with a higher limit)' : '';
  return new GitHubApiError(operation, status, `GitHub answered ${status}${githubMessage ? `: ${githubMessage}` : ''}${hint}`);
}

function messageOf(data: unknown): string | undefined {
  return isRecord(data) && typeof data.message === 'string' ? data.message : undefined;
}
