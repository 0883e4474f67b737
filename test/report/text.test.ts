import { describe, expect, it } from 'vitest';
import { renderText, shouldUseColor } from '../../src/report/text.js';
import { errorOf, findingOf, verdictOf } from '../support/verdict.js';

const ANSI = /\u001b\[[0-9;]*m/;

function mixedVerdict() {
  return verdictOf(
    [
      findingOf({ severity: 'high' }),
      findingOf({ severity: 'critical', check: 'secrets' }),
      findingOf({ check: 'versions' }),
      findingOf({ severity: 'low', location: { path: 'web/package-lock.json', line: 7 } }),
    ],
    { config: { ignore: [{ id: 'aws-access-key-id', reason: 'documented sample key', expires: '2026-12-31' }] }, errors: [errorOf()] },
  );
}

describe('renderText', () => {
  it('prints one linter-like line per finding with its message indented, then errors, then the verdict', () => {
    const text = renderText(mixedVerdict(), { color: false });
    const lines = text.split('\n').slice(text.split('\n').indexOf('') + 1); // after the header
    expect(lines[0]).toBe(
      '✖  high    deps      GHSA-29mw-wpgm-hmr9  package-lock.json:120  lodash 4.17.20: Regular Expression Denial of Service in lodash',
    );
    expect(lines[1]).toBe('    lodash 4.17.20 is affected by GHSA-29mw-wpgm-hmr9; upgrade to 4.17.21.');
    expect(lines[2]).toBe('    (high is at or above fail-on high)');
    expect(lines[3]).toBe(
      '!  medium  versions  latest-release-unsupported  SECURITY.md:9  Latest release 0.2.0 is not listed as supported',
    );
    expect(text).toContain("! error  deps  frontend/yarn.lock:212\n    unknown entry key 'resolutoin'");
    expect(lines.at(-2)).toBe('security-gate: FAIL — 1 failing, 2 warnings, 1 ignored, 1 error (fail-on: high)');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shows ignored findings, with the ignore reason, only when verbose', () => {
    const quiet = renderText(mixedVerdict(), { color: false });
    expect(quiet).not.toContain('aws-access-key-id');
    expect(quiet).toContain('\n1 ignored finding is not listed; --verbose shows it with the reason.\n');
    const verbose = renderText(mixedVerdict(), { color: false, verbose: true });
    expect(verbose).not.toContain('--verbose shows');
    expect(verbose.split('\n')).toContain('-  critical  secrets   aws-access-key-id  deploy/.env:3 @ a1b2c3d  AWS access key ID');
    expect(verbose).toContain('(ignored: documented sample key (until 2026-12-31))');
  });

  it('says PASS on a clean run, in one line after the header of what was scanned', () => {
    const text = renderText(verdictOf([], { checks: ['deps', 'versions'], stats: { deps: { lockfiles: 2, packages: 1234 } } }), {
      color: false,
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('security-gate — whole history, fail-on high');
    expect(lines[1]).toBe('  deps      lockfiles 2, packages 1,234');
    expect(lines.at(-2)).toBe('security-gate: PASS — 0 failing, 0 warnings, 0 ignored (fail-on: high)');
  });

  it('counts fatal errors and fails on them', () => {
    const text = renderText(verdictOf([], { errors: [errorOf({ fatal: true, message: 'OSV API unreachable' })] }), { color: false });
    expect(text).toContain('✖ error  deps  frontend/yarn.lock:212\n    OSV API unreachable');
    expect(text).toContain('security-gate: FAIL — 0 failing, 0 warnings, 0 ignored, 1 error (1 fatal) (fail-on: high)');
  });

  it('colours only when asked', () => {
    expect(renderText(mixedVerdict(), { color: false })).not.toMatch(ANSI);
    const coloured = renderText(mixedVerdict(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31m✖\u001b[39m');
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(renderText(mixedVerdict(), { color: false }));
  });

  it('strips terminal control sequences that come from repository or advisory text', () => {
    const text = renderText(verdictOf([findingOf({ title: 'evil \u001b[2J\u001b]0;pwned\u0007 title', message: 'msg\u001b[31m red' })]), {
      color: false,
    });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('evil [2J]0;pwned title');
  });
});

describe('shouldUseColor', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
  ])('stream %o with env %o -> %s', (stream, env, expected) => {
    expect(shouldUseColor(stream, env)).toBe(expected);
  });

  it('lists one advisory of one package version across lockfiles once, with every lockfile (issue 13)', () => {
    const findings = ['a', 'b', 'c'].map((dir) =>
      findingOf({
        rule: 'GHSA-35jh-r3h4-6jhm',
        title: 'lodash@4.17.15: Command Injection',
        location: { path: `${dir}/package-lock.json`, line: 40 },
      }),
    );
    const text = renderText(verdictOf(findings), { color: false });
    expect(text.match(/GHSA-35jh-r3h4-6jhm/g)).toHaveLength(1);
    expect(text).toContain('GHSA-35jh-r3h4-6jhm  3 lockfiles  lodash@4.17.15: Command Injection');
    expect(text).toContain('    in a/package-lock.json:40, b/package-lock.json:40, c/package-lock.json:40\n');
    expect(text).toContain('3 failing');
  });
});
