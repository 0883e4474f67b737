// The shared graph walk: direct and dev from what the project declares, one shortest path per
// package, built in linear time and only walked for the packages whose path is read.
import { describe, expect, it } from 'vitest';
import { DirectDependencies, PATH_HEAD, PATH_TAIL, toPackages, type LockNode } from '../../../../src/checks/deps/lockfiles/dep-graph.js';

const node = (id: string, extra: Partial<LockNode> = {}): LockNode => ({ id, name: id, version: '1.0.0', source: 'registry', ...extra });

describe('toPackages', () => {
  it('marks direct what the project declares, dev what only dev groups reach, and gives shortest paths', () => {
    const direct = new DirectDependencies();
    direct.add('app', 'prod');
    direct.add('jest', 'dev');
    direct.add('shared', 'dev');
    direct.add('shared', 'prod'); // declared by both: production
    const edges = new Map([
      ['app', ['lib']],
      ['jest', ['jest-cli', 'lib']],
      ['lib', ['shared']],
    ]);
    const packages = toPackages('lock', 'npm', {
      nodes: ['app', 'jest', 'jest-cli', 'lib', 'shared', 'orphan'].map((id) => node(id)),
      edges,
      direct,
    });
    expect(packages.map((pkg) => `${pkg.name}${pkg.direct ? ' direct' : ''}${pkg.dev ? ' dev' : ''} ${pkg.path.join('>')}`)).toEqual([
      'app direct app',
      'jest direct dev jest',
      'jest-cli dev jest>jest-cli',
      'lib app>lib',
      'shared direct shared',
      'orphan orphan',
    ]);
  });

  it('merges instances of one version: direct if any is, dev only if all are, the shortest path of any', () => {
    const direct = DirectDependencies.of(['a', 'b']);
    const nodes = [node('a'), node('b'), node('a/x', { name: 'x', dev: true }), node('x', { name: 'x', dev: false })];
    const edges = new Map([
      ['a', ['a/x']],
      ['b', ['c']],
    ]);
    const packages = toPackages('lock', 'npm', {
      nodes: [...nodes, node('c', { name: 'c' })],
      edges: new Map([...edges, ['c', ['x']]]),
      direct,
    });
    const x = packages.find((pkg) => pkg.name === 'x')!;
    expect(x).toMatchObject({ dev: false, direct: false, path: ['a', 'x'] });
  });

  it('walks a path only when it is read: a chain 100,000 packages deep stays linear', () => {
    const length = 100_000;
    const nodes = Array.from({ length }, (_, index) => node(`p${index}`));
    const edges = new Map(nodes.slice(0, -1).map((each, index) => [each.id, [`p${index + 1}`]]));
    const packages = toPackages('lock', 'npm', { nodes, edges, direct: DirectDependencies.of(['p0']) });
    // Every path of the chain together would be 5 * 10^9 names: none is built until read.
    expect(packages.every((pkg) => typeof Object.getOwnPropertyDescriptor(pkg, 'path')!.get === 'function')).toBe(true);
    const deepest = packages.at(-1)!;
    // Shown as its first and last names: every package's path together stays linear (the inventory reads them all).
    expect(deepest.path).toEqual([
      ...Array.from({ length: PATH_HEAD }, (_, index) => `p${index}`),
      '…',
      ...Array.from({ length: PATH_TAIL }, (_, index) => `p${length - PATH_TAIL + index}`),
    ]);
    expect(Object.getOwnPropertyDescriptor(deepest, 'path')!.value).toBe(deepest.path); // kept once read
    expect(packages.reduce((total, pkg) => total + pkg.path.length, 0)).toBeLessThan(length * (PATH_HEAD + PATH_TAIL + 2));
    expect(packages[PATH_HEAD + PATH_TAIL - 1]!.path).toHaveLength(PATH_HEAD + PATH_TAIL); // no '…' up to the cap
  });
});
