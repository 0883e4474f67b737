// The dependencies check end to end: real git repositories, the real npm lockfile parser, the real
// OSV records (offline database or the local OSV server), and the real policy.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { depsCheck, runDepsCheck } from '../../../src/checks/deps/index.js';
import { configSchema, type Config, type ConfigInput } from '../../../src/config/schema.js';
import type { Context } from '../../../src/context/context.js';
import type { CheckResult } from '../../../src/finding.js';
import { evaluate } from '../../../src/policy/verdict.js';
import { cleanupTempDirs, gitRepo, tempDir, type GitRepo } from '../../support/git-repo.js';
import { testContext } from '../../support/context.js';
import { OSV_FIXTURES, OsvServer } from '../../support/osv-server.js';

afterAll(cleanupTempDirs);

const NOW = new Date('2026-11-24T12:00:00Z');

/** A package-lock.json v3 with these top-level packages (name -> version); `dev` names are devDependencies. */
function packageLock(deps: Record<string, string>, dev: string[] = []): string {
  const packages: Record<string, unknown> = {
    '': {
      name: 'app',
      version: '1.0.0',
      dependencies: Object.fromEntries(
        Object.entries(deps)
          .filter(([name]) => !dev.includes(name))
          .map(([name, version]) => [name, `^${version}`]),
      ),
      devDependencies: Object.fromEntries(
        Object.entries(deps)
          .filter(([name]) => dev.includes(name))
          .map(([name, version]) => [name, `^${version}`]),
      ),
    },
  };
  for (const [name, version] of Object.entries(deps)) {
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: 'sha512-AAAA',
      ...(dev.includes(name) ? { dev: true } : {}),
    };
  }
  return `${JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

function config(input: ConfigInput = {}): Config {
  return configSchema.parse({ ...input, deps: { 'advisory-db': OSV_FIXTURES, ...input.deps } });
}

function prContext(repo: GitRepo): Context {
  return testContext({ root: repo.dir, mode: 'pr', base: repo.sha(0), head: repo.sha(1), git: true, now: NOW });
}

function verdictOf(result: CheckResult, cfg: Config, mode: Context['mode'] = 'pr') {
  return evaluate({ results: [result], config: cfg, mode, range: 'test', now: NOW });
}

/** Base: minimist 1.2.5 (critical, already there) and ws 6.2.3 (fixed). The PR bumps ws into 7.5.9 (high). */
function bumpRepo(): GitRepo {
  return gitRepo()
    .commit('base', { 'package-lock.json': packageLock({ minimist: '1.2.5', ws: '6.2.3', lodash: '4.17.21' }) })
    .commit('bump ws', { 'package-lock.json': packageLock({ minimist: '1.2.5', ws: '7.5.9', lodash: '4.17.21' }) });
}

describe('the dependencies check', () => {
  it('fails a pull request that bumps a dependency into a vulnerable version, and only warns about the old one', async () => {
    const repo = bumpRepo();
    const cfg = config();
    const result = await depsCheck(prContext(repo), cfg);

    expect(result.errors).toEqual([]);
    expect(result.stats).toEqual({ lockfiles: 1, packages: 3, advisories: 2, source: 'offline' });
    const ws = result.findings.find((finding) => finding.rule === 'GHSA-3h5v-q93c-6h6q');
    const minimist = result.findings.find((finding) => finding.rule === 'GHSA-xvch-5gv4-984h');
    expect(ws).toMatchObject({
      introduced: true,
      severity: 'high',
      location: { path: 'package-lock.json' },
      details: { version: '7.5.9', fixedVersion: '7.5.10', direct: true },
    });
    expect(ws!.location.line).toBeGreaterThan(1);
    expect(ws!.message).toContain('Upgrade ws to 7.5.10 or later');
    expect(minimist).toMatchObject({ introduced: false, severity: 'critical', details: { fixedVersion: '1.2.6' } });

    const verdict = verdictOf(result, cfg);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.findings.map((finding) => `${finding.rule}:${finding.status}`)).toEqual([
      'GHSA-3h5v-q93c-6h6q:fail',
      'GHSA-xvch-5gv4-984h:warn',
    ]);
  });

  it('passes the same pull request while an ignore for the new advisory holds, and fails once it has expired', async () => {
    const repo = bumpRepo();
    const ignore = (expires: string) =>
      config({ ignore: [{ id: 'GHSA-3h5v-q93c-6h6q', package: 'ws', reason: 'ws only talks to our own server', expires }] });

    const active = ignore('2026-12-31');
    const held = verdictOf(await depsCheck(prContext(repo), active), active);
    expect(held.verdict).toBe('pass');
    expect(held.counts).toEqual({ fail: 0, warn: 1, ignored: 1, errors: 0 });

    const expired = ignore('2026-11-01');
    const lapsed = verdictOf(await depsCheck(prContext(repo), expired), expired);
    expect(lapsed.verdict).toBe('fail');
    expect(lapsed.findings.find((finding) => finding.rule === 'ignore-expired')).toMatchObject({
      status: 'fail',
      title: 'Ignore for GHSA-3h5v-q93c-6h6q expired on 2026-11-01',
    });
  });

  it('fails on every vulnerability at or above the threshold in full mode', async () => {
    const repo = bumpRepo();
    const cfg = config({ 'fail-on': 'critical' });
    const result = await depsCheck(testContext({ root: repo.dir, mode: 'full', head: 'HEAD', git: true, now: NOW }), cfg);
    expect(result.findings.every((finding) => finding.introduced === undefined)).toBe(true);
    const verdict = verdictOf(result, cfg, 'full');
    expect(verdict.findings.map((finding) => `${finding.rule}:${finding.status}`)).toEqual([
      'GHSA-xvch-5gv4-984h:fail',
      'GHSA-3h5v-q93c-6h6q:warn',
    ]);
  });

  it('counts everything in a lockfile the base did not have as introduced, and everything on a new branch', async () => {
    const repo = gitRepo()
      .commit('base', { 'README.md': 'app\n' })
      .commit('add service', { 'services/api/package-lock.json': packageLock({ minimist: '1.2.5' }) });
    const result = await depsCheck(prContext(repo), config());
    expect(result.findings.map((finding) => [finding.location.path, finding.introduced])).toEqual([
      ['services/api/package-lock.json', true],
    ]);

    const fresh = await depsCheck(
      testContext({ root: repo.dir, mode: 'push', newBranch: true, head: repo.sha(1), git: true, now: NOW }),
      config(),
    );
    expect(fresh.findings.map((finding) => finding.introduced)).toEqual([true]);
  });

  it('counts a lockfile it cannot read at the base as all introduced, and says so', async () => {
    const repo = gitRepo()
      .commit('broken', { 'package-lock.json': '{ "lockfileVersion": 3, "packages": {' })
      .commit('fixed', { 'package-lock.json': packageLock({ minimist: '1.2.5' }) });
    const result = await depsCheck(prContext(repo), config());
    expect(result.findings.map((finding) => finding.introduced)).toEqual([true]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: 'package-lock.json',
        fatal: false,
        message: expect.stringMatching(/^at the base .*count as introduced/),
      }),
    ]);
  });

  it('leaves out dev dependencies when deps.include-dev is false', async () => {
    const repo = gitRepo().commit('base', { 'package-lock.json': packageLock({ minimist: '1.2.5', ws: '7.5.9' }, ['minimist']) });
    const context: Context = testContext({ root: repo.dir, mode: 'full', head: 'HEAD', git: true, now: NOW });
    const all = await depsCheck(context, config());
    expect(all.findings.map((finding) => [finding.rule, (finding.details as { dev: boolean }).dev]).sort()).toEqual([
      ['GHSA-3h5v-q93c-6h6q', false],
      ['GHSA-xvch-5gv4-984h', true],
    ]);
    const prodOnly = await depsCheck(context, config({ deps: { 'include-dev': false } }));
    expect(prodOnly.findings.map((finding) => finding.rule)).toEqual(['GHSA-3h5v-q93c-6h6q']);
  });

  it('fails the check on a lockfile it cannot parse, naming file and line, and still checks the others', async () => {
    const repo = gitRepo().commit('base', {
      'package-lock.json': packageLock({ minimist: '1.2.5' }),
      'broken/package-lock.json': '{ "lockfileVersion": 3, "packages": {',
    });
    const context = testContext({ root: repo.dir, mode: 'full', head: 'HEAD', git: true, now: NOW });
    const cfg = config({
      'fail-on': 'critical',
      ignore: [{ id: 'GHSA-xvch-5gv4-984h', reason: 'accepted for this test', expires: '2027-01-01' }],
    });
    const result = await depsCheck(context, cfg);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['GHSA-xvch-5gv4-984h']);
    expect(result.errors).toEqual([
      {
        check: 'deps',
        path: 'broken/package-lock.json',
        line: 1,
        message: expect.stringMatching(/^invalid JSON.*deps\.exclude \(its packages were not checked\)$/),
        fatal: true,
      },
    ]);
    // Nothing else fails (the one finding is ignored): the unreadable lockfile alone fails the run.
    expect(verdictOf(result, cfg, 'full').verdict).toBe('fail');
  });

  it('only warns about an unreadable lockfile with deps.unreadable: warn, and still checks the others', async () => {
    const repo = gitRepo().commit('base', {
      'package-lock.json': packageLock({ minimist: '1.2.5' }),
      'broken/package-lock.json': '{ "lockfileVersion": 3, "packages": {',
    });
    const cfg = config({ deps: { unreadable: 'warn' } });
    const result = await depsCheck(testContext({ root: repo.dir, mode: 'full', head: 'HEAD', git: true, now: NOW }), cfg);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['GHSA-xvch-5gv4-984h']);
    expect(result.errors).toEqual([expect.objectContaining({ check: 'deps', path: 'broken/package-lock.json' })]);
    expect(result.errors[0]!.fatal).toBeFalsy();
    expect(result.errors[0]!.message).toContain('deps.unreadable is warn: its packages were NOT checked');
  });

  it('counts in its stats the packages it could not check: unpinned requirements, git and path sources', async () => {
    const repo = gitRepo().commit('base', {
      'package-lock.json': packageLock({ minimist: '1.2.5' }),
      'requirements.txt': 'flask\nrequests>=2.0\ndjango==4.2.0\n-e git+https://github.com/o/r.git#egg=r\n',
    });
    const result = await depsCheck(testContext({ root: repo.dir, mode: 'full', head: 'HEAD', git: true, now: NOW }), config());
    expect(result.stats).toEqual({ lockfiles: 2, packages: 5, unchecked: 3, advisories: 2, source: 'offline' });
  });

  it('respects deps.exclude', async () => {
    const repo = gitRepo().commit('base', {
      'package-lock.json': packageLock({ ws: '7.5.9' }),
      'examples/demo/package-lock.json': packageLock({ minimist: '1.2.5' }),
    });
    const result = await depsCheck(
      testContext({ root: repo.dir, mode: 'full', head: 'HEAD', git: true, now: NOW }),
      config({ deps: { exclude: ['examples'] } }),
    );
    expect(result.findings.map((finding) => finding.location.path)).toEqual(['package-lock.json']);
  });
});

describe('the dependencies check on a real lockfile', () => {
  it('finds the known advisories in the santatracker package-lock.json, each on its line with its path', async () => {
    const text = readFileSync(join(import.meta.dirname, 'lockfiles', 'npm', 'package-lock.v2-large-santatracker.json'), 'utf8');
    const repo = gitRepo().commit('santatracker', { 'package-lock.json': text });
    const result = await depsCheck(testContext({ root: repo.dir, mode: 'full', head: 'HEAD', git: true, now: NOW }), config());
    expect(result.errors).toEqual([]);
    expect(result.findings).toHaveLength(15);
    const line = (n: number) => text.split('\n')[n - 1];
    const qs = result.findings.find((finding) => finding.rule === 'GHSA-hrpp-h998-j3pp')!;
    expect(qs).toMatchObject({
      title: expect.stringMatching(/^qs@6\.5\.2: /),
      location: { path: 'package-lock.json', line: 5585 },
      details: { dependencyPath: ['jsdom', 'request', 'qs'], fixedVersion: '6.5.3' },
    });
    expect(line(5585)).toContain('"node_modules/qs": {');
    expect(qs.message).toContain('Dependency path: jsdom > request > qs.');
    const minimist = result.findings
      .filter((finding) => finding.rule === 'GHSA-xvch-5gv4-984h')
      .map((finding) => finding.details as { version: string; fixedVersion: string });
    expect(minimist.map(({ version, fixedVersion }) => `${version}->${fixedVersion}`).sort()).toEqual([
      '0.0.8->0.2.4',
      '1.2.0->1.2.6',
      '1.2.5->1.2.6',
    ]);
    expect(result.findings.filter((finding) => (finding.details as { dev: boolean }).dev).map((finding) => finding.title)).toEqual([
      expect.stringMatching(/^node-fetch@2\.6\.6: /),
    ]);
  });
});

describe('the dependencies check against the OSV API', () => {
  let server: OsvServer;
  beforeEach(async () => {
    server = await OsvServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const apiConfig = (input: Partial<Config['deps']> = {}) =>
    configSchema.parse({ deps: { 'osv-url': server.url, 'cache-dir': tempDir('sg-cache-'), ...input } });

  it('gives the same findings as the offline database, and asks for no record on a warm cache', async () => {
    const repo = bumpRepo();
    const cfg = apiConfig();
    const first = await runDepsCheck(prContext(repo), cfg, { retryDelayMs: 1 });
    const offline = await depsCheck(prContext(repo), config());
    expect(first.findings).toEqual(offline.findings);
    expect(first.stats).toMatchObject({ source: 'api', requests: 3 }); // one querybatch, two GETs
    server.requests.length = 0;
    const second = await runDepsCheck(prContext(repo), cfg, { retryDelayMs: 1 });
    expect(second.findings).toEqual(first.findings);
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/querybatch']);
  });

  it('fails the check when the service is down, and only warns with deps.on-source-error: warn', async () => {
    const repo = bumpRepo();
    server.down = 503;
    const failing = await runDepsCheck(prContext(repo), apiConfig(), { retryDelayMs: 1, attempts: 2 });
    expect(failing.findings).toEqual([]);
    expect(failing.errors).toEqual([
      { check: 'deps', path: server.url, message: expect.stringContaining('deps.advisory-db'), fatal: true },
    ]);
    expect(verdictOf(failing, apiConfig()).verdict).toBe('fail');

    const lenient = apiConfig({ 'on-source-error': 'warn' });
    const warned = await runDepsCheck(prContext(repo), lenient, { retryDelayMs: 1, attempts: 2 });
    expect(warned.errors).toEqual([
      expect.objectContaining({ fatal: false, message: expect.stringContaining('dependencies were NOT checked') }),
    ]);
    expect(verdictOf(warned, lenient).verdict).toBe('pass');
  });

  it('times out a hanging service instead of waiting forever', async () => {
    const repo = bumpRepo();
    server.hangNext = 10;
    const result = await runDepsCheck(prContext(repo), apiConfig(), { retryDelayMs: 1, attempts: 2, timeoutMs: 200 });
    expect(result.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('no answer within 0.2 s') })]);
  });
});

describe('the dependencies check with a missing offline database', () => {
  it('names the database path', async () => {
    const dir = tempDir('sg-nodb-');
    writeFileSync(join(dir, 'package-lock.json'), packageLock({ ws: '7.5.9' }));
    const result = await depsCheck(
      testContext({ root: dir, mode: 'full', head: 'HEAD', git: false, now: NOW }),
      configSchema.parse({ deps: { 'advisory-db': 'osv-db' } }),
    );
    expect(result.errors).toEqual([
      { check: 'deps', path: join(dir, 'osv-db'), message: expect.stringContaining('does not exist'), fatal: true },
    ]);
  });
});
