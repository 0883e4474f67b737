import { describe, expect, it } from 'vitest';
import { pipfileLock } from '../../../../src/checks/deps/lockfiles/pipfile.js';
import { byName, fixture, ids, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

describe('Pipfile.lock', () => {
  it('reads default and develop packages with their lines', async () => {
    const packages = await parseLockfile(pipfileLock, fixture('pipfile/Pipfile.lock'), 'Pipfile.lock');
    expect(ids(packages)).toEqual(['itsdangerous@2.1.2', 'pluggy@1.0.1', 'markupsafe@2.1.1']);
    expect(packages.map((pkg) => pkg.line)).toEqual([19, 27, 32]);
    expect(packages.every((pkg) => !pkg.dev)).toBe(true);
  });

  it('marks develop packages dev, lets default win for a package in both, and lists git and path entries unmatched', async () => {
    const text = JSON.stringify(
      {
        default: { Flask: { version: '==2.0.1' }, mylib: { path: '.', editable: true } },
        develop: {
          flask: { version: '==2.0.1' },
          pytest: { version: '==7.1.0' },
          tool: { git: 'https://github.com/x/tool.git', ref: 'abc' },
        },
      },
      null,
      2,
    );
    const packages = await parseLockfile(pipfileLock, text, 'Pipfile.lock');
    expect(packages.map((pkg) => `${pkg.name}@${pkg.version} ${pkg.dev ? 'dev' : 'prod'} ${pkg.source}`)).toEqual([
      'flask@2.0.1 prod registry',
      'mylib@ prod file',
      'pytest@7.1.0 dev registry',
      'tool@ dev git',
    ]);
    expect(byName(packages, 'pytest').line).toBe(15);
  });

  it('reports broken JSON with its line', async () => {
    const error = await parseError(pipfileLock, '{\n  "default": {\n    "flask": { "version": "==1.0" },\n  }\n}', 'Pipfile.lock');
    expect(error.file).toBe('Pipfile.lock');
    expect(error.line).toBe(4);
    expect((await parseError(pipfileLock, '{"default": {"flask": {}}}')).message).toContain('has no "version"');
  });

  itThrowsOnlyLockfileErrors(pipfileLock, [fixture('pipfile/Pipfile.lock')]);
});
