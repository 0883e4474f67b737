import { describe, expect, it } from 'vitest';
import { poetryLock } from '../../../../src/checks/deps/lockfiles/poetry.js';
import { byName, fixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

describe('poetry.lock', () => {
  it('reads every package, its [[package]] line and dev from groups or category', async () => {
    const packages = await parseLockfile(poetryLock, fixture('poetry/poetry.lock'), 'poetry.lock');
    expect(packages).toHaveLength(20);
    expect(packages.filter((pkg) => pkg.dev).map((pkg) => pkg.name)).toEqual([
      'astroid',
      'colorama',
      'dill',
      'isort',
      'mccabe',
      'platformdirs',
      'pylint',
      'tomlkit',
      'yapf',
    ]);
    expect(byName(packages, 'urllib3')).toMatchObject({ version: '2.5.0', line: 2, dev: false, source: 'registry' });
    expect(byName(packages, 'python-dateutil')).toMatchObject({ version: '2.9.0.post0', line: 310 });
    expect(byName(packages, 'typing-extensions')).toMatchObject({ version: '4.14.0', line: 373 });
  });

  it('marks category = "dev" packages and git sources', async () => {
    const text =
      '[[package]]\nname = "Pytest"\nversion = "7.0.0"\ncategory = "dev"\n\n[[package]]\nname = "lib"\nversion = "1.0.0"\n\n[package.source]\ntype = "git"\nurl = "https://github.com/x/lib.git"\n';
    const packages = await parseLockfile(poetryLock, text, 'poetry.lock');
    expect(packages.map((pkg) => [pkg.name, pkg.dev, pkg.source, pkg.line])).toEqual([
      ['pytest', true, 'registry', 1],
      ['lib', false, 'git', 6],
    ]);
  });

  it('reports broken TOML and a package without a version, with lines', async () => {
    expect(await parseError(poetryLock, '[[package]]\nname = "a"\nversion = \n', 'poetry.lock')).toMatchObject({
      file: 'poetry.lock',
      line: 3,
    });
    expect((await parseError(poetryLock, '[[package]]\nname = "a"\n\n[[package]]\nname = "b"\nversion = "1"\n')).line).toBe(1);
  });

  itThrowsOnlyLockfileErrors(poetryLock, [fixture('poetry/poetry.lock').slice(0, 3000)]);
});
