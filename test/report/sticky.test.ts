import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/finding.js';
import { COMMENT_MARKER, ISSUE_MARKER, renderComment } from '../../src/report/comment.js';
import { createGitHubApi, GitHubPermissionError } from '../../src/report/github-api.js';
import { PageCapError, shouldComment, syncNightlyIssue, syncPullRequestComment, upsertStickyComment } from '../../src/report/sticky.js';
import {
  BOT,
  HUMAN,
  MAX_BODY,
  STRANGER,
  startGitHubServer,
  type GitHubServer,
  type GitHubServerOptions,
} from '../support/github-server.js';
import { findingOf, verdictOf } from '../support/verdict.js';

const RUN = 'https://github.com/acme/app/actions/runs/777';
const TOKEN = 'ghs_0123456789abcdefghijABCDEFGHIJ012345';

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(options: GitHubServerOptions = {}) {
  server = await startGitHubServer(options);
  return { server, api: createGitHubApi({ token: TOKEN, baseUrl: server.url }) };
}

const awsKey = () => findingOf({ check: 'secrets' });
const lodash = () => findingOf();
const lowDep = () =>
  findingOf({
    rule: 'GHSA-jf85-cpcp-j695',
    severity: 'low',
    title: 'minimist 1.2.5: Prototype Pollution',
    location: { path: 'package-lock.json', line: 300 },
  });
const manyFindings = (count: number): Finding[] =>
  Array.from({ length: count }, (_, index) =>
    findingOf({
      rule: `GHSA-${index}`,
      title: `pkg-${index} 1.0.0: advisory ${index}`,
      location: { path: 'package-lock.json', line: index + 1 },
    }),
  );

const stickyComments = (server: GitHubServer, pr: number) =>
  server.commentsOn(pr).filter((comment) => comment.body.startsWith(COMMENT_MARKER));
const writes = (server: GitHubServer) => server.requests.filter((request) => request.method !== 'GET');

describe('shouldComment', () => {
  const failing = verdictOf([lodash()]);
  const clean = verdictOf([lowDep()]);
  it.each([
    ['true', clean, false, true],
    ['false', failing, true, false],
    ['on-failure', failing, false, true],
    ['on-failure', clean, false, false],
    ['on-failure', clean, true, true],
  ] as const)('comment: %s, verdict %#, previous comment %s -> %s', (setting, verdict, hasPrevious, expected) => {
    expect(shouldComment(setting, verdict, hasPrevious)).toBe(expected);
  });
});

describe('the sticky pull request comment', () => {
  it('finds the marker comment on page 3 of 250 comments and updates it instead of adding one', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    for (let index = 0; index < 250; index++) {
      if (index === 230) server.addComment(pr, renderComment(verdictOf([awsKey()])), BOT);
      else server.addComment(pr, `looks good ${index}`);
    }
    const sticky = stickyComments(server, pr)[0]!;

    const result = await upsertStickyComment(api, {
      owner: 'acme',
      repo: 'app',
      issueNumber: pr,
      body: renderComment(verdictOf([lodash()])),
    });

    expect(result).toMatchObject({ action: 'updated', commentId: sticky.id });
    expect(server.commentsOn(pr)).toHaveLength(250);
    expect(stickyComments(server, pr)).toHaveLength(1);
    expect(stickyComments(server, pr)[0]!.body).toContain('lodash 4.17.20');
    expect(server.requests.some((request) => request.method === 'GET' && request.query.page === '3')).toBe(true);
    expect(writes(server).map((request) => `${request.method} ${request.path}`)).toEqual([
      `PATCH /repos/acme/app/issues/comments/${sticky.id}`,
    ]);
  });

  it('does not take a reply quoting the comment for the comment itself', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    server.addComment(pr, `> ${COMMENT_MARKER}\n> ### ❌ security-gate\n\nIs this real?`);

    const result = await upsertStickyComment(api, {
      owner: 'acme',
      repo: 'app',
      issueNumber: pr,
      body: renderComment(verdictOf([lodash()])),
    });

    expect(result.action).toBe('created');
    expect(server.commentsOn(pr)[0]!.body).toContain('Is this real?');
  });

  it('creates the comment on the first run, updates it on the next, and says what was fixed', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    const target = { owner: 'acme', repo: 'app', issueNumber: pr, setting: 'true' as const, runUrl: RUN };

    const first = await syncPullRequestComment(api, { ...target, verdict: verdictOf([awsKey(), lodash()], { mode: 'pr' }) });
    const second = await syncPullRequestComment(api, { ...target, verdict: verdictOf([lodash()], { mode: 'pr' }) });

    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', commentId: (first as { commentId: number }).commentId });
    const [comment, ...others] = stickyComments(server, pr);
    expect(others).toHaveLength(0);
    expect(comment!.body).toContain('### ❌ security-gate: 1 failing finding');
    expect(comment!.body).toContain('#### Fixed since the last run (1)');
    expect(comment!.body).toContain('- ~~AWS access key ID~~');
  });

  it('updates the same comment to the clean text when the pull request is fixed (comment: on-failure)', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    const target = { owner: 'acme', repo: 'app', issueNumber: pr, setting: 'on-failure' as const, runUrl: RUN };

    await syncPullRequestComment(api, { ...target, verdict: verdictOf([lodash()]) });
    const result = await syncPullRequestComment(api, { ...target, verdict: verdictOf([]) });

    expect(result.action).toBe('updated');
    const [comment, ...others] = stickyComments(server, pr);
    expect(others).toHaveLength(0);
    expect(comment!.body).toContain('### ✅ No failing findings');
    expect(comment!.body).toContain('- ~~lodash 4.17.20');
    expect(comment!.body).not.toContain('| Severity |');
  });

  it('leaves a clean pull request without a comment alone (comment: on-failure)', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    const result = await syncPullRequestComment(api, {
      owner: 'acme',
      repo: 'app',
      issueNumber: pr,
      setting: 'on-failure',
      verdict: verdictOf([lowDep()]),
    });
    expect(result.action).toBe('skipped');
    expect(writes(server)).toHaveLength(0);
  });

  it('makes no call at all with comment: false', async () => {
    const { server, api } = await setUp();
    const result = await syncPullRequestComment(api, {
      owner: 'acme',
      repo: 'app',
      issueNumber: 1,
      setting: 'false',
      verdict: verdictOf([lodash()]),
    });
    expect(result.action).toBe('skipped');
    expect(server.requests).toHaveLength(0);
  });

  it("rejects with a GitHubPermissionError on a fork's read-only token, leaving the pull request untouched", async () => {
    const { server, api } = await setUp({ readOnly: true });
    const pr = server.addIssue({ isPullRequest: true });

    const outcome = syncPullRequestComment(api, {
      owner: 'acme',
      repo: 'app',
      issueNumber: pr,
      setting: 'true',
      verdict: verdictOf([lodash()]),
    });

    await expect(outcome).rejects.toBeInstanceOf(GitHubPermissionError);
    await expect(outcome).rejects.toThrow(
      /GitHub answered 403 \(Resource not accessible by integration\)\. The token needs `pull-requests: write`.*normal for pull requests from forks/,
    );
    expect(server.commentsOn(pr)).toHaveLength(0);
    expect(server.requests.filter((request) => request.path !== '/user').map((request) => request.method)).toEqual(['GET', 'POST']);
  });

  it('keeps a comment about 20,000 findings under the limit the server enforces', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    await syncPullRequestComment(api, {
      owner: 'acme',
      repo: 'app',
      issueNumber: pr,
      setting: 'true',
      runUrl: RUN,
      verdict: verdictOf(manyFindings(20_000)),
    });
    const body = stickyComments(server, pr)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body).toMatch(/… and \d+ more failing findings: see the job summary and SARIF/);
  });
});

describe('syncNightlyIssue', () => {
  const repo = { owner: 'acme', repo: 'app' };
  const nightly = (server: GitHubServer) => [...server.issues.values()].filter((issue) => issue.body.startsWith(ISSUE_MARKER));

  it('opens an issue on a failing run, updates it on the next, closes it with a comment when clean', async () => {
    const { server, api } = await setUp();
    server.addIssue({ title: 'Unrelated bug with the same label', labels: ['security-gate'], body: 'Please look at the config docs.' });

    const opened = await syncNightlyIssue(api, { ...repo, runUrl: RUN, verdict: verdictOf([awsKey(), lodash()]) });
    expect(opened.action).toBe('created');
    const [issue] = nightly(server);
    expect(issue).toMatchObject({
      number: opened.issueNumber,
      title: 'security-gate: nightly scan failures',
      labels: ['security-gate'],
      state: 'open',
    });
    expect(issue!.body).toContain('### ❌ security-gate: 2 failing findings');

    const updated = await syncNightlyIssue(api, { ...repo, runUrl: RUN, verdict: verdictOf([lodash()]) });
    expect(updated).toMatchObject({ action: 'updated', issueNumber: opened.issueNumber });
    expect(nightly(server)).toHaveLength(1);
    expect(issue!.body).toContain('- ~~AWS access key ID~~');

    const closed = await syncNightlyIssue(api, { ...repo, runUrl: RUN, verdict: verdictOf([lowDep()]) });
    expect(closed).toMatchObject({ action: 'closed', issueNumber: opened.issueNumber });
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const [closing] = server.commentsOn(issue!.number);
    expect(closing!.body).toContain(`clean since [this run](${RUN})`);
    expect([...server.issues.values()].find((other) => other.title.startsWith('Unrelated'))).toMatchObject({
      state: 'open',
      body: 'Please look at the config docs.',
    });
  });

  it('does nothing on a clean run when no issue is open', async () => {
    const { server, api } = await setUp();
    const closedEarlier = server.addIssue({ title: 'old', labels: ['security-gate'], body: `${ISSUE_MARKER}\nold`, state: 'closed' });
    const result = await syncNightlyIssue(api, { ...repo, verdict: verdictOf([]) });
    expect(result).toEqual({ action: 'none' });
    expect(writes(server)).toHaveLength(0);
    expect(server.commentsOn(closedEarlier)).toHaveLength(0);
  });

  it('uses the label and title it is given', async () => {
    const { server, api } = await setUp();
    await syncNightlyIssue(api, { ...repo, label: 'security', title: 'Nightly security scan', verdict: verdictOf([lodash()]) });
    expect(nightly(server)[0]).toMatchObject({ title: 'Nightly security scan', labels: ['security'] });
    expect(server.labels.has('security')).toBe(true);
  });

  it('keeps the issue body under 65,536 characters with 20,000 findings', async () => {
    const { server, api } = await setUp();
    const result = await syncNightlyIssue(api, { ...repo, runUrl: RUN, verdict: verdictOf(manyFindings(20_000)) });
    expect(result.action).toBe('created');
    const body = nightly(server)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body).toMatch(/… and \d+ more failing findings/);
  });

  it('rejects with a GitHubPermissionError naming `issues: write` when the token cannot write issues', async () => {
    const { api } = await setUp({ readOnly: true });
    await expect(syncNightlyIssue(api, { ...repo, verdict: verdictOf([lodash()]) })).rejects.toThrow(/`issues: write`/);
  });
});

describe("only the token's own comment or issue is adopted (anyone can type the marker)", () => {
  const target = (pr: number) => ({ owner: 'acme', repo: 'app', issueNumber: pr, setting: 'true' as const, runUrl: RUN });
  /** A comment that looks exactly like ours, claiming a failure that this run no longer has. */
  const forged = () => renderComment(verdictOf([findingOf({ check: 'secrets', title: 'Forged: everything is fixed' })]));

  it('never edits a marker comment written by someone else, nor believes its list of findings', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    const planted = server.addComment(pr, forged(), STRANGER);

    const result = await syncPullRequestComment(api, { ...target(pr), verdict: verdictOf([lodash()], { mode: 'pr' }) });

    expect(result.action).toBe('created');
    expect(planted.body).toBe(forged());
    const ours = server.commentsOn(pr).find((comment) => comment.id !== planted.id)!;
    expect(ours.user).toEqual(BOT);
    expect(ours.body).not.toContain('Fixed since the last run');
    expect(ours.body).not.toContain('Forged');
    expect(writes(server).map((request) => `${request.method} ${request.path}`)).toEqual([`POST /repos/acme/app/issues/${pr}/comments`]);
  });

  it("with GITHUB_TOKEN, adopts the comment github-actions[bot] wrote, after a stranger's look-alike", async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    server.addComment(pr, forged(), STRANGER);
    const own = server.addComment(pr, renderComment(verdictOf([awsKey()])), BOT);

    const result = await syncPullRequestComment(api, { ...target(pr), verdict: verdictOf([lodash()]) });

    expect(result).toMatchObject({ action: 'updated', commentId: own.id });
    expect(own.body).toContain('- ~~AWS access key ID~~');
    expect(own.body).not.toContain('Forged');
  });

  it("with a personal access token, adopts its user's comment and not a bot's or a stranger's", async () => {
    const { server, api } = await setUp({ tokenUser: HUMAN });
    const pr = server.addIssue({ isPullRequest: true });
    const byBot = server.addComment(pr, forged(), BOT);
    const byStranger = server.addComment(pr, forged(), STRANGER);
    const own = server.addComment(pr, renderComment(verdictOf([awsKey()])), HUMAN);

    const result = await syncPullRequestComment(api, { ...target(pr), verdict: verdictOf([lodash()]) });

    expect(result).toMatchObject({ action: 'updated', commentId: own.id });
    expect([byBot.body, byStranger.body]).toEqual([forged(), forged()]);
    // The next run finds the same comment again: the token's user wrote it.
    const again = await syncPullRequestComment(api, { ...target(pr), verdict: verdictOf([]) });
    expect(again).toMatchObject({ action: 'updated', commentId: own.id });
  });

  it("leaves a stranger's look-alike nightly issue alone: opens its own, and closes only its own", async () => {
    const { server, api } = await setUp();
    const repo = { owner: 'acme', repo: 'app' };
    const planted = server.addIssue({
      title: 'security-gate: nightly scan failures',
      labels: ['security-gate'],
      body: renderComment(verdictOf([findingOf({ title: 'Forged nightly finding' })]), { marker: ISSUE_MARKER }),
      user: STRANGER,
    });

    const opened = await syncNightlyIssue(api, { ...repo, verdict: verdictOf([awsKey()]) });
    expect(opened.action).toBe('created');
    expect(opened.issueNumber).not.toBe(planted);
    expect(server.issues.get(opened.issueNumber!)!.body).not.toContain('Forged');

    const closed = await syncNightlyIssue(api, { ...repo, verdict: verdictOf([]) });
    expect(closed).toMatchObject({ action: 'closed', issueNumber: opened.issueNumber });
    expect(server.issues.get(planted)).toMatchObject({ state: 'open' });
    expect(server.commentsOn(planted)).toHaveLength(0);
  });

  it('stops reading comments at the page cap and says so, rather than add a duplicate every run', async () => {
    const { server, api } = await setUp();
    const pr = server.addIssue({ isPullRequest: true });
    for (let index = 0; index < 3_050; index++) server.addComment(pr, `+1 (${index})`);

    const outcome = syncPullRequestComment(api, { ...target(pr), verdict: verdictOf([lodash()]) });

    await expect(outcome).rejects.toBeInstanceOf(PageCapError);
    await expect(outcome).rejects.toThrow(/read the first 3,000 comments of pull request #\d+ \(its page cap\)/);
    expect(server.requests.filter((request) => request.path.endsWith('/comments'))).toHaveLength(30);
    expect(writes(server)).toHaveLength(0);
  }, 30_000);
});
