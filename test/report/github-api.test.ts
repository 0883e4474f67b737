import { afterEach, describe, expect, it } from 'vitest';
import {
  createGitHubApi,
  GitHubApiError,
  GitHubPermissionError,
  GITHUB_ACTIONS_BOT,
  type CommentTarget,
  type Issue,
} from '../../src/report/github-api.js';
import { HUMAN, startGitHubServer, type GitHubServer } from '../support/github-server.js';

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
let server: GitHubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(options: Parameters<typeof startGitHubServer>[0] = {}) {
  server = await startGitHubServer(options);
  const api = createGitHubApi({ token: TOKEN, baseUrl: server.url });
  return { server, api };
}

function onPullRequest(number: number, server: GitHubServer): CommentTarget {
  return { owner: server.owner, repo: server.repo, issueNumber: number, subject: 'pull-request' };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('createGitHubApi', () => {
  it('reads every comment across pages of 100, oldest first, with the token sent, until the one it wants', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true, title: 'Bump lodash' });
    for (let index = 0; index < 250; index++) server.addComment(pr, `comment ${index}`);

    const seen: string[] = [];
    const found = await api.findIssueComment(onPullRequest(pr, server), (comment) => {
      seen.push(comment.body);
      return comment.body === 'comment 249';
    });

    expect(seen).toHaveLength(250);
    expect(seen[0]).toBe('comment 0');
    expect(found).toMatchObject({
      item: { body: 'comment 249', author: { login: 'octocat', type: 'User' } },
      pagesRead: 3,
      complete: true,
    });
    expect(found.item!.url).toBe(`https://github.com/acme/app/pull/${pr}#issuecomment-${found.item!.id}`);
    const listing = server.requests.filter((request) => request.method === 'GET');
    expect(listing.map((request) => [request.query.per_page, request.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
    expect(server.requests.every((request) => request.authorized)).toBe(true);
  });

  it('creates and updates a comment', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    const created = await api.createIssueComment(onPullRequest(pr, server), 'first');
    const updated = await api.updateIssueComment(onPullRequest(pr, server), created.id, 'second');

    expect(updated.id).toBe(created.id);
    expect(server.commentsOn(pr).map((comment) => comment.body)).toEqual(['second']);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /repos/acme/app/issues/${pr}/comments`,
      `PATCH /repos/acme/app/issues/comments/${created.id}`,
    ]);
  });

  it('looks through open issues with the label across pages, leaving out pull requests and closed issues', async () => {
    const { server, api } = await setUp();
    for (let index = 0; index < 130; index++) server.addIssue({ title: `labelled ${index}`, labels: ['security-gate'] });
    server.addIssue({ title: 'other label', labels: ['bug'] });
    server.addIssue({ title: 'closed', labels: ['security-gate'], state: 'closed' });
    server.addIssue({ title: 'a pull request', labels: ['security-gate'], isPullRequest: true });

    const issues: Issue[] = [];
    const found = await api.findOpenIssue({ owner: 'acme', repo: 'app' }, 'security-gate', (issue) => {
      issues.push(issue);
      return false;
    });

    expect(found).toEqual({ pagesRead: 2, complete: true });
    expect(issues).toHaveLength(130);
    expect(issues.every((issue) => issue.title.startsWith('labelled') && issue.state === 'open')).toBe(true);
    expect(server.requests.filter((request) => request.query.labels === 'security-gate' && request.query.state === 'open')).toHaveLength(2);
  });

  it('creates, updates and closes an issue', async () => {
    const { server, api } = await setUp();
    const repo = { owner: 'acme', repo: 'app' };
    const created = await api.createIssue(repo, { title: 'nightly', body: 'failing', labels: ['security-gate'] });
    await api.updateIssue(repo, created.number, { body: 'still failing' });
    const closed = await api.closeIssue(repo, created.number);

    expect(closed.state).toBe('closed');
    expect(server.issues.get(created.number)).toMatchObject({
      body: 'still failing',
      state: 'closed',
      stateReason: 'completed',
      labels: ['security-gate'],
    });
    expect(server.labels.has('security-gate')).toBe(true);
  });

  it("turns a fork's 403 into a GitHubPermissionError naming the permission and forks, without the token", async () => {
    const { server, api } = await setUp({ readOnly: true });
    const pr = server.addIssue({ isPullRequest: true });

    const error = await failureOf(api.createIssueComment(onPullRequest(pr, server), 'hello'));

    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect(error).toMatchObject({ status: 403, permission: 'pull-requests: write' });
    expect(error.message).toContain(`could not comment on pull request #${pr} in acme/app`);
    expect(error.message).toContain('Resource not accessible by integration');
    expect(error.message).toContain('`pull-requests: write`');
    expect(error.message).toContain('normal for pull requests from forks');
    expect(error.message).not.toContain(TOKEN);
  });

  it('names `issues: write` when the nightly issue cannot be opened', async () => {
    const { api } = await setUp({ readOnly: true });
    const error = await failureOf(api.createIssue({ owner: 'acme', repo: 'app' }, { title: 't', body: 'b', labels: [] }));
    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect((error as GitHubPermissionError).permission).toBe('issues: write');
    expect(error.message).toContain('`issues: write`');
  });

  it('turns a 404 into a GitHubPermissionError', async () => {
    const { api } = await setUp({ notFound: true });
    const error = await failureOf(api.findOpenIssue({ owner: 'acme', repo: 'app' }, 'security-gate', () => true));
    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect(error).toMatchObject({ status: 404 });
  });

  it('reports a server error as a GitHubApiError, not a permission problem', async () => {
    const { server, api } = await setUp({ failWith: 502 });
    const error = await failureOf(api.findIssueComment(onPullRequest(1, server), () => true));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).not.toBeInstanceOf(GitHubPermissionError);
    expect(error).toMatchObject({ status: 502 });
    expect(error.message).toBe(
      'security-gate could not list the comments of pull request #1 in acme/app: GitHub answered 502: Server Error',
    );
  });

  it('reports a spent rate limit (a 403 too) as a GitHubApiError with advice', async () => {
    const { api } = await setUp({ rateLimited: true });
    const error = await failureOf(api.findOpenIssue({ owner: 'acme', repo: 'app' }, 'security-gate', () => true));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.message).toContain('API rate limit');
  });

  it('reports an unreachable API as a GitHubApiError naming the URL', async () => {
    const { server, api } = await setUp();
    await server.close();
    const error = await failureOf(api.findIssueComment(onPullRequest(1, server), () => true));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: undefined });
    expect(error.message).toContain(`could not reach ${server.url}`);
    expect(error.message).not.toContain(TOKEN);
  });

  it('gives up on an API that never answers, with a GitHubApiError', async () => {
    server = await startGitHubServer({ hang: true });
    const api = createGitHubApi({ token: TOKEN, baseUrl: server.url, timeoutMs: 200 });
    const error = await failureOf(api.findIssueComment(onPullRequest(1, server), () => true));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.message).toContain(server.url);
  });

  it('gives every request its own timeout, so a later call is not cut by an earlier deadline', async () => {
    const { server } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    const api = createGitHubApi({ token: TOKEN, baseUrl: server.url, timeoutMs: 150 });
    await api.findIssueComment(onPullRequest(pr, server), () => true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(api.createIssueComment(onPullRequest(pr, server), 'later')).resolves.toMatchObject({ body: 'later' });
  });

  it('stops at the page cap, keeping no comment but the one it looks for, and says the search was cut', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    for (let index = 0; index < 450; index++) server.addComment(pr, `comment ${index}`);

    const capped = await api.findIssueComment(onPullRequest(pr, server), () => false, 3);
    expect(capped).toEqual({ pagesRead: 3, complete: false });
    expect(server.requests.filter((request) => request.path.endsWith('/comments'))).toHaveLength(3);

    // A cap that reaches the last page is a complete search.
    const whole = await api.findIssueComment(onPullRequest(pr, server), () => false, 5);
    expect(whole).toEqual({ pagesRead: 5, complete: true });
  });

  it('knows an installation token (GITHUB_TOKEN) writes as github-actions[bot], and a personal token as its user', async () => {
    const { api } = await setUp();
    await expect(api.identity()).resolves.toEqual({ kind: 'installation', login: GITHUB_ACTIONS_BOT });
    await server!.close();

    server = await startGitHubServer({ tokenUser: HUMAN });
    const personal = createGitHubApi({ token: TOKEN, baseUrl: server.url });
    await expect(personal.identity()).resolves.toEqual({ kind: 'user', login: 'octocat', id: HUMAN.id });
  });

  it('does not guess an identity when GET /user fails for another reason', async () => {
    const { api } = await setUp({ failWith: 500 });
    await expect(api.identity()).rejects.toBeInstanceOf(GitHubApiError);
  });

  it('refuses an empty token with a GitHubApiError instead of an octokit stack', () => {
    expect(() => createGitHubApi({ token: '', baseUrl: 'http://127.0.0.1:9' })).toThrow(GitHubApiError);
  });
});
