import { describe, expect, it } from 'vitest';
import { nugetLock } from '../../../../src/checks/deps/lockfiles/nuget.js';
import { fixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

describe('packages.lock.json', () => {
  it('reads each package once across target frameworks, skips project references', async () => {
    const packages = await parseLockfile(nugetLock, fixture('nuget/packages.lock.json'), 'src/App/packages.lock.json');
    expect(packages.map((pkg) => `${pkg.line} ${pkg.name}@${pkg.version}${pkg.direct ? ' direct' : ''}`)).toEqual([
      '5 Newtonsoft.Json@13.0.1 direct',
      '11 Serilog@2.12.0 direct',
      '17 System.Text.Encodings.Web@4.7.1',
      '39 System.Text.Encodings.Web@5.0.1',
    ]);
    expect(packages.every((pkg) => pkg.ecosystem === 'NuGet' && pkg.source === 'registry' && !pkg.dev)).toBe(true);
  });

  it('reports broken files', async () => {
    expect(await parseError(nugetLock, '{"version": 1}', 'packages.lock.json')).toMatchObject({
      file: 'packages.lock.json',
      detail: expect.stringContaining('"dependencies"'),
    });
    expect(
      await parseError(nugetLock, '{\n "version": 1,\n "dependencies": {\n  "net6.0": {\n   "A": {"type": "Direct"}\n  }\n }\n}'),
    ).toMatchObject({
      line: 5,
      detail: 'package "A" has no "resolved" version',
    });
    expect((await parseError(nugetLock, '{"dependencies": {"net6.0": {"A": ')).detail).toContain('invalid JSON');
  });

  itThrowsOnlyLockfileErrors(nugetLock, [fixture('nuget/packages.lock.json')]);
});
