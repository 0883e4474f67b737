// The patterns that made the first version cry wolf on real histories (issue 9: axios, puma,
// flask, celery), rebuilt as real git repositories and scanned with the built-in rules through the
// check and the policy, as a maintainer's nightly run would.
import { afterAll, describe, expect, it } from 'vitest';
import { secretsCheck } from '../../../src/checks/secrets/index.js';
import { ALNUM, fake, HEX } from '../../../src/checks/secrets/rules/fake.js';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { evaluate } from '../../../src/policy/verdict.js';
import { contextFor } from '../../support/context.js';
import { cleanupTempDirs, gitRepo, type GitRepo } from '../../support/git-repo.js';

afterAll(cleanupTempDirs);

async function nightly(repo: GitRepo, config: ConfigInput = {}) {
  const parsed = configSchema.parse(config);
  const result = await secretsCheck(await contextFor(repo.dir, { mode: 'full', now: new Date('2026-11-30') }), parsed);
  const verdict = evaluate({ results: [result], config: parsed, mode: 'full', range: 'whole history', now: new Date('2026-11-30') });
  return { result, verdict };
}

describe('code is not a credential', () => {
  it("stays quiet on axios's `cancelToken: defaultToConfig2` in source, bundles and source maps", async () => {
    const merge = [
      'function mergeConfig(config1, config2) {',
      '  const mergeMap = {',
      '    cancelToken: defaultToConfig2,',
      '    timeout: defaultToConfig2,',
      '  };',
      '}',
    ].join('\n');
    const repo = gitRepo().commit('axios', {
      'lib/core/mergeConfig.js': `${merge}\n`,
      'dist/axios.js': `${merge}\n`,
      'dist/axios.min.js': `${merge.replace(/\n\s*/g, '')}\n`,
      'dist/axios.js.map': `{"version":3,"sourcesContent":[${JSON.stringify(merge)}]}\n`,
    });
    const { result } = await nightly(repo);
    expect(result.findings).toEqual([]);
    expect(result.stats).toMatchObject({ commits: 1 });
  });

  it('stays quiet on Ruby instance variables, route strings and regex literals', async () => {
    const repo = gitRepo().commit('puma', {
      'lib/puma/control.rb': [
        'ENV["X_SIGNING_KEY"] = @previous_key',
        'user = { login: @user.login, password: @user.password }',
        'argv = ["--control-token", @control_auth_token]',
        'put "/disk/:encoded_token" do',
        'URL_WITH_AUTH = %r{\\Ahttps?://(?<user>[^:/]+):(?<password>[^@/]+)@(?<host>[^/]+)}',
        'end',
      ].join('\n'),
    });
    expect((await nightly(repo)).result.findings).toEqual([]);
  });

  it('stays quiet on English prose in rst and markdown', async () => {
    const repo = gitRepo().commit('flask', {
      'CHANGES.rst': 'Never pass :data:`~flask.current_app` as sender when sending a signal.\n',
      'README.md': 'The image is a basic debian installation with the tools the token service needs.\n',
    });
    expect((await nightly(repo)).result.findings).toEqual([]);
  });

  it('reads no token out of an inline PNG in an SVG', async () => {
    // Base64 image data: runs of letters and digits between `+` and `/`, one of them starting `EAAC`
    // like a Meta token.
    const data = `iVBORw0KGgoAAAANSUhEUgAA/EAAC${fake(120, ALNUM, 'png')}+${fake(60, ALNUM, 'png2')}/${fake(40, ALNUM, 'png3')}==`;
    const repo = gitRepo().commit('logo', { 'assets/logo.svg': `<svg><image href="data:image/png;base64,${data}"/></svg>\n` });
    expect((await nightly(repo)).result.findings).toEqual([]);
  });
});

describe('where a credential is decides what it does', () => {
  it("warns on celery's fake broker URLs in t/unit and fails on nothing", async () => {
    const repo = gitRepo().commit('celery tests', {
      't/unit/backends/test_redis.py': `    url = 'redis://:${fake(16, HEX, 'celery')}@localhost:6379/1'\n`,
      't/unit/app/test_app.py': `    app.conf.broker_url = 'amqp://guest:${fake(16, HEX, 'amqp')}@broker.internal:5672//'\n`,
    });
    const { result, verdict } = await nightly(repo);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(verdict.verdict).toBe('pass');
    for (const finding of verdict.findings) expect(finding).toMatchObject({ status: 'warn', details: { pathKind: 'test' } });
  });

  it('reports a fake URL credential to a documentation host as an example', async () => {
    const repo = gitRepo().commit('config', { 'app/settings.py': "BROKER_URL = 'redis://:s3cretPassw0rd9@example.com:6379/0'\n" });
    const { verdict } = await nightly(repo);
    expect(verdict.verdict).toBe('pass');
    expect(verdict.findings).toMatchObject([{ severity: 'info', details: { example: expect.stringContaining('example.com') } }]);
  });

  it("reports one of Google's public sample API keys as an example, and any other key of that shape as a key", async () => {
    // Published in the Firebase SDKs' examples (gitleaks allowlists it); the other key is random.
    const sample = 'AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c';
    const other = `AIza${fake(35, `${ALNUM}_-`, 'gcp-other')}`;
    const repo = gitRepo().commit('maps', { 'web/maps.js': `const SAMPLE = '${sample}';\nconst KEY = '${other}';\n` });
    const { verdict } = await nightly(repo);
    const byLine = Object.fromEntries(verdict.findings.map((finding) => [finding.location.line, finding]));
    expect(byLine[1]).toMatchObject({
      rule: 'gcp-api-key',
      severity: 'info',
      status: 'warn',
      details: { example: expect.stringContaining('Google') },
    });
    expect(byLine[2]).toMatchObject({ rule: 'gcp-api-key', status: 'fail' });
    expect(byLine[2]!.details).not.toHaveProperty('example');
  });

  it('fails on a live-looking Codecov upload token in tox.ini, above any test-path fake', async () => {
    const token = `${fake(8, HEX, 'cc1')}-${fake(4, HEX, 'cc2')}-4${fake(3, HEX, 'cc3')}-a${fake(3, HEX, 'cc4')}-${fake(12, HEX, 'cc5')}`;
    const repo = gitRepo().commit('ci', {
      'tox.ini': ['[testenv:coverage]', 'commands =', `    codecov --token=${token} --required`].join('\n'),
      't/unit/test_urls.py': `BROKER = 'redis://:${fake(20, HEX, 'fake')}@broker.internal/0'\n`,
    });
    const { verdict } = await nightly(repo);
    expect(verdict.verdict).toBe('fail');
    const [first, ...rest] = verdict.findings;
    expect(first).toMatchObject({ status: 'fail', location: { path: 'tox.ini', line: 3 } });
    expect(['critical', 'high']).toContain(first!.severity);
    expect(rest.every((finding) => finding.status !== 'fail')).toBe(true);
  });
});
