import { describe, expect, it } from 'vitest';
import { poetryLock } from '../../../../src/checks/deps/lockfiles/poetry.js';
import type { Package } from '../../../../src/checks/deps/types.js';
import { byName, fixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile, siblingsIn } from './support.js';

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

describe('poetry.lock with the pyproject.toml beside it', () => {
  const lock = [
    '[[package]]',
    'name = "requests"',
    'version = "2.31.0"',
    'groups = ["main"]',
    '',
    '[package.dependencies]',
    'urllib3 = ">=1.21.1,<3"',
    '',
    '[[package]]',
    'name = "urllib3"',
    'version = "2.0.7"',
    'groups = ["main"]',
    '',
    '[[package]]',
    'name = "pytest"',
    'version = "8.0.0"',
    'groups = ["dev"]',
    '',
    '[package.dependencies]',
    'Pluggy = ">=1.3"',
    '',
    '[[package]]',
    'name = "pluggy"',
    'version = "1.4.0"',
    'groups = ["dev"]',
    '',
  ].join('\n');
  const flags = (packages: Package[]) =>
    packages.map((pkg) => `${pkg.name}${pkg.direct ? ' direct' : ''}${pkg.dev ? ' dev' : ''} ${pkg.path.join('>')}`);

  it('takes direct dependencies from Poetry tables, dependency groups being dev, and walks paths from them', async () => {
    const pyproject =
      '[tool.poetry.dependencies]\npython = "^3.11"\nRequests = "^2.31"\n\n[tool.poetry.group.test.dependencies]\npytest = "^8"\n';
    const packages = await parseLockfile(
      poetryLock,
      lock,
      'app/poetry.lock',
      siblingsIn({ 'app/pyproject.toml': pyproject }, 'app/poetry.lock'),
    );
    expect(flags(packages)).toEqual([
      'requests direct requests',
      'urllib3 requests>urllib3',
      'pytest direct dev pytest',
      'pluggy dev pytest>pluggy',
    ]);
  });

  it('reads PEP 621 [project] dependencies and PEP 735 dependency groups', async () => {
    const pyproject =
      '[project]\nname = "app"\ndependencies = ["requests[socks]>=2.31; python_version >= \\"3.8\\""]\n\n[dependency-groups]\ndev = ["pytest>=8"]\n';
    const packages = await parseLockfile(poetryLock, lock, 'poetry.lock', siblingsIn({ 'pyproject.toml': pyproject }, 'poetry.lock'));
    expect(flags(packages)).toEqual([
      'requests direct requests',
      'urllib3 requests>urllib3',
      'pytest direct dev pytest',
      'pluggy dev pytest>pluggy',
    ]);
  });

  it('without a pyproject.toml, counts what nothing else depends on as direct (a lower bound)', async () => {
    expect(flags(await parseLockfile(poetryLock, lock, 'poetry.lock'))).toEqual([
      'requests direct requests',
      'urllib3 requests>urllib3',
      'pytest direct dev pytest',
      'pluggy dev pytest>pluggy',
    ]);
  });
});
