// `npm ci` warns EBADENGINE when a runtime dependency wants a Node the package's `engines` allows and
// the dependency does not (issue 12): every Node version we promise must be one each of them accepts.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
  packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
};

describe('engines.node', () => {
  it('includes Node 20 and Node 24, the versions CI and GitHub run', () => {
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true);
    expect(semver.satisfies('24.0.0', pkg.engines.node)).toBe(true);
  });

  it('is a subset of what every runtime dependency accepts', () => {
    const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev && entry.engines?.node);
    expect(runtime.length).toBeGreaterThan(10);
    const refusing = runtime
      .filter(([, entry]) => !semver.subset(pkg.engines.node, entry.engines!.node!, { loose: true }))
      .map(([path, entry]) => `${path} wants ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
