import { describe, expect, it } from 'vitest';
import { goMod } from '../../../../src/checks/deps/lockfiles/gomod.js';
import { formatFor } from '../../../../src/checks/deps/lockfiles/index.js';
import { fixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile, readsAs } from './support.js';

const describePackages = async (text: string) =>
  (await parseLockfile(goMod, text, 'go.mod')).map(
    (pkg) => `${pkg.line} ${pkg.name}@${pkg.version} ${pkg.direct ? 'direct' : 'indirect'} ${pkg.source}`,
  );

describe('go.mod', () => {
  it('is found by its name in any folder', async () => {
    expect(formatFor('tools/cmd/go.mod')?.name).toBe('go.mod');
    expect(readsAs(goMod, 'go.sum')).toBe(false);
  });

  it('reads direct and indirect requires without the v prefix, and the go directive as stdlib', async () => {
    const packages = await parseLockfile(goMod, fixture('gomod/go.mod'), 'go/go.mod');
    expect(await describePackages(fixture('gomod/go.mod'))).toEqual([
      '5 github.com/sirupsen/logrus@1.9.3 direct registry',
      '7 golang.org/x/sys@0.0.0-20220715151400-c0bba94af5f8 indirect registry',
      '3 stdlib@1.23.0 direct registry',
    ]);
    expect(packages.every((pkg) => pkg.ecosystem === 'Go' && pkg.lockfile === 'go/go.mod' && !pkg.dev)).toBe(true);
  });

  it('applies replace directives (all versions or one), notes local directories, and lets toolchain win over go', async () => {
    expect(await describePackages(fixture('gomod/replace.go.mod'))).toEqual([
      '8 github.com/gin-gonic/gin@1.9.0 direct registry',
      '9 golang.org/x/net@0.17.0 indirect registry',
      '10 github.com/new/lib@1.2.3 direct registry',
      '11 example.com/local/module@ direct file',
      '12 github.com/quoted/mod@2.0.0+incompatible indirect registry',
      '15 github.com/single/line@0.3.1 direct registry',
      '5 stdlib@1.22.3 direct registry',
    ]);
    const local = (await parseLockfile(goMod, fixture('gomod/replace.go.mod'), 'go.mod')).find(
      (pkg) => pkg.name === 'example.com/local/module',
    );
    expect(local?.note).toBe('replaced by local directory ../local/module');
  });

  it('spells Go pre-release toolchains as OSV does', async () => {
    expect(await parseLockfile(goMod, 'module m\n\ngo 1.21rc2\n', 'go.mod')).toMatchObject([{ name: 'stdlib', version: '1.21.0-rc.2' }]);
    expect(await parseLockfile(goMod, 'module m\ngo 1.20\ntoolchain default\n', 'go.mod')).toMatchObject([
      { name: 'stdlib', version: '1.20.0', line: 2 },
    ]);
  });

  it('reports broken files with the line', async () => {
    expect(await parseError(goMod, 'module m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n', 'go.mod')).toMatchObject({
      file: 'go.mod',
      line: 3,
      detail: "'require (' block is never closed",
    });
    expect(await parseError(goMod, 'module m\nrequire github.com/a/b\n')).toMatchObject({
      line: 2,
      detail: 'require needs a module path and a version',
    });
    expect(await parseError(goMod, 'module m\nreplace a v1 b v2\n')).toMatchObject({ line: 2 });
    expect(await parseError(goMod, '<html>not a go.mod</html>\n')).toMatchObject({ line: 1, detail: "unknown directive '<html>not'" });
    expect(await parseError(goMod, 'module m\ngo banana\n')).toMatchObject({ line: 2 });
  });

  it('reads indirect dependencies in their own require block (go 1.17+, and go 1.16 files that were tidied so)', async () => {
    const text =
      'module example.com/m\n\ngo 1.16\n\nrequire (\n\tgithub.com/a/b v1.0.0\n)\n\nrequire (\n\tgithub.com/c/d v1.2.0 // indirect\n\tgolang.org/x/sys v0.1.0 // indirect\n)\n';
    expect(await describePackages(text)).toEqual([
      '6 github.com/a/b@1.0.0 direct registry',
      '10 github.com/c/d@1.2.0 indirect registry',
      '11 golang.org/x/sys@0.1.0 indirect registry',
      '3 stdlib@1.16.0 direct registry',
    ]);
  });

  itThrowsOnlyLockfileErrors(goMod, [fixture('gomod/go.mod'), fixture('gomod/replace.go.mod')]);
});
