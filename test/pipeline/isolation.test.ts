// Issue 10, item 12: a run that cannot finish must still report. The checks run in worker threads;
// here one of them dies for real (its heap runs out, a bug throws where nothing catches it, it calls
// process.exit, it awaits what never comes) in a real run over a real repository, and the other
// checks' findings, the job summary, SARIF, JSON report and step outputs are still written, and the
// step fails naming the check. The dying checks are test-only modules, handed to run() by a run
// option: nothing a user or a repository controls can load one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { GitHubTarget } from '../../src/config/action.js';
import type { Settings } from '../../src/config/settings.js';
import type { CheckName } from '../../src/finding.js';
import { reportToGitHub, type OutputSink } from '../../src/report/github.js';
import { renderJson } from '../../src/report/json.js';
import { renderText } from '../../src/report/text.js';
import { run, type RunOptions } from '../../src/run.js';
import { cleanupTempDirs, gitRepo } from '../support/git-repo.js';

const SCALEBOX = readFileSync(new URL('../fixtures/scalebox-SECURITY.md', import.meta.url), 'utf8');
const OSV = fileURLToPath(new URL('../fixtures/osv', import.meta.url));
const dying = (name: string) => new URL(`../support/dying-checks/${name}.ts`, import.meta.url);
// An AWS key id of the real shape (base32 after AKIA; not AWS's documented example, which the rules know as public).
const AWS_KEY = 'AKIA' + 'Q7ZL4WX2NBTR5KDM';

/** Something for every check to find: a vulnerable flask, a committed key, a release the table does not support. */
function repository() {
  const repo = gitRepo().commit('policy', { 'SECURITY.md': SCALEBOX, 'requirements.txt': 'flask==1.0.0\n' });
  for (const tag of ['v0.1.0', 'v0.1.1', 'v0.2.0']) repo.commit(`release ${tag}`, { VERSION: tag }).tag(tag);
  return repo.commit('deploy', { 'deploy/env.sh': `export AWS_ACCESS_KEY_ID=${AWS_KEY}\n` });
}

const settings = (root: string): Settings => ({ root, overrides: { deps: { 'advisory-db': OSV } }, git: true });

/** Everything the action writes, through reportToGitHub as main.ts calls it. */
async function actionReport(verdict: Parameters<typeof reportToGitHub>[0]) {
  const dir = mkdtempSync(join(tmpdir(), 'sg-isolation-'));
  const files = { sarifFile: join(dir, 'gate.sarif'), jsonFile: join(dir, 'gate.json'), summaryFile: join(dir, 'summary.md') };
  writeFileSync(files.summaryFile, '');
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  let log = '';
  const sink: OutputSink = {
    write: (text) => void (log += text),
    info: (message) => void (log += `${message}\n`),
    warning: (message) => void (log += `::warning::${message}\n`),
    notice: (message) => void (log += `::notice::${message}\n`),
    setOutput: (name, value) => void (outputs[name] = value),
    setFailed: (message) => void failed.push(message),
  };
  const github: GitHubTarget = { comment: 'false', issue: false, fork: false, scheduled: false, apiUrl: 'http://127.0.0.1:9' };
  await reportToGitHub(verdict, { ...files, github, toolVersion: 'test' }, sink);
  return {
    outputs,
    failed,
    log,
    summary: readFileSync(files.summaryFile, 'utf8'),
    sarif: JSON.parse(readFileSync(files.sarifFile, 'utf8')),
    json: JSON.parse(readFileSync(files.jsonFile, 'utf8')),
  };
}

afterAll(() => cleanupTempDirs());

describe.each<{ check: CheckName; module: string; death: RegExp; isolation?: RunOptions['isolation'] }>([
  { check: 'secrets', module: 'out-of-memory', death: /^the secrets check ran out of memory \(heap limit 64 MB\)/ },
  { check: 'deps', module: 'uncaught', death: /^the deps check crashed \(Cannot read properties of undefined \(reading 'version'\)\)/ },
  { check: 'versions', module: 'exits', death: /^the versions check stopped \(exit code 70\) before it reported/ },
  {
    check: 'deps',
    module: 'never-settles',
    death: /^the deps check stopped before it reported: it awaited something that can never happen/,
  },
  { check: 'secrets', module: 'out-of-memory', death: /^the secrets check ran out of memory \(heap limit 64 MB\)/, isolation: 'per-check' },
])('a run where the $check check dies ($module, ${isolation} workers)', ({ check, module, death, isolation }) => {
  const others = (['deps', 'secrets', 'versions'] as const).filter((name) => name !== check);
  const expected: Record<CheckName, string> = {
    deps: 'PYSEC-2023-62',
    secrets: 'aws-access-key-id',
    versions: 'latest-release-unsupported',
  };

  it('still reports the other checks, names the dead one, and fails the action and the CLI', async () => {
    const repo = repository();
    const { verdict } = await run(settings(repo.dir), { isolation, heapLimitMb: 64, checkModules: { [check]: dying(module) } });

    // The pipeline: the others' findings, and one fatal error for the dead check, naming it.
    for (const other of others) expect(verdict.findings).toContainEqual(expect.objectContaining({ check: other, rule: expected[other] }));
    expect(verdict.findings.filter((finding) => finding.check === check)).toEqual([]);
    expect(verdict.errors).toEqual([expect.objectContaining({ check, fatal: true, message: expect.stringMatching(death) })]);
    expect(verdict.verdict).toBe('fail');

    // The action: summary, SARIF, JSON report and outputs written; the step fails naming the check.
    const action = await actionReport(verdict);
    expect(action.failed).toEqual([expect.stringContaining(`left part of the scan undone in the ${check} check`)]);
    expect(action.outputs.verdict).toBe('fail');
    expect(action.summary).toMatch(new RegExp(`the ${check} check (ran out of memory|crashed|stopped)`));
    for (const other of others) expect(action.summary).toContain(expected[other]);
    const sarifRules = action.sarif.runs.flatMap((sarifRun: { results: { ruleId: string }[] }) =>
      sarifRun.results.map((result) => result.ruleId),
    );
    for (const other of others) expect(sarifRules).toContain(expected[other]);
    const notifications = JSON.stringify(action.sarif.runs.map((sarifRun: { invocations?: unknown }) => sarifRun.invocations));
    expect(notifications).toMatch(new RegExp(`the ${check} check (ran out of memory|crashed|stopped)`));
    expect(action.json.errors).toEqual([expect.objectContaining({ check, message: expect.stringMatching(death) })]);

    // The CLI prints the same verdict (exit code 1 on 'fail'): JSON and text name the dead check.
    expect(renderJson(verdict)).toMatchObject({ verdict: 'fail', errors: [expect.objectContaining({ check })] });
    const text = renderText(verdict, { color: false });
    expect(text).toMatch(new RegExp(death.source.slice(1)));
    expect(text).toMatch(new RegExp(`\n  ${check} +died `));
  });
});

describe.each<RunOptions['isolation']>(['shared', 'per-check'])('the real checks in %s workers', (isolation) => {
  it('give the same findings, stats and redaction of found values as in-process', async () => {
    const repo = repository();
    const inWorkers = (await run(settings(repo.dir), { isolation })).verdict;
    const inProcess = (await run(settings(repo.dir), { isolation: 'in-process' })).verdict;
    expect(inWorkers.errors).toEqual([]);
    expect(inWorkers.findings.map((finding) => finding.fingerprint).sort()).toEqual(
      inProcess.findings.map((finding) => finding.fingerprint).sort(),
    );
    expect(inWorkers.checks).toEqual(inProcess.checks);
    expect(inWorkers.secretValues.size).toBe(1);
    // The key came back from the secrets worker packed: the reporters can still redact it anywhere.
    const probe = `a path that repeats ${AWS_KEY}`;
    expect(renderText({ ...inWorkers, findings: [{ ...inWorkers.findings[0]!, title: probe }] }, { color: false })).not.toContain(AWS_KEY);
  });
});
