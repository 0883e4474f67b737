import { describe, expect, it } from 'vitest';
import { GitleaksIgnore, pathFilter } from '../../../src/checks/secrets/allow.js';

describe('pathFilter', () => {
  it('excludes minimatch globs, dotfiles included, file names anywhere and whole folders', () => {
    const include = pathFilter(['docs/**', '*.min.js', 'test/fixtures', '.github/**'], [/^vendor\//]);
    expect(include('src/app.ts')).toBe(true);
    expect(include('docs/a/b.md')).toBe(false);
    expect(include('web/dist/app.min.js')).toBe(false);
    expect(include('test/fixtures/keys/a.pem')).toBe(false);
    expect(include('.github/workflows/ci.yml')).toBe(false);
    expect(include('vendor/lib.go')).toBe(false);
    expect(include('src/vendor/lib.go')).toBe(true);
  });
});

describe('GitleaksIgnore', () => {
  const sha = 'c'.repeat(40);
  const ignore = new GitleaksIgnore(`# comment\n\n${sha}:src/a:b.env:generic-api-key:3\nconfig/dev.env:aws-access-token:7\r\n`);

  it('matches commit:path:rule:line, paths with colons, and path:rule:line without a commit', () => {
    expect(ignore.size).toBe(2);
    expect(ignore.ignores({ commit: sha, path: 'src/a:b.env', rule: 'generic-api-key', line: 3 })).toBe(true);
    expect(ignore.ignores({ path: 'config/dev.env', rule: 'aws-access-token', line: 7 })).toBe(true);
  });

  it('matches another rule id at the same place (ids differ between tools), but not another line or commit', () => {
    expect(ignore.ignores({ commit: sha, path: 'src/a:b.env', rule: 'our-generic', line: 3 })).toBe(true);
    expect(ignore.ignores({ commit: sha, path: 'src/a:b.env', rule: 'generic-api-key', line: 4 })).toBe(false);
    expect(ignore.ignores({ commit: 'd'.repeat(40), path: 'src/a:b.env', rule: 'generic-api-key', line: 3 })).toBe(false);
  });
});
