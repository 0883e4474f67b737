import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, rankForAnnotations, renderAnnotations } from '../../src/report/annotations.js';
import { depsDetails, errorOf, findingOf, verdictOf } from '../support/verdict.js';

/** Undo the runner's escaping (actions/runner ActionCommand.Unescape) to read a command back. */
function parse(line: string) {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), unescape(pair.slice(at + 1))];
      }),
  );
  return { level: match[1]!, properties, message: unescape(match[3]!) };
}

describe('renderAnnotations', () => {
  it('turns a failing finding into an error at its file and line, titled and with the reason', () => {
    const lines = renderAnnotations(verdictOf([findingOf({ location: { path: 'package-lock.json', line: 120, endLine: 124 } })]));
    expect(lines).toHaveLength(1);
    expect(parse(lines[0]!)).toEqual({
      level: 'error',
      properties: {
        file: 'package-lock.json',
        line: '120',
        endLine: '124',
        title: 'security-gate: lodash 4.17.20: Regular Expression Denial of Service in lodash',
      },
      message: 'lodash 4.17.20 is affected by GHSA-29mw-wpgm-hmr9; upgrade to 4.17.21.\n(high is at or above fail-on high)',
    });
    // The colon in the title is escaped in the property, not left to end the properties.
    expect(lines[0]).toContain('title=security-gate%3A lodash 4.17.20%3A Regular');
  });

  it('warns for a warning finding and says nothing of an ignored one', () => {
    const verdict = verdictOf(
      [findingOf({ severity: 'low', location: { line: 1 } }), findingOf({ rule: 'aws-access-key-id', check: 'secrets' })],
      { config: { ignore: [{ id: 'aws-access-key-id', reason: 'test key', expires: '2027-01-01' }] } },
    );
    const parsed = renderAnnotations(verdict).map(parse);
    expect(parsed.map((a) => a.level)).toEqual(['warning']);
    expect(parsed[0]!.properties.line).toBe('1');
  });

  it('names the severity when the reason does not', () => {
    const [line] = renderAnnotations(verdictOf([findingOf({ severity: 'critical', introduced: false })]));
    expect(parse(line!).message).toMatch(/\n\(critical: already present before this change\)$/);
  });

  it('leaves out line properties when the line is unknown', () => {
    const [line] = renderAnnotations(verdictOf([findingOf({ location: { path: 'go.sum', line: undefined } })]));
    expect(parse(line!).properties).toEqual({ file: 'go.sum', title: expect.any(String) });
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    const tricky = findingOf({
      title: 'x,y::error title=evil',
      message: 'line one\nline two %0A',
      location: { path: 'dir,with:colon/a.lock', line: 2 },
    });
    const lines = renderAnnotations(verdictOf([tricky]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\n/);
    expect(parse(lines[0]!)).toMatchObject({
      properties: { file: 'dir,with:colon/a.lock', title: 'security-gate: x,y::error title=evil' },
      message: expect.stringMatching(/^line one\nline two %0A\n/),
    });
  });

  it('reports check errors: fatal ones as errors, others as warnings, with file and line', () => {
    const verdict = verdictOf([], {
      errors: [
        errorOf({ path: 'frontend/yarn.lock', line: 212 }),
        errorOf({ check: 'deps', path: '', line: undefined, fatal: true, message: 'OSV API unreachable' }),
      ],
    });
    const parsed = renderAnnotations(verdict).map(parse);
    expect(parsed).toEqual([
      {
        level: 'warning',
        properties: { file: 'frontend/yarn.lock', line: '212', title: 'security-gate: deps check could not read a file' },
        message: "unknown entry key 'resolutoin'",
      },
      { level: 'error', properties: { title: 'security-gate: deps check could not finish' }, message: 'OSV API unreachable' },
    ]);
  });

  it('emits at most 10 per level, the most important first, then one notice counting the rest per level', () => {
    const failing = Array.from({ length: 14 }, (_, i) =>
      findingOf({ severity: i < 2 ? 'critical' : 'high', location: { path: `f${String(i).padStart(2, '0')}.lock`, line: 1 } }),
    );
    const warning = Array.from({ length: 11 }, (_, i) =>
      findingOf({ severity: 'low', location: { path: `w${String(i).padStart(2, '0')}.lock`, line: 1 } }),
    );
    // Critical findings listed last must still come first: the verdict's order is what counts.
    const verdict = verdictOf([...warning, ...failing.slice(2), ...failing.slice(0, 2)]);
    const parsed = renderAnnotations(verdict).map(parse);
    expect(parsed.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(parsed.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(parsed.slice(0, 2).map((a) => a.properties.file)).toEqual(['f00.lock', 'f01.lock']);
    const notices = parsed.filter((a) => a.level === 'notice');
    expect(notices).toHaveLength(1);
    expect(parsed.at(-1)).toBe(notices[0]);
    expect(notices[0]!.message).toBe(
      '4 more errors and 1 more warning not shown as annotations (GitHub shows 10 per level); see the job summary and the SARIF report.',
    );
  });

  it('adds no notice when everything fits', () => {
    const verdict = verdictOf(Array.from({ length: 10 }, (_, i) => findingOf({ location: { line: i + 1 } })));
    expect(
      renderAnnotations(verdict)
        .map(parse)
        .map((a) => a.level),
    ).toEqual(Array(10).fill('error'));
  });

  it('prints nothing for a clean verdict', () => {
    expect(renderAnnotations(verdictOf([]))).toEqual([]);
  });

  describe('ranked across checks by what a maintainer must act on (issue 12)', () => {
    const generic = (i: number, severity: 'high' | 'medium') =>
      findingOf({
        check: 'secrets',
        rule: 'generic-api-key',
        severity,
        confidence: 'generic',
        introduced: true,
        location: { path: `dist/bundle${String(i).padStart(2, '0')}.js`, line: 1 },
      });
    const existingVulnerability = (i: number) =>
      findingOf({
        introduced: false,
        location: { path: `pkg${i}/package-lock.json`, line: 1 },
        details: depsDetails({ package: `p${i}` }),
      });

    it('keeps high vulnerabilities in the 10 warnings ahead of many medium generic-pattern warnings', () => {
      // The axios case: generic matches in dist/ bundles were introduced (they come first in the
      // verdict), the 3 high vulnerabilities were already there.
      const verdict = verdictOf([...Array.from({ length: 12 }, (_, i) => generic(i, 'medium')), ...[0, 1, 2].map(existingVulnerability)], {
        mode: 'pr',
        config: { 'fail-on': 'critical' },
      });
      const warnings = renderAnnotations(verdict)
        .map(parse)
        .filter((a) => a.level === 'warning');
      expect(warnings).toHaveLength(10);
      expect(warnings.slice(0, 3).map((a) => a.properties.file)).toEqual([
        'pkg0/package-lock.json',
        'pkg1/package-lock.json',
        'pkg2/package-lock.json',
      ]);
    });

    it('puts a confirmed token before a generic match of the same severity, and failing before warning', () => {
      const confirmed = findingOf({
        check: 'secrets',
        severity: 'high',
        confidence: 'confirmed',
        introduced: true,
        location: { path: 'z.env', line: 1 },
      });
      const provider = findingOf({
        check: 'secrets',
        severity: 'high',
        confidence: 'provider',
        introduced: true,
        location: { path: 'y.env', line: 1 },
      });
      const ranked = rankForAnnotations(verdictOf([generic(1, 'high'), provider, confirmed, findingOf({ severity: 'low' })]).findings);
      expect(ranked.map((finding) => `${finding.status} ${finding.location.path}`)).toEqual([
        'fail z.env',
        'fail y.env',
        'fail dist/bundle01.js',
        'warn package-lock.json',
      ]);
    });
  });

  it('leaves room for the annotations the step emits itself', () => {
    const verdict = verdictOf(Array.from({ length: 12 }, (_, i) => findingOf({ location: { line: i + 1 } })));
    const levels = renderAnnotations(verdict, { reserved: { error: 1 } })
      .map(parse)
      .map((a) => a.level);
    expect(levels.filter((level) => level === 'error')).toHaveLength(9);
    expect(levels.at(-1)).toBe('notice');
  });

  it('breaks the old ##[ syntax in titles and messages, and keeps the file exact', () => {
    const [line] = renderAnnotations(
      verdictOf([findingOf({ title: 'x ##[stop-commands]y', message: '##[error]z', location: { path: 'a/##[x].lock', line: 1 } })]),
    );
    expect(parse(line!)).toMatchObject({
      properties: { file: 'a/##[x].lock', title: 'security-gate: x ##\u200b[stop-commands]y' },
      message: expect.stringMatching(/^##\u200b\[error\]z/),
    });
  });
});
