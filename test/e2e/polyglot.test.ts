// Issue 5: a repository with lockfiles of several ecosystems in several folders scans in one run,
// each finding annotated at its lockfile line. Issue 4: `security-gate inventory`.
// The built CLI (dist/cli.js) on a real git repository made of the real lockfile fixtures, with the
// offline OSV fixtures as the advisory database, under every Node version we have.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, gitRepo, type GitRepo } from '../support/git-repo.js';
import { nodeBinaries, runCli } from '../support/dist.js';

const OSV = fileURLToPath(new URL('../fixtures/osv', import.meta.url));

function fixture(name: string): string {
  return readFileSync(new URL(`../checks/deps/lockfiles/${name}`, import.meta.url), 'utf8');
}

/** Where each fixture lives in the repository, under the name its tool gives it. */
const LAYOUT: Record<string, string> = {
  'web/package-lock.json': 'npm/package-lock.v2-osv-fix.json',
  'tools/bun.lock': 'bun/bun.insecure.lock',
  'scripts/requirements.txt': 'requirements/requirements.pinned.txt',
  'py/poetry.lock': 'poetry/poetry.lock',
  'services/api/gradle.lockfile': 'gradle/gradle.lockfile',
  'services/legacy/pom.xml': 'pom/pom.xml',
  'ruby/Gemfile.lock': 'gemfile/Gemfile.lock',
  'php/composer.lock': 'composer/composer.lock',
  'go/go.mod': 'gomod/go.mod',
  'go/go.sum': 'gomod/go.sum',
  'gateway/go.mod': 'gomod/replace.go.mod',
  'rust/Cargo.lock': 'cargo/Cargo.lock',
  'rust-cli/Cargo.lock': 'cargo/Cargo.git.lock',
};
const FILES = Object.fromEntries(Object.entries(LAYOUT).map(([path, name]) => [path, fixture(name)]));
const LOCKFILES = Object.keys(LAYOUT).filter((path) => !path.endsWith('go.sum'));

/** Lines `line`..`line + count - 1` of a lockfile, to check what a reported line declares. */
function linesAt(path: string, line: number, count = 1): string {
  return FILES[path]!.split('\n')
    .slice(line - 1, line - 1 + count)
    .join('\n');
}

interface Expected {
  rule: string;
  ecosystem: string;
  name: string;
  version: string;
  path: string;
  line: number;
  /** What the lockfile says at (and just after) `line`: proves the line declares the package. */
  declares: RegExp;
  span?: number;
}

// Every package in these lockfiles that an advisory in test/fixtures/osv covers, worked out by hand:
// - log4j-core 2.14.1 is in GHSA-jfh8-c2jp-5v3q's 2.13.0..2.15.0 range (gradle lockfile, and pom.xml via ${log4j.version});
// - regex 1.5.4 < 1.5.5 (RUSTSEC-2022-0013), from Cargo.git.lock;
// - gateway/go.mod: gin 1.9.0 < 1.9.1 (GO-2023-1737); `toolchain go1.22.3` is in 1.22.0..1.22.4 (GO-2024-2887);
//   golang.org/x/net v0.7.0 is replaced by v0.17.0, the fix of GO-2023-2102, so no finding;
// - flask 1.0.0 < 2.2.5 (PYSEC-2023-62); requests 2.20.0 in 2.3.0..2.31.0 (PYSEC-2023-74) but not below 2.20.0
//   (PYSEC-2018-28); django 1.11.29 is outside PYSEC-2023-100's 3.2+ ranges;
// - semver 4.3.6 < 5.7.2 (GHSA-c2qf-rxjj-qqgw); qs 6.5.3, minimatch 3.1.2, minimist 1.2.8 are fixed versions;
// - bun (has-flag, wrappy), Gemfile.lock (no rack), composer.lock (no guzzle), poetry (urllib3 2.5.0), go/go.mod
//   (go 1.23) and rust/Cargo.lock have nothing the database covers.
const EXPECTED: Expected[] = [
  {
    rule: 'GHSA-jfh8-c2jp-5v3q',
    ecosystem: 'Maven',
    name: 'org.apache.logging.log4j:log4j-core',
    version: '2.14.1',
    path: 'services/api/gradle.lockfile',
    line: 6,
    declares: /^org\.apache\.logging\.log4j:log4j-core:2\.14\.1=runtimeClasspath$/,
  },
  {
    rule: 'GHSA-jfh8-c2jp-5v3q',
    ecosystem: 'Maven',
    name: 'org.apache.logging.log4j:log4j-core',
    version: '2.14.1',
    path: 'services/legacy/pom.xml',
    line: 33,
    declares: /^\s*<dependency>\n\s*<groupId>org\.apache\.logging\.log4j<\/groupId>\n\s*<artifactId>log4j-core<\/artifactId>$/,
    span: 3,
  },
  {
    rule: 'RUSTSEC-2022-0013',
    ecosystem: 'crates.io',
    name: 'regex',
    version: '1.5.4',
    path: 'rust-cli/Cargo.lock',
    line: 22,
    declares: /^\[\[package\]\]\nname = "regex"\nversion = "1\.5\.4"$/,
    span: 3,
  },
  {
    rule: 'GO-2024-2887',
    ecosystem: 'Go',
    name: 'stdlib',
    version: '1.22.3',
    path: 'gateway/go.mod',
    line: 5,
    declares: /^toolchain go1\.22\.3$/,
  },
  {
    rule: 'GO-2023-1737',
    ecosystem: 'Go',
    name: 'github.com/gin-gonic/gin',
    version: '1.9.0',
    path: 'gateway/go.mod',
    line: 8,
    declares: /^\tgithub\.com\/gin-gonic\/gin v1\.9\.0$/,
  },
  {
    rule: 'PYSEC-2023-62',
    ecosystem: 'PyPI',
    name: 'flask',
    version: '1.0.0',
    path: 'scripts/requirements.txt',
    line: 1,
    declares: /^flask==1\.0\.0$/,
  },
  {
    rule: 'PYSEC-2023-74',
    ecosystem: 'PyPI',
    name: 'requests',
    version: '2.20.0',
    path: 'scripts/requirements.txt',
    line: 3,
    declares: /^requests==2\.20\.0$/,
  },
  {
    rule: 'GHSA-c2qf-rxjj-qqgw',
    ecosystem: 'npm',
    name: 'semver',
    version: '4.3.6',
    path: 'web/package-lock.json',
    line: 724,
    declares: /^\s*"node_modules\/semver": \{\n\s*"version": "4\.3\.6",$/,
    span: 2,
  },
];

/** gateway/go.mod: `replace github.com/old/lib => github.com/new/lib v1.2.3`. */
const REPLACED: Record<string, string> = { 'github.com/new/lib': 'github.com/old/lib' };

const key = (rule: string, path: string, line: number) => `${rule} ${path}:${line}`;
const EXPECTED_KEYS = EXPECTED.map((e) => key(e.rule, e.path, e.line)).sort();

interface Finding {
  check: string;
  rule: string;
  status: string;
  location: { path: string; line: number | null };
  details: { ecosystem: string; package: string; version: string };
}
interface Report {
  verdict: string;
  findings: Finding[];
  errors: { check: string; path: string; line: number | null; message: string; fatal: boolean }[];
}
interface Package {
  ecosystem: string;
  name: string;
  version: string;
  lockfile: string;
  line: number;
  dev: boolean;
  direct: boolean;
  path: string[];
}

/** A 1-based line of a broken file where the parser gives up: the end of a truncated file. */
function truncatedLockfile(): { text: string; line: number } {
  const text = FILES['web/package-lock.json']!;
  const cut = text.indexOf('"resolved": "https://', 2000) + '"resolved": "https://regis'.length;
  const truncated = text.slice(0, cut);
  return { text: truncated, line: truncated.split('\n').length };
}

/** Cargo.git.lock with the closing quote of regex's version removed: invalid TOML on that line. */
function unterminatedCargoLock(): { text: string; line: number } {
  const text = FILES['rust-cli/Cargo.lock']!.replace('name = "regex"\nversion = "1.5.4"\n', 'name = "regex"\nversion = "1.5.4\n');
  return { text, line: text.split('\n').indexOf('version = "1.5.4') + 1 };
}

let repo: GitRepo;
let broken: GitRepo;
const BROKEN_JSON = truncatedLockfile();
const BROKEN_TOML = unterminatedCargoLock();

beforeAll(() => {
  repo = gitRepo().commit('polyglot monorepo', FILES);
  broken = gitRepo()
    .commit('polyglot monorepo', FILES)
    .commit('two broken lockfiles', { 'broken/package-lock.json': BROKEN_JSON.text, 'broken2/Cargo.lock': BROKEN_TOML.text });
});
afterAll(() => cleanupTempDirs());

it('the fixtures say what the expectations claim, at the lines claimed', () => {
  for (const e of EXPECTED) expect(linesAt(e.path, e.line, e.span), `${e.path}:${e.line}`).toMatch(e.declares);
  expect(FILES['services/legacy/pom.xml']).toContain('<log4j.version>2.14.1</log4j.version>');
  expect(FILES['gateway/go.mod']).toMatch(/golang\.org\/x\/net v0\.7\.0 => golang\.org\/x\/net v0\.17\.0/);
  expect(BROKEN_JSON.text.split('\n').at(-1)).toMatch(/"resolved": "https:\/\/regis$/);
  expect(BROKEN_TOML.line).toBe(24);
});

describe.each(nodeBinaries())('dist/cli.js under Node $version', ({ bin }) => {
  const scan = (dir: string, format: string) =>
    runCli(bin, ['scan', '.', '--checks', 'deps', '--advisory-db', OSV, '--format', format], dir);

  it('scans every lockfile of every folder in one run, each finding at the line declaring its package', () => {
    const run = scan(repo.dir, 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.verdict).toBe('fail');
    expect(report.errors).toEqual([]);

    const deps = report.findings.filter((f) => f.check === 'deps');
    expect(deps.map((f) => key(f.rule, f.location.path, f.location.line!)).sort()).toEqual(EXPECTED_KEYS);
    expect(new Set(deps.map((f) => f.details.ecosystem))).toEqual(new Set(['npm', 'PyPI', 'Maven', 'Go', 'crates.io']));
    for (const e of EXPECTED) {
      const finding = deps.find((f) => f.rule === e.rule && f.location.path === e.path)!;
      expect(finding.details).toMatchObject({ ecosystem: e.ecosystem, package: e.name, version: e.version });
      expect(linesAt(finding.location.path, finding.location.line!, e.span)).toMatch(e.declares);
    }
    // The policy still applies per finding: critical log4j and high regex fail, unscored/medium ones warn.
    expect(
      deps
        .filter((f) => f.status === 'fail')
        .map((f) => f.location.path)
        .sort(),
    ).toEqual(['rust-cli/Cargo.lock', 'services/api/gradle.lockfile', 'services/legacy/pom.xml']);
  });

  it('names path:line of each finding in the text report', () => {
    const run = scan(repo.dir, 'text');
    expect(run.code).toBe(1);
    // One advisory of one package version in several lockfiles is one entry listing them all (issue 13).
    for (const e of EXPECTED) {
      const entry = run.stdout.split(/\n(?=[✖!-] )/).find((block) => block.includes(`  ${e.rule}  `));
      expect(entry, e.rule).toMatch(new RegExp(`(  ${e.rule}  |\\bin .*)${e.path.replace(/[.]/g, '\\.')}:${e.line}\\b`));
    }
  });

  it('puts each SARIF result at the lockfile URI and start line', () => {
    const run = scan(repo.dir, 'sarif');
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const results = log.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    const placed = results.map((r) =>
      key(r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine),
    );
    expect(placed.sort()).toEqual(EXPECTED_KEYS);
  });

  it('reports a broken lockfile as an error naming file and line, and still every finding of the others', () => {
    const run = scan(broken.dir, 'json');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.errors).toHaveLength(2);
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        check: 'deps',
        path: 'broken/package-lock.json',
        line: BROKEN_JSON.line,
        fatal: true, // an unreadable lockfile fails (deps.unreadable: fail)
        message: expect.stringMatching(/JSON/),
      }),
    );
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        check: 'deps',
        path: 'broken2/Cargo.lock',
        line: BROKEN_TOML.line,
        fatal: true,
        message: expect.stringMatching(/TOML/),
      }),
    );
    const deps = report.findings.filter((f) => f.check === 'deps');
    expect(deps.map((f) => key(f.rule, f.location.path, f.location.line!)).sort()).toEqual(EXPECTED_KEYS);

    const text = scan(broken.dir, 'text');
    expect(text.stdout).toContain(`broken/package-lock.json:${BROKEN_JSON.line}`);
    expect(text.stdout).toContain(`broken2/Cargo.lock:${BROKEN_TOML.line}`);
  });

  it('inventory lists every package of every ecosystem with its lockfile and line', () => {
    const run = runCli(bin, ['inventory', '.', '--format', 'json'], repo.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { packages } = JSON.parse(run.stdout) as { packages: Package[] };

    expect(new Set(packages.map((p) => p.ecosystem))).toEqual(
      new Set(['npm', 'PyPI', 'Maven', 'RubyGems', 'Packagist', 'Go', 'crates.io']),
    );
    expect(new Set(packages.map((p) => p.lockfile))).toEqual(new Set(LOCKFILES));
    for (const p of packages) {
      expect(p).toMatchObject({
        ecosystem: expect.any(String),
        name: expect.any(String),
        version: expect.any(String),
        lockfile: expect.any(String),
        dev: expect.any(Boolean),
        direct: expect.any(Boolean),
      });
      expect(p.path.every((step) => typeof step === 'string')).toBe(true);
      expect(p.line, `${p.name} in ${p.lockfile}`).toBeGreaterThan(0);
      expect(p.line).toBeLessThanOrEqual(FILES[p.lockfile]!.split('\n').length);
      // The line (or the two after it, for block formats: Cargo/poetry tables, pom <dependency>) names the
      // package; Go's stdlib is the go/toolchain directive; a `replace` target sits at the require it replaces.
      if (p.ecosystem === 'Go' && p.name === 'stdlib') expect(linesAt(p.lockfile, p.line)).toMatch(/^(go |toolchain go)\d/);
      else
        expect(linesAt(p.lockfile, p.line, 3), `${p.name} at ${p.lockfile}:${p.line}`).toContain(
          REPLACED[p.name] ?? p.name.split(':').at(-1),
        );
    }

    const entry = (lockfile: string, name: string) => packages.find((p) => p.lockfile === lockfile && p.name === name);
    expect(entry('scripts/requirements.txt', 'flask')).toEqual(
      expect.objectContaining({ ecosystem: 'PyPI', version: '1.0.0', line: 1, dev: false, direct: true, path: ['flask'] }),
    );
    expect(entry('services/api/gradle.lockfile', 'org.apache.logging.log4j:log4j-core')).toEqual(
      expect.objectContaining({ ecosystem: 'Maven', version: '2.14.1', line: 6, dev: false }),
    );
    expect(entry('services/legacy/pom.xml', 'org.apache.logging.log4j:log4j-core')).toEqual(
      expect.objectContaining({ ecosystem: 'Maven', version: '2.14.1', line: 33, direct: true }),
    );
    expect(entry('web/package-lock.json', 'semver')).toEqual(
      expect.objectContaining({
        ecosystem: 'npm',
        version: '4.3.6',
        line: 724,
        dev: false,
        direct: false,
        path: ['npm-registry-client', 'semver'],
      }),
    );
    expect(entry('tools/bun.lock', 'has-flag')).toEqual(
      expect.objectContaining({ ecosystem: 'npm', version: '4.0.0', line: 13, direct: true }),
    );
    expect(entry('ruby/Gemfile.lock', 'addressable')).toEqual(
      expect.objectContaining({ ecosystem: 'RubyGems', version: '2.9.0', line: 4 }),
    );
    expect(entry('php/composer.lock', 'drupal/core')).toEqual(
      expect.objectContaining({ ecosystem: 'Packagist', version: '10.4.5', line: 10 }),
    );
    expect(entry('gateway/go.mod', 'golang.org/x/net')).toEqual(expect.objectContaining({ ecosystem: 'Go', version: '0.17.0', line: 9 }));
    expect(entry('py/poetry.lock', 'urllib3')).toEqual(expect.objectContaining({ ecosystem: 'PyPI', version: '2.5.0', line: 2 }));
    // Each of those lines is where the lockfile declares the package.
    expect(linesAt('tools/bun.lock', 13)).toContain('"has-flag": ["has-flag@4.0.0"');
    expect(linesAt('ruby/Gemfile.lock', 4)).toBe('    addressable (2.9.0)');
    expect(linesAt('php/composer.lock', 10)).toBe('      "name": "drupal/core",');
    expect(linesAt('gateway/go.mod', 9)).toBe('\tgolang.org/x/net v0.7.0 // indirect');
    expect(linesAt('py/poetry.lock', 2, 2)).toBe('[[package]]\nname = "urllib3"');
  });

  it('inventory of one lockfile lists its packages', () => {
    const json = runCli(bin, ['inventory', 'scripts/requirements.txt', '--format', 'json'], repo.dir);
    expect(json.code).toBe(0);
    const { packages } = JSON.parse(json.stdout) as { packages: Package[] };
    expect(packages.map((p) => [p.name, p.version, p.lockfile, p.line])).toEqual([
      ['flask', '1.0.0', 'scripts/requirements.txt', 1],
      ['django', '1.11.29', 'scripts/requirements.txt', 2],
      ['requests', '2.20.0', 'scripts/requirements.txt', 3],
    ]);

    const text = runCli(bin, ['inventory', 'scripts/requirements.txt'], repo.dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^scripts\/requirements\.txt$/m);
    expect(text.stdout).toMatch(/^\s+flask\s+1\.0\.0\s+:1\b/m);
  });

  it('inventory text names every lockfile', () => {
    const run = runCli(bin, ['inventory', '.'], repo.dir);
    expect(run.code).toBe(0);
    for (const lockfile of LOCKFILES) expect(run.stdout).toMatch(new RegExp(`^${lockfile.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('inventory of a missing path exits 2 with a clear message and no stack trace', () => {
    const run = runCli(bin, ['inventory', 'nonexistent'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/nonexistent: no such file or folder/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
