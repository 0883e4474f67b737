import { describe, expect, it } from 'vitest';
import { uvLock } from '../../../../src/checks/deps/lockfiles/uv.js';
import { byName, fixture, ids, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

describe('uv.lock', () => {
  it('skips the project itself and finds direct dependencies', async () => {
    const packages = await parseLockfile(uvLock, fixture('uv/uv.lock'), 'uv.lock');
    expect(ids(packages)).toEqual(['emoji@2.14.0', 'protobuf@4.25.5']);
    expect(packages.map((pkg) => [pkg.line, pkg.direct, pkg.dev])).toEqual([
      [4, true, false],
      [13, true, false],
    ]);
  });

  it('walks optional dependencies for direct flags and dependency paths', async () => {
    const packages = await parseLockfile(uvLock, fixture('uv/uv.grouped-packages.lock'), 'uv.lock');
    expect(packages).toHaveLength(14);
    expect(packages.some((pkg) => pkg.name === 'uv-lockfiles')).toBe(false);
    expect(packages.filter((pkg) => pkg.direct).map((pkg) => pkg.name)).toEqual(['black', 'click', 'emoji', 'flake8']);
    expect(byName(packages, 'mccabe')).toMatchObject({ version: '0.7.0', line: 82, path: ['flake8', 'mccabe'], direct: false });
    expect(byName(packages, 'typing-extensions')).toMatchObject({ line: 184, path: ['black', 'typing-extensions'] });
  });

  it('marks packages only reachable from dev-dependencies as dev, and lists git and path sources unmatched', async () => {
    const text = [
      '[[package]]',
      'name = "app"',
      'version = "0.1.0"',
      'source = { editable = "." }',
      'dependencies = [{ name = "requests" }]',
      '',
      '[package.dev-dependencies]',
      'dev = [{ name = "pytest" }, { name = "requests" }]',
      '',
      '[[package]]',
      'name = "requests"',
      'version = "2.31.0"',
      'source = { registry = "https://pypi.org/simple" }',
      '',
      '[[package]]',
      'name = "pytest"',
      'version = "8.0.0"',
      'source = { registry = "https://pypi.org/simple" }',
      'dependencies = [{ name = "pluggy" }]',
      '',
      '[[package]]',
      'name = "pluggy"',
      'version = "1.4.0"',
      'source = { git = "https://github.com/pytest-dev/pluggy?rev=main#abc" }',
      '',
      '[[package]]',
      'name = "member"',
      'version = "0.2.0"',
      'source = { editable = "packages/member" }',
    ].join('\n');
    const packages = await parseLockfile(uvLock, text, 'uv.lock');
    expect(
      packages.map((pkg) => `${pkg.name}@${pkg.version} ${pkg.dev ? 'dev' : 'prod'} ${pkg.direct ? 'direct' : 'indirect'} ${pkg.source}`),
    ).toEqual([
      'requests@2.31.0 prod direct registry',
      'pytest@8.0.0 dev direct registry',
      'pluggy@1.4.0 dev indirect git',
      'member@0.2.0 prod indirect file',
    ]);
    expect(byName(packages, 'pluggy').path).toEqual(['pytest', 'pluggy']);
  });

  it('reports a package without a name', async () => {
    expect(await parseError(uvLock, 'version = 1\n\n[[package]]\nversion = "1.0"\n', 'uv.lock')).toMatchObject({ line: 3 });
  });

  itThrowsOnlyLockfileErrors(uvLock, [fixture('uv/uv.lock')]);
});
