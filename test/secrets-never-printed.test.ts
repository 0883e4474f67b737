// Issue 3, "Never print a secret": every output (text, JSON, SARIF, annotations, summary, action
// outputs, PR comment, error messages, debug logs) shows at most a short prefix and a mask. A real
// repository holds every built-in rule's secret examples; the real pipeline scans it in each mode,
// every reporter renders the verdict, the built CLI prints it, and no raw value may appear in any
// byte of any of it. Issue 10, item 13: nor where the same value is also carried by something no
// check redacts (a file path, a commit author's name, a SECURITY.md row, deps.osv-url credentials).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect, detectorFor } from './checks/secrets/test-rules.js';
import { BUILTIN_RULES } from '../src/checks/secrets/rules/builtin.js';
import { redact } from '../src/finding.js';
import type { Settings } from '../src/config/settings.js';
import type { Verdict } from '../src/policy/verdict.js';
import { renderAnnotations } from '../src/report/annotations.js';
import { ISSUE_MARKER, renderComment } from '../src/report/comment.js';
import { renderJson } from '../src/report/json.js';
import { actionOutputs } from '../src/report/outputs.js';
import { renderSarif } from '../src/report/sarif.js';
import { renderSummary } from '../src/report/summary.js';
import { renderText } from '../src/report/text.js';
import { run } from '../src/run.js';
import { nodeBinaries, runCli } from './support/dist.js';
import { cleanupTempDirs, gitRepo, type GitRepo } from './support/git-repo.js';

/** Shorter values could occur in an output by chance (a word, a hash fragment), so they prove nothing. */
const MIN_SECRET_LENGTH = 8;
/** The scan must find most rules' examples, or "nothing leaked" would be a hollow pass. */
const MIN_RULE_SHARE = 0.9;

interface RawSecret {
  /** The rule whose example line held it (the one to name in a failure). */
  rule: string;
  value: string;
}

/** The exact values the scanner extracts from every example line: what must never be printed. */
function rawSecrets(): RawSecret[] {
  const detector = detectorFor(BUILTIN_RULES);
  const byValue = new Map<string, RawSecret>();
  for (const rule of BUILTIN_RULES) {
    for (const example of rule.examples.secret) {
      for (const match of detect(detector, example, `config/${rule.id}.env`)) {
        if (match.secret.length >= MIN_SECRET_LENGTH && !byValue.has(match.secret))
          byValue.set(match.secret, { rule: rule.id, value: match.secret });
      }
    }
  }
  return [...byValue.values()];
}

/** One file per rule, so a finding's path names the rule whose example it came from. */
function exampleFiles(rules: typeof BUILTIN_RULES): Record<string, string> {
  return Object.fromEntries(rules.map((rule) => [`config/${rule.id}.env`, `${rule.examples.secret.join('\n')}\n`]));
}

/** Every output a user, a runner or a PR reader can see, from one verdict. */
function renderAll(verdict: Verdict): Record<string, string> {
  return {
    ...renderedOutputs(verdict),
    'verdict (errors included)': JSON.stringify(verdict),
  };
}

/** What the reporters print (the verdict itself may hold a raw value in a path: it is never printed). */
function renderedOutputs(verdict: Verdict): Record<string, string> {
  return {
    text: renderText(verdict, { color: false, verbose: true }),
    'text (color)': renderText(verdict, { color: true, verbose: true }),
    json: JSON.stringify(renderJson(verdict)),
    sarif: JSON.stringify(renderSarif(verdict, { toolVersion: 'test' })),
    annotations: renderAnnotations(verdict).join('\n'),
    summary: renderSummary(verdict),
    'action outputs': JSON.stringify(actionOutputs(verdict, {})),
    comment: renderComment(verdict, {}),
    'nightly issue': renderComment(verdict, { marker: ISSUE_MARKER }),
  };
}

/** Leaks as "rule in output: redacted", never the raw value, so a failing run prints no secret either. */
function leaksIn(outputs: Record<string, string>, secrets: RawSecret[]): string[] {
  const leaks: string[] = [];
  for (const [name, text] of Object.entries(outputs)) {
    for (const secret of secrets) {
      if (text.includes(secret.value)) leaks.push(`${secret.rule} in ${name}: ${redact(secret.value)} (${secret.value.length} chars)`);
    }
  }
  return leaks;
}

const REDACTED = /^[^*]{0,4}\*+$/;

/** dist/cli.js as a user runs it (runCli keeps outputs up to 256 MiB: this fixture's SARIF is over 1 MiB). */
function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  return runCli(nodeBinaries()[0]!.bin, args, cwd, env);
}

/** A value safe to put inside a TOML or YAML string (letters, digits, `_`, `-`). */
function plainSecret(secrets: RawSecret[]): RawSecret {
  return secrets.find((secret) => /^[A-Za-z0-9_-]{20,}$/.test(secret.value))!;
}

describe('no raw secret reaches any output (issue 3)', () => {
  const secrets = rawSecrets();
  let repo: GitRepo;
  const verdicts: Record<string, Verdict> = {};

  beforeAll(async () => {
    const half = Math.ceil(BUILTIN_RULES.length / 2);
    repo = gitRepo()
      .commit('readme', { 'README.md': '# fixture full of secrets\n' })
      .commit('first half', exampleFiles(BUILTIN_RULES.slice(0, half)))
      .commit('second half', {
        ...exampleFiles(BUILTIN_RULES.slice(half)),
        // A broken file whose bad line holds a secret: the error message must not quote it.
        '.gitleaks.toml': `[[rules]]\nid = "pasted"\nregex = "${plainSecret(secrets).value}\\q"\n`,
      });
    const base: Settings = { root: repo.dir, overrides: { checks: ['secrets'] }, git: true };
    const runs: Record<string, Settings> = {
      'full history': base,
      pr: { ...base, base: repo.sha(0), head: repo.sha(-1) },
      'working tree': { ...base, git: false },
    };
    for (const [name, settings] of Object.entries(runs)) verdicts[name] = (await run(settings)).verdict;
  }, 60_000);

  afterAll(() => cleanupTempDirs());

  it('the leak check itself catches a raw value (so a pass means something)', () => {
    const secret = secrets[0]!;
    expect(leaksIn({ probe: `before ${secret.value} after` }, [secret])).toHaveLength(1);
    expect(leaksIn({ probe: `before ${redact(secret.value)} after` }, [secret])).toEqual([]);
  });

  it('has secrets to look for: every rule gives at least one value', () => {
    expect(new Set(secrets.map((secret) => secret.rule)).size).toBeGreaterThanOrEqual(BUILTIN_RULES.length * MIN_RULE_SHARE);
    expect(secrets.length).toBeGreaterThanOrEqual(BUILTIN_RULES.length);
  });

  describe.each(['full history', 'pr', 'working tree'])('%s scan', (name) => {
    it("finds most rules' examples", () => {
      const verdict = verdicts[name]!;
      const found = new Set(verdict.findings.filter((finding) => finding.check === 'secrets').map((finding) => finding.rule));
      const missing = BUILTIN_RULES.filter((rule) => !found.has(rule.id)).map((rule) => rule.id);
      expect(found.size, `rules not found: ${missing.join(', ')}`).toBeGreaterThanOrEqual(BUILTIN_RULES.length * MIN_RULE_SHARE);
      expect(verdict.verdict).toBe('fail');
      // The broken .gitleaks.toml is reported, so error messages are part of what is checked.
      expect(verdict.errors.map((error) => error.path)).toContain('.gitleaks.toml');
    });

    it('prints no raw secret in any reporter', () => {
      expect(leaksIn(renderAll(verdicts[name]!), secrets)).toEqual([]);
    });

    it('keeps at most a 4-character prefix and a mask in details.redacted', () => {
      const bad = verdicts[name]!.findings.filter((finding) => finding.details.kind === 'secrets')
        .filter((finding) => !REDACTED.test((finding.details as { redacted: string }).redacted))
        .map((finding) => `${finding.rule} at ${finding.location.path}:${finding.location.line ?? '?'}`);
      expect(bad).toEqual([]);
    });
  });

  describe('the built CLI', () => {
    const invocations: Record<string, { args: () => string[]; env?: Record<string, string> }> = {
      'text (verbose, debug)': { args: () => ['scan', '--checks', 'secrets', '--verbose'], env: { SECURITY_GATE_DEBUG: '1' } },
      json: { args: () => ['scan', '--checks', 'secrets', '--format', 'json'] },
      sarif: { args: () => ['scan', '--checks', 'secrets', '--format', 'sarif'] },
      'text --no-git': { args: () => ['scan', '--checks', 'secrets', '--no-git', '--verbose'] },
      'json --base': { args: () => ['scan', '--checks', 'secrets', '--format', 'json', '--base', repo.sha(0)] },
    };

    it.each(Object.keys(invocations))(
      '%s: no raw secret on stdout or stderr',
      (name) => {
        const { args, env } = invocations[name]!;
        const result = cli(args(), repo.dir, env);
        expect(result.code, result.stderr).toBe(1);
        // The run reported findings and the broken file, so there was something to leak.
        expect(result.stdout).toContain('aws-access-key-id');
        expect(result.stdout).toContain('.gitleaks.toml');
        expect(leaksIn({ [`${name} stdout`]: result.stdout, [`${name} stderr`]: result.stderr }, secrets)).toEqual([]);
      },
      60_000,
    );
  });

  describe('a config error on a line that holds a secret', () => {
    // Someone pastes a token into the config: the error names the file and line, never the value.
    const configs: Record<string, (value: string) => string> = {
      'invalid YAML': (value) => `checks: [secrets]\ntoken: ${value}: : [\n`,
      'unknown key': (value) => `checks: [secrets]\n${value}: true\n`,
      'wrong type': (value) => `checks: [secrets]\nfail-on: ${value}\n`,
    };

    it.each(Object.keys(configs))(
      '%s: run() rejects, and the CLI says why, without the value',
      async (name) => {
        const secret = plainSecret(secrets);
        const broken = gitRepo().commit('config', { '.security-gate.yml': configs[name]!(secret.value) });
        const message = await run({ root: broken.dir, overrides: { checks: ['secrets'] }, git: true }).then(
          () => 'no error',
          (error: unknown) => (error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)),
        );
        expect(message).toContain('.security-gate.yml');
        const result = cli(['scan'], broken.dir, { SECURITY_GATE_DEBUG: '1' });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('.security-gate.yml');
        expect(leaksIn({ 'run() error': message, 'CLI stdout': result.stdout, 'CLI stderr': result.stderr }, [secret])).toEqual([]);
      },
      60_000,
    );
  });

  describe('values found decoded, and a staged scan (issue 9)', () => {
    const awsKey = 'AKIA' + 'Q7ZL4WX2NBTR5KDM';
    const token = `ghp_${'Zq8Lw2Mn4Rt6Vx9By1Cd3Ef5Gh7Jk0Np2Qs4'}`;
    const encodedKey = Buffer.from(`aws_access_key_id = ${awsKey}\n`).toString('base64');
    const encodedToken = Buffer.from(`{"auths":{"ghcr.io":{"token":"${token}"}}}`).toString('base64');
    // The decoded values, and their encoded forms: either one printed is the secret printed.
    const carried: RawSecret[] = [
      { rule: 'aws-access-key-id', value: awsKey },
      { rule: 'github-pat', value: token },
      { rule: 'aws-access-key-id (encoded)', value: encodedKey },
      { rule: 'github-pat (encoded)', value: encodedToken },
    ];
    let staged: GitRepo;
    let verdict: Verdict;

    beforeAll(async () => {
      staged = gitRepo().commit('base', { 'README.md': '# app\n' });
      staged.write({ 'deploy/credentials.yaml': `data:\n  aws: ${encodedKey}\n  registry: ${encodedToken}\n` }).git('add', '-A');
      verdict = (await run({ root: staged.dir, overrides: {}, git: true, staged: true })).verdict;
    }, 60_000);

    it('finds both values inside their base64, from the staged index (so the test means something)', () => {
      const found = verdict.findings.filter((finding) => finding.check === 'secrets');
      expect(found.map((finding) => finding.rule).sort()).toEqual(['aws-access-key-id', 'github-pat']);
      for (const finding of found) expect(finding.details).toMatchObject({ decoded: 'base64' });
      expect(verdict.secretValues.size).toBeGreaterThanOrEqual(4);
    });

    it('masks decoded values and their encoded forms in every reporter and every new field', () => {
      expect(leaksIn(renderAll(verdict), carried)).toEqual([]);
      expect(leaksIn({ verdict: JSON.stringify(verdict) }, carried)).toEqual([]);
    });

    it('prints neither in what the built CLI says for --staged', () => {
      for (const format of ['text', 'json', 'sarif']) {
        const result = cli(['scan', '--staged', '--format', format], staged.dir);
        expect(result.code, result.stderr).toBe(1);
        expect(result.stdout).toContain('github-pat');
        expect(leaksIn({ [`${format} stdout`]: result.stdout, [`${format} stderr`]: result.stderr }, carried)).toEqual([]);
      }
    });
  });

  describe('a found value that is also in a path, an author name, a SECURITY.md row and the deps.osv-url credentials', () => {
    // Secret-shaped, generated: an AWS access key ID (base32 after AKIA, found by its format wherever it is committed).
    const key = 'AKIA' + 'Q7ZL4WX2NBTR5KDM';
    const carriers = { rule: 'aws-access-key-id', value: key };
    let carried: GitRepo;
    let verdict: Verdict;

    beforeAll(async () => {
      carried = gitRepo()
        .commit(
          'policy, lockfile and config',
          {
            'SECURITY.md': `# Security\n\n## Supported Versions\n\n| Version | Supported |\n| --- | --- |\n| ${key} | :white_check_mark: |\n`,
            'package-lock.json': JSON.stringify({
              name: 'app',
              lockfileVersion: 3,
              packages: { '': { name: 'app' }, 'node_modules/lodash': { version: '4.17.20' } },
            }),
            '.github/security-gate.yml': `deps:\n  osv-url: http://gate:${key}@127.0.0.1:9\n`,
          },
          { author: `Dev ${key}` },
        )
        .commit('key in a file named after it', { [`deploy/${key}.env`]: `AWS_ACCESS_KEY_ID=${key}\n` }, { author: `Dev ${key}` })
        .tag('v1.0.0');
      verdict = (await run({ root: carried.dir, overrides: {}, git: true })).verdict;
    }, 60_000);

    it('is carried raw by the verdict itself in each place (so the test means something)', () => {
      const findings = verdict.findings;
      expect(findings.some((finding) => finding.location.path === `deploy/${key}.env`)).toBe(true);
      expect(findings.some((finding) => finding.details.kind === 'secrets' && finding.details.author === `Dev ${key}`)).toBe(true);
      expect(findings.some((finding) => finding.check === 'versions' && JSON.stringify(finding).includes(key))).toBe(true);
      expect(verdict.errors.some((error) => error.check === 'deps' && `${error.path} ${error.message}`.includes(key))).toBe(true);
      expect(verdict.secretValues.size).toBeGreaterThan(0);
    });

    it('is masked in every reporter: text, JSON, SARIF, annotations, summary, outputs, comment and issue', () => {
      const outputs = renderedOutputs(verdict);
      expect(leaksIn(outputs, [carriers])).toEqual([]);
      // Masked, not dropped: the reader still sees where and what.
      expect(outputs.text).toContain(`deploy/${redact(key)}.env`);
      expect(outputs.text).toContain(`Dev ${redact(key)}`);
    });

    it('never serialises or prints the raw values the verdict carries for redaction', async () => {
      const { inspect } = await import('node:util');
      expect(JSON.stringify(verdict.secretValues)).toBeUndefined();
      expect(JSON.stringify({ values: verdict.secretValues })).toBe('{}');
      expect(inspect(verdict.secretValues, { showHidden: true, depth: 5 })).toMatch(/^SecretValues\(\d+\)$/);
      expect(Object.keys(verdict.secretValues)).toEqual([]);
      expect(JSON.stringify(structuredClone(verdict.secretValues))).toBe('{}');
      // The existing fixture's verdict, as JSON, holds none of its found values.
      expect(leaksIn({ verdict: JSON.stringify(verdicts['full history']) }, secrets)).toEqual([]);
    });

    it('is masked in what the built CLI prints', () => {
      for (const format of ['text', 'json', 'sarif']) {
        const result = cli(['scan', '--format', format, '--verbose'], carried.dir);
        expect(result.code, result.stderr).toBe(1);
        expect(leaksIn({ [`${format} stdout`]: result.stdout, [`${format} stderr`]: result.stderr }, [carriers])).toEqual([]);
      }
    }, 120_000);
  });
});
