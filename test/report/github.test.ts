// reportToGitHub with a recording sink (issue 11, part 5): it reads no environment and prints
// nothing itself. The sink records what @actions/core would print, formatted as core formats it, so
// the log can be fed to the port of the runner's command parser (issue 10, items 14 and 20).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { GitHubTarget } from '../../src/config/action.js';
import type { Finding } from '../../src/finding.js';
import type { Verdict } from '../../src/policy/verdict.js';
import { reportToGitHub, type OutputSink } from '../../src/report/github.js';
import { escapeData } from '../../src/report/workflow-commands.js';
import { run } from '../../src/run.js';
import { cleanupTempDirs, gitRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { readRunnerLog } from '../support/runner-commands.js';
import { depsDetails, findingOf, verdictOf } from '../support/verdict.js';

/** What @actions/core 3 prints for each call (packages/core/src/core.ts and command.ts). */
function recordingSink() {
  const calls: { method: keyof OutputSink; args: string[] }[] = [];
  let stdout = '';
  const outputs: Record<string, string> = {};
  const sink: OutputSink = {
    write: (text) => {
      calls.push({ method: 'write', args: [text] });
      stdout += text;
    },
    info: (message) => {
      calls.push({ method: 'info', args: [message] });
      stdout += `${message}\n`;
    },
    warning: (message) => {
      calls.push({ method: 'warning', args: [message] });
      stdout += `::warning::${escapeData(message)}\n`;
    },
    notice: (message) => {
      calls.push({ method: 'notice', args: [message] });
      stdout += `::notice::${escapeData(message)}\n`;
    },
    setOutput: (name, value) => {
      calls.push({ method: 'setOutput', args: [name, value] });
      outputs[name] = value;
    },
    setFailed: (message) => {
      calls.push({ method: 'setFailed', args: [message] });
      stdout += `::error::${escapeData(message)}\n`;
    },
  };
  return { sink, calls, outputs, stdout: () => stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'sg-report-'));
const files = { sarifFile: join(dir, 'out.sarif'), jsonFile: join(dir, 'out.json') };
const noGitHub: GitHubTarget = { comment: 'false', issue: false, fork: false, scheduled: false, apiUrl: 'http://127.0.0.1:9' };

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});
afterAll(() => cleanupTempDirs());

async function report(verdict: Verdict, github: GitHubTarget = noGitHub, summaryFile?: string) {
  const recording = recordingSink();
  await reportToGitHub(verdict, { ...files, summaryFile, github, toolVersion: 'test' }, recording.sink);
  return recording;
}

/** `count` failing deps findings of different packages and `count` warning secrets. */
function manyOfEach(count: number): Finding[] {
  return [
    ...Array.from({ length: count }, (_, i) =>
      findingOf({ location: { path: `p${i}/package-lock.json`, line: 1 }, details: depsDetails({ package: `p${i}` }) }),
    ),
    ...Array.from({ length: count }, (_, i) =>
      findingOf({ check: 'secrets', introduced: false, location: { path: `s${i}.env`, line: 1 } }),
    ),
  ];
}

describe('reportToGitHub', () => {
  it('writes through the sink only: no process.stdout, no environment', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const stray = join(dir, 'env-summary.md');
    writeFileSync(stray, '');
    vi.stubEnv('GITHUB_STEP_SUMMARY', stray);
    vi.stubEnv('GITHUB_OUTPUT', join(dir, 'env-output'));
    const summaryFile = join(dir, 'summary.md');

    const recording = await report(verdictOf([findingOf()]), noGitHub, summaryFile);

    expect(write).not.toHaveBeenCalled();
    expect(readFileSync(stray, 'utf8')).toBe('');
    expect(readFileSync(summaryFile, 'utf8')).toContain('## ❌ security-gate: FAIL');
    expect(recording.outputs).toMatchObject({ verdict: 'fail', failures: '1', 'sarif-file': files.sarifFile });
    expect(recording.calls.map((call) => call.method).filter((method) => method !== 'setOutput')).toEqual(['write', 'write', 'setFailed']);
    vi.unstubAllEnvs();
  });

  it('keeps the step within 10 errors and 10 warnings, counting its own failure (issue 10, item 20)', async () => {
    const log = readRunnerLog((await report(verdictOf(manyOfEach(15)))).stdout());
    const count = (level: string) => log.annotations.filter((command) => command.command === level).length;
    expect(count('error')).toBe(10);
    expect(count('warning')).toBe(10);
    expect(log.annotations.at(-1)!.data).toMatch(/^security-gate: 15 findings fail the policy/);
    expect(log.annotations.find((command) => command.command === 'notice')!.data).toMatch(/^6 more errors and 5 more warnings not shown/);
  });

  it('counts the API warning too: a fork pull request still gets at most 10 warnings', async () => {
    const github: GitHubTarget = { ...noGitHub, comment: 'true', pullRequest: 7, fork: true, owner: 'acme', repo: 'app', token: 't' };
    const log = readRunnerLog((await report(verdictOf(manyOfEach(15)), github)).stdout());
    const warnings = log.annotations.filter((command) => command.command === 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings.at(-1)!.data).toMatch(/comes from a fork/);
    expect(log.annotations.filter((command) => command.command === 'error')).toHaveLength(10);
  });

  it('turns an unexpected failure of the comment into one warning, and still annotates', async () => {
    server = await startGitHubServer({ failWith: 500 });
    const github: GitHubTarget = {
      ...noGitHub,
      comment: 'true',
      pullRequest: 1,
      owner: 'acme',
      repo: 'app',
      token: 't',
      apiUrl: server.url,
    };
    const recording = await report(verdictOf([findingOf()]), github);
    const log = readRunnerLog(recording.stdout());
    expect(log.annotations.map((command) => command.command)).toEqual(['error', 'warning', 'error']);
    expect(log.annotations[1]!.data).toMatch(/GitHub answered 500/);
  });

  it('lets no author name, path or message stop or forge commands (issue 10, item 14)', async () => {
    const key = 'AKIA' + 'Q7ZL4WX2NBTR5KDM';
    const repo = gitRepo()
      .commit('init', { 'README.md': '# app\n' })
      .commit(
        'add config\n\n::add-mask::x\n##[error]from the commit message',
        { '##[error]deploy/::warning::x.env': `AWS_ACCESS_KEY_ID=${key}\n` },
        { author: 'x ##[stop-commands]y' },
      );
    const { verdict } = await run({ root: repo.dir, overrides: { checks: ['secrets'] }, git: true });
    const hostile = findingOf({
      check: 'versions',
      severity: 'low',
      title: '##[group]row',
      message: 'row text:\n::stop-commands::tok\n##[endgroup]\n  ::add-mask::abc',
      location: { path: 'SECURITY.md', line: 9 },
    });
    const mixed: Verdict = { ...verdict, findings: [...verdict.findings, ...verdictOf([hostile]).findings] };

    for (const subject of [verdict, mixed]) {
      const stdout = (await report(subject)).stdout();
      expect(stdout).toContain('stop-commands');
      const log = readRunnerLog(stdout);
      expect(log.stopped).toBe(false);
      // Every command the runner processes is one the action meant: an annotation line it issued.
      expect(log.commands.map((command) => command.syntax)).not.toContain('legacy');
      expect(log.commands.every((command) => ['error', 'warning', 'notice'].includes(command.command))).toBe(true);
      expect(log.annotations.some((command) => command.properties.file === '##[error]deploy/::warning::x.env')).toBe(true);
      expect(log.annotations.at(-1)!.data).toMatch(/^security-gate: 1 finding fails the policy/);
    }
  });
});
