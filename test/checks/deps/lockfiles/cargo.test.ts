import { describe, expect, it } from 'vitest';
import { cargoLock } from '../../../../src/checks/deps/lockfiles/cargo.js';
import { byName, fixture, ids, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

describe('Cargo.lock', () => {
  it('reads every crate with its [[package]] line, the workspace crate as an unmatched file source', async () => {
    const packages = await parseLockfile(cargoLock, fixture('cargo/Cargo.lock'), 'Cargo.lock');
    expect(packages).toHaveLength(36);
    expect(packages.filter((pkg) => pkg.source === 'registry')).toHaveLength(35);
    expect(byName(packages, 'displaydoc')).toMatchObject({ version: '0.2.5', line: 5, ecosystem: 'crates.io' });
    expect(byName(packages, 'rust_novuln_deprecated')).toMatchObject({ line: 166, source: 'file' });
    expect(byName(packages, 'url')).toMatchObject({ version: '2.5.3', line: 253, direct: true });
    expect(byName(packages, 'zerovec-derive')).toMatchObject({ version: '0.11.2', line: 343, direct: false });
  });

  it('reads the small project: a vulnerable smallvec, direct', async () => {
    const packages = await parseLockfile(cargoLock, fixture('cargo/Cargo.real-rust-project.lock'), 'Cargo.lock');
    expect(ids(packages)).toEqual(['maybe-uninit@2.0.0', 'real-vuln-rust-project@0.1.0', 'smallvec@0.6.14']);
    expect(packages.map((pkg) => [pkg.line, pkg.source, pkg.direct])).toEqual([
      [5, 'registry', false],
      [11, 'file', false],
      [18, 'registry', true],
    ]);
  });

  it('marks git crates and path crates so they are not matched', async () => {
    const packages = await parseLockfile(cargoLock, fixture('cargo/Cargo.git.lock'), 'Cargo.lock');
    expect(packages.map((pkg) => `${pkg.name} ${pkg.source} ${pkg.direct ? 'direct' : ''}`.trim())).toEqual([
      'app file',
      'fork-dep git direct',
      'helper file',
      'regex registry direct',
    ]);
  });

  it('reports broken TOML and crates without a version', async () => {
    expect(await parseError(cargoLock, 'version = 3\n\n[[package]]\nname = "a"\nversion = "1.0.0\n', 'Cargo.lock')).toMatchObject({
      file: 'Cargo.lock',
      line: 5,
    });
    expect(await parseError(cargoLock, '[[package]]\nname = "a"\n')).toMatchObject({ line: 1, detail: 'package entry has no version' });
    expect((await parseError(cargoLock, 'package = "nope"\n')).detail).toContain('must be an array');
  });

  itThrowsOnlyLockfileErrors(cargoLock, [fixture('cargo/Cargo.real-rust-project.lock'), fixture('cargo/Cargo.git.lock')]);
});
