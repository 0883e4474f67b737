// The built action end to end on GitHub's events: real git repositories, real-shaped payloads, and
// a local GitHub API server on 127.0.0.1 recording what the action sends. Node 20 and Node 24.
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gitRepo, type GitRepo } from '../support/git-repo.js';
import { nodeBinaries, runAction, type ActionRun } from '../support/dist.js';
import { STRANGER, startGitHubServer, type GitHubServer } from '../support/github-server.js';

// Generated, secret-shaped values (never real credentials).
const AWS_KEY = 'AKIA' + 'Q7ZL4WX2NBTR5KDM';
const GITHUB_TOKEN_VALUE = 'ghp_' + 'v8Qz3LmN7xKp2RtY9wBc4HjD6fGs1AeU5oIq';
const SECRETS = [AWS_KEY, GITHUB_TOKEN_VALUE];

let servers: GitHubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function github(options: Parameters<typeof startGitHubServer>[0] = {}): Promise<GitHubServer> {
  const server = await startGitHubServer({ owner: 'acme', repo: 'app', ...options });
  servers.push(server);
  return server;
}

function pullRequestEvent(repo: GitRepo, base: string, head: string, options: { number?: number; fork?: boolean } = {}) {
  const number = options.number ?? 7;
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { ref: 'main', sha: base, repo: { full_name: 'acme/app', fork: false } },
      head: { ref: 'feature', sha: head, repo: { full_name: options.fork ? 'stranger/app' : 'acme/app', fork: Boolean(options.fork) } },
    },
    repository: { full_name: 'acme/app', clone_url: repo.dir },
  };
}

function runnerEnv(server?: GitHubServer): Record<string, string> {
  return {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    ...(server ? { GITHUB_API_URL: server.url } : {}),
  };
}

/** Everything the action wrote or sent, as one string, to look for raw secrets in. */
function everything(run: ActionRun, server?: GitHubServer): string {
  const files = [run.outputs['sarif-file'], run.outputs['json-file']].filter(Boolean).map((file) => readFileSync(file!, 'utf8'));
  const sent = server ? JSON.stringify(server.requests.map((request) => request.body)) : '';
  return [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...files, sent].join('\n');
}

function expectNoRawSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function appRepo(): GitRepo {
  return gitRepo().commit('init', { 'README.md': '# app\n', 'src/index.js': 'export const x = 1;\n' });
}

describe.each(nodeBinaries())('GitHub events, dist/index.js under Node $version', ({ bin }) => {
  it('pull_request: fails on a key the PR adds, annotates its line, and keeps one sticky comment across runs', async () => {
    const server = await github();
    server.addIssue({ title: 'feature', isPullRequest: true }); // PR #1
    const repo = appRepo();
    const base = repo.sha(-1);
    repo.branch('feature').commit('config', { 'deploy/settings.env': `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    const event = pullRequestEvent(repo, base, repo.sha(-1), { number: 1 });
    const inputs = { checks: 'secrets', comment: 'true', token: 'test-token-123' };

    const first = await runAction(bin, { workspace: repo.dir, eventName: 'pull_request', event, inputs, env: runnerEnv(server) });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^::error file=deploy\/settings\.env,line=2,.*::/m);
    expect(first.outputs.verdict).toBe('fail');
    expect(server.commentsOn(1)).toHaveLength(1);
    expect(server.commentsOn(1)[0]!.body).toMatch(/^<!-- security-gate -->/);
    expect(server.commentsOn(1)[0]!.body).toContain('deploy/settings.env');
    expect(server.requests.every((request) => request.authorized)).toBe(true);
    expectNoRawSecret(everything(first, server));
    // The token only appears in the runner's own `::add-mask::` command, which the runner consumes.
    expect(everything(first, server).replace(/^::add-mask::.*$/m, '')).not.toContain('test-token-123');

    // Fixing the file does not clean history: the key is still in the PR's commits and must be rotated.
    repo.commit('remove key', { 'deploy/settings.env': 'REGION=eu-west-1\n' });
    const second = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(repo, base, repo.sha(-1), { number: 1 }),
      inputs,
      env: runnerEnv(server),
    });
    expect(second.code).toBe(1);
    expect(server.commentsOn(1)).toHaveLength(1); // updated, not duplicated
    expect(server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
    expectNoRawSecret(everything(second, server));
  });

  it('pull_request: a key also in its file name and its author name is masked everywhere, and a look-alike comment is left alone', async () => {
    const server = await github();
    server.addIssue({ title: 'feature', isPullRequest: true }); // PR #1
    const planted = server.addComment(
      1,
      '<!-- security-gate -->\n### ✅ No failing findings\n<!-- security-gate:fingerprints v1 complete\nfail forged Forged fixed\n-->',
      STRANGER,
    );
    const repo = appRepo();
    const base = repo.sha(-1);
    repo.commit('config', { [`deploy/${AWS_KEY}.env`]: `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` }, { author: `Dev ${AWS_KEY}` });
    const event = pullRequestEvent(repo, base, repo.sha(-1), { number: 1 });
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event,
      inputs: { checks: 'secrets', comment: 'true', token: 'test-token-123' },
      env: runnerEnv(server),
    });

    expect(run.code).toBe(1);
    expectNoRawSecret(everything(run, server));
    expect(run.stdout).toContain('AKIA****************');
    const ours = server.commentsOn(1).filter((comment) => comment.id !== planted.id);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.user.login).toBe('github-actions[bot]');
    expect(ours[0]!.body).not.toContain('Forged');
    expect(planted.body).toContain('Forged fixed');
  });

  it('pull_request from a fork: skips the comment with one warning, still annotates and fails', async () => {
    const server = await github({ readOnly: true });
    const repo = appRepo();
    const base = repo.sha(-1);
    repo.commit('token', { 'scripts/release.sh': `export GH_TOKEN=${GITHUB_TOKEN_VALUE}\n` });
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(repo, base, repo.sha(-1), { fork: true }),
      inputs: { checks: 'secrets', comment: 'true', token: 'read-only' },
      env: runnerEnv(server),
    });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/^::warning::.*fork/gm)).toHaveLength(1);
    expect(run.stdout).toMatch(/^::error file=scripts\/release\.sh,line=1,/m);
    expect(server.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expectNoRawSecret(everything(run, server));
  });

  it('pull_request inside a forked project (head and base the same repository): still comments', async () => {
    const server = await github();
    server.addIssue({ title: 'feature', isPullRequest: true }); // PR #1
    const repo = appRepo();
    const base = repo.sha(-1);
    repo.commit('token', { 'scripts/release.sh': `export GH_TOKEN=${GITHUB_TOKEN_VALUE}\n` });
    const event = pullRequestEvent(repo, base, repo.sha(-1), { number: 1 });
    // The project is itself a fork of an upstream: GitHub marks its repository `fork: true` on both sides.
    event.pull_request.head.repo.fork = true;
    event.pull_request.base.repo.fork = true;
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event,
      inputs: { checks: 'secrets', comment: 'true', token: 'test-token-123' },
      env: runnerEnv(server),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/^::warning::.*fork/m);
    expect(server.commentsOn(1)).toHaveLength(1);
    expectNoRawSecret(everything(run, server));
  });

  it('pull_request with a token that cannot write: a warning, never a crash', async () => {
    const server = await github({ readOnly: true });
    server.addIssue({ title: 'feature', isPullRequest: true });
    const repo = appRepo();
    const base = repo.sha(-1);
    repo.commit('docs', { 'docs/a.md': 'hello\n' });
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(repo, base, repo.sha(-1), { number: 1 }),
      inputs: { checks: 'secrets', comment: 'true', token: 't' },
      env: runnerEnv(server),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning::security-gate: .*403/m);
    expect(run.outputs.verdict).toBe('pass');
  });

  it('schedule: scans the whole history past 30 commits and opens, then closes, the nightly issue', async () => {
    const server = await github();
    const repo = appRepo();
    for (let i = 0; i < 34; i++) repo.commit(`change ${i}`, { [`src/module${i}.js`]: `export const value${i} = ${i};\n` });
    repo.commit('leak', { 'ci/publish.yml': `env:\n  TOKEN: ${GITHUB_TOKEN_VALUE}\n` });
    for (let i = 0; i < 5; i++) repo.commit(`later ${i}`, { [`docs/${i}.md`]: `${i}\n` });

    const failing = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'schedule',
      event: { schedule: '17 3 * * *' },
      inputs: { checks: 'secrets', issue: 'true', token: 't' },
      env: runnerEnv(server),
    });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^::error file=ci\/publish\.yml,line=2,/m);
    const opened = [...server.issues.values()].filter((issue) => issue.state === 'open' && !issue.isPullRequest);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.labels).toContain('security-gate');
    expectNoRawSecret(everything(failing, server));

    // A clean nightly run (the leak was rewritten out of history) closes the issue with a comment.
    const clean = appRepo();
    const passing = await runAction(bin, {
      workspace: clean.dir,
      eventName: 'schedule',
      event: {},
      inputs: { checks: 'secrets', issue: 'true', token: 't' },
      env: runnerEnv(server),
    });
    expect(passing.code).toBe(0);
    expect(opened[0]!.state).toBe('closed');
    expect(server.commentsOn(opened[0]!.number).at(-1)!.body).toContain('clean');
  });

  it('push of a new branch (all-zero before): scans only the commits no other branch has', async () => {
    const repo = appRepo();
    repo.commit('old leak on main', { 'legacy.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    repo.branch('topic').commit('topic work', { 'topic.env': `GH_TOKEN=${GITHUB_TOKEN_VALUE}\n` });
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/topic', before: '0'.repeat(40), after: repo.sha(-1), created: true },
      inputs: { checks: 'secrets' },
      env: runnerEnv(),
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(run.outputs['json-file']!, 'utf8'));
    expect(report.findings.map((finding: { location: { path: string } }) => finding.location.path)).toEqual(['topic.env']);
    expectNoRawSecret(everything(run));
  });

  it('push: fails on what the pushed commits add, not on what was there before', async () => {
    const repo = appRepo();
    repo.commit('old leak', { 'legacy.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    const before = repo.sha(-1);
    repo.commit('new leak', { 'ci/deploy.sh': `curl -H "Authorization: token ${GITHUB_TOKEN_VALUE}" https://api.github.com\n` });
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before, after: repo.sha(-1) },
      inputs: { checks: 'secrets' },
      env: runnerEnv(),
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(run.outputs['json-file']!, 'utf8'));
    expect(report.findings.map((finding: { location: { path: string; commit: string } }) => finding.location)).toEqual([
      expect.objectContaining({ path: 'ci/deploy.sh', line: 1, commit: repo.sha(-1) }),
    ]);
    expect(run.summary).toContain('ci/deploy.sh');
    expectNoRawSecret(everything(run));
  });

  it('merge_group: scans the queue entry base..head', async () => {
    const repo = appRepo();
    const base = repo.sha(-1);
    repo.commit('queued change', { 'app/config.py': `GITHUB_TOKEN = "${GITHUB_TOKEN_VALUE}"\n` });
    const event = {
      action: 'checks_requested',
      merge_group: { base_sha: base, head_sha: repo.sha(-1), head_ref: 'refs/heads/gh-readonly-queue/main/pr-1' },
    };
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'merge_group',
      event,
      inputs: { checks: 'secrets' },
      env: runnerEnv(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=app\/config\.py,line=1,/m);
    expectNoRawSecret(everything(run));
  });

  it('push whose before equals after scans nothing and passes', async () => {
    const repo = appRepo();
    repo.commit('old leak', { 'legacy.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'push',
      event: { before: repo.sha(-1), after: repo.sha(-1) },
      inputs: { checks: 'secrets' },
      env: runnerEnv(),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
  });

  it('a shallow clone deepens itself from origin to read the PR range', async () => {
    const origin = appRepo();
    const base = origin.sha(-1);
    origin
      .commit('a', { 'a.txt': 'a\n' })
      .commit('leak', { 'b.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n` })
      .commit('c', { 'c.txt': 'c\n' });
    const clone = origin.shallowClone(1);
    const run = await runAction(bin, {
      workspace: clone.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(origin, base, origin.sha(-1)),
      inputs: { checks: 'secrets' },
      env: runnerEnv(),
    });
    expect(run.stdout).toMatch(/^::error file=b\.env,line=1,/m);
    expect(run.code).toBe(1);
  });

  it('a shallow clone that cannot fetch the range fails loudly with the fix, never a clean result', async () => {
    const origin = appRepo();
    const base = origin.sha(-1);
    origin.commit('a', { 'a.txt': 'a\n' }).commit('b', { 'b.txt': 'b\n' });
    const clone = origin.shallowClone(1);
    rmSync(origin.dir, { recursive: true, force: true });
    const run = await runAction(bin, {
      workspace: clone.dir,
      eventName: 'pull_request',
      event: pullRequestEvent(origin, base, clone.git('rev-parse', 'HEAD').trim()),
      inputs: { checks: 'secrets' },
      env: runnerEnv(),
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.stdout).toContain('fetch-depth: 0');
  });
});
