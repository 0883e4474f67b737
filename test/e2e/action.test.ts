// The built action (dist/index.js) with the environment a runner gives, under Node 20 and Node 24.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { awsKey } from '../checks/secrets/test-rules.js';
import { gitRepo, tempDir } from '../support/git-repo.js';
import { nodeBinaries, runAction } from '../support/dist.js';
import { readRunnerLog } from '../support/runner-commands.js';

// The official SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it.
const sarifSchema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const validateSarif = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
  sarifSchema,
);

const SCALEBOX = readFileSync(new URL('../fixtures/scalebox-SECURITY.md', import.meta.url), 'utf8');

function releasedRepo() {
  const repo = gitRepo().commit('policy', { 'SECURITY.md': SCALEBOX });
  for (const tag of ['v0.1.0', 'v0.1.1', 'v0.1.2', 'v0.1.3']) repo.commit(`release ${tag}`, { VERSION: tag }).tag(tag);
  return repo;
}

function pullRequest(base: string, head: string) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: base, repo: { full_name: 'scalebox/sdk' } },
      head: { ref: 'feature', sha: head, repo: { full_name: 'scalebox/sdk', fork: false } },
    },
    repository: { full_name: 'scalebox/sdk' },
  };
}

describe.each(nodeBinaries())('dist/index.js under Node $version', ({ bin }) => {
  it('passes a clean pull request: outputs, summary and SARIF file, exit 0', async () => {
    const repo = releasedRepo();
    repo.commit('docs', { 'README.md': '# hi\n' });
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequest(repo.sha(-2), repo.sha(-1)),
      inputs: { checks: 'versions' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', failures: '0' });
    expect(run.summary).toContain('security-gate');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual(['security-gate/versions/']);
  });

  it('fails a scheduled run when the newest release has no supported row: annotation on the row, outputs, exit 1', async () => {
    const repo = releasedRepo().commit('0.2', { VERSION: 'v0.2.0' }).tag('v0.2.0');
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'schedule',
      event: { schedule: '0 3 * * *' },
      inputs: { checks: 'versions' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=SECURITY\.md,line=9,.*title=.*::/m);
    expect(run.stdout).toMatch(/^::error::security-gate: 1 finding fails the policy/m);
    expect(run.outputs).toMatchObject({ verdict: 'fail', failures: '1' });
    expect(run.summary).toContain('latest-release-unsupported');
    const json = JSON.parse(readFileSync(run.outputs['json-file']!, 'utf8'));
    expect(json.findings[0]).toMatchObject({ rule: 'latest-release-unsupported', status: 'fail' });
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'latest-release-unsupported', level: 'error' });
  });

  it('turns a policy change in a pull request into a failure, but an old problem into a warning', async () => {
    const repo = releasedRepo().commit('0.2', { VERSION: 'v0.2.0' }).tag('v0.2.0');
    const base = repo.sha(-1);
    repo.commit('unrelated', { 'src/a.js': 'x\n' });
    const untouched = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequest(base, repo.sha(-1)),
      inputs: { checks: 'versions' },
    });
    expect(untouched.code).toBe(0);
    expect(untouched.stdout).toMatch(/^::warning file=SECURITY\.md,line=9/m);

    repo.commit('edit policy', { 'SECURITY.md': SCALEBOX.replace('We release patches', 'We publish patches') });
    const touched = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequest(base, repo.sha(-1)),
      inputs: { checks: 'versions' },
    });
    expect(touched.code).toBe(1);
    expect(touched.outputs.verdict).toBe('fail');
  });

  it('lets no author name, path or commit message stop or forge a workflow command (issue 10, item 14)', async () => {
    const key = 'AKIA' + 'Q7ZL4WX2NBTR5KDM'; // generated, secret-shaped
    const repo = releasedRepo();
    const base = repo.sha(-1);
    repo.commit(
      'config\n\n::add-mask::x\n##[error]from a commit message',
      { '##[error]deploy/::stop-commands::k.env': `AWS_ACCESS_KEY_ID=${key}\n` },
      { author: 'x ##[stop-commands]y' },
    );
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequest(base, repo.sha(-1)),
      inputs: { checks: 'secrets' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stop-commands');
    const log = readRunnerLog(run.stdout);
    expect(log.stopped).toBe(false);
    expect(log.commands.filter((command) => command.syntax === 'legacy')).toEqual([]);
    expect(log.commands.map((command) => command.command)).toEqual(['error', 'error']);
    expect(log.annotations[0]!.properties.file).toBe('##[error]deploy/::stop-commands::k.env');
    expect(log.annotations[1]!.data).toMatch(/^security-gate: 1 finding fails the policy/);
  });

  it('fails the step with one clear line for a broken config file', async () => {
    const repo = releasedRepo().write({ '.github/security-gate.yml': 'fail-on: severe\n' });
    const run = await runAction(bin, { workspace: repo.dir, eventName: 'schedule', event: {} });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::security-gate: .github/security-gate.yml:1: fail-on: must be one of');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails a pull request that adds a key and an ignore for it, with a notice that the ignore applies after merge', async () => {
    const repo = gitRepo()
      .commit('base', { 'README.md': '# app\n' })
      .commit('add a key and ignore it', {
        'deploy/.env': `AWS_KEY=${awsKey(41)}\n`,
        '.github/security-gate.yml': 'ignore:\n  - id: aws-access-key-id\n    reason: mine\n    expires: 2099-12-31\n',
      });
    const event = pullRequest(repo.sha(0), repo.sha(1));
    const judged = await runAction(bin, { workspace: repo.dir, eventName: 'pull_request', event, inputs: { checks: 'secrets' } });
    expect(judged.code).toBe(1);
    expect(judged.outputs).toMatchObject({ verdict: 'fail', failures: '1' });
    expect(judged.stdout).toContain(
      '::notice::security-gate: this pull request adds .github/security-gate.yml; they take effect when it is merged (policy-from: base).',
    );

    const own = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event,
      inputs: { checks: 'secrets', 'policy-from': 'head' },
    });
    expect(own.code).toBe(0);
    expect(own.outputs).toMatchObject({ verdict: 'pass', failures: '0' });
  });

  it('names the input that has a bad value', async () => {
    const run = await runAction(bin, { workspace: releasedRepo().dir, eventName: 'schedule', event: {}, inputs: { 'fail-on': 'severe' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::security-gate: input fail-on: 'severe' must be one of "critical", "high", "medium", "low"`);
  });

  it('refuses, before the scan, a sarif-file that is a symlink committed in the repository', async () => {
    const victim = join(tempDir(), 'victim');
    writeFileSync(victim, 'precious\n');
    const repo = releasedRepo();
    symlinkSync(victim, join(repo.dir, 'results.sarif'));
    repo.commit('a link', {});
    const run = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'schedule',
      event: {},
      inputs: { checks: 'versions', 'sarif-file': 'results.sarif' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::security-gate: input sarif-file: results\.sarif is a symlink/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('fails the step with a usage error for a base that is a git option, and writes no file', async () => {
    const repo = releasedRepo().commit('docs', { 'README.md': '# hi\n' });
    const victim = join(repo.dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const fromEvent = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequest(`--output=${victim}`, repo.sha(-1)),
      inputs: { checks: 'versions' },
    });
    expect(fromEvent.code).toBe(1);
    expect(fromEvent.stdout).toMatch(/::error::security-gate: the event payload's pull_request\.base\.sha is not a commit sha/);
    const fromInput = await runAction(bin, {
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequest(repo.sha(-2), repo.sha(-1)),
      inputs: { checks: 'versions', base: `--output=${victim}` },
    });
    expect(fromInput.code).toBe(1);
    expect(fromInput.stdout).toMatch(/::error::security-gate: base revision '--output=.*' is not a commit/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('fails the step clearly when the workspace is not a git repository', async () => {
    const run = await runAction(bin, {
      workspace: join(releasedRepo().dir, '.git'),
      eventName: 'schedule',
      event: {},
      inputs: { checks: 'versions' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::security-gate: .*not a git repository/);
  });
});
