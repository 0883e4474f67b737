import { describe, expect, it } from 'vitest';
import { pdmLock } from '../../../../src/checks/deps/lockfiles/pdm.js';
import { fixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

describe('pdm.lock', () => {
  it('reads packages with groups: only-dev groups are dev, git sources are not matched', async () => {
    const packages = await parseLockfile(pdmLock, fixture('pdm/pdm.lock'), 'pdm.lock');
    expect(packages.map((pkg) => `${pkg.name}@${pkg.version} ${pkg.dev ? 'dev' : 'prod'} ${pkg.source} :${pkg.line}`)).toEqual([
      'jinja2@3.1.2 prod registry :10',
      'markupsafe@2.1.3 prod registry :23',
      'pytest@7.4.0 dev registry :30',
      'my-tool@0.2.0 dev git :37',
    ]);
  });

  it('reports broken TOML with its line', async () => {
    expect(await parseError(pdmLock, '[metadata]\ngroups = ["default"\n\n[[package]]\n', 'pdm.lock')).toMatchObject({ file: 'pdm.lock' });
    expect((await parseError(pdmLock, '[[package]]\nname = "x"\n')).message).toContain('has no version');
  });

  itThrowsOnlyLockfileErrors(pdmLock, [fixture('pdm/pdm.lock')]);
});
