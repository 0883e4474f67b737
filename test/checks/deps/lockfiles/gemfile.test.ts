import { describe, expect, it } from 'vitest';
import { gemfileLock } from '../../../../src/checks/deps/lockfiles/gemfile.js';
import { byName, fixture, ids, itThrowsOnlyLockfileErrors, parseError, parseLockfile, randomBytesText } from './support.js';

describe('Gemfile.lock', () => {
  it('reads the jekyll lockfile: 51 gems, platform suffixes stripped, DEPENDENCIES direct', async () => {
    const packages = await parseLockfile(gemfileLock, fixture('gemfile/Gemfile.lock'), 'docs/Gemfile.lock');
    expect(packages).toHaveLength(51);
    expect(ids(packages).slice(0, 5)).toEqual([
      'addressable@2.9.0',
      'base64@0.3.0',
      'bigdecimal@4.1.2',
      'colorator@1.1.0',
      'concurrent-ruby@1.3.8',
    ]);
    expect(byName(packages, 'ffi')).toMatchObject({ version: '1.17.4', line: 21, direct: false });
    expect(byName(packages, 'google-protobuf')).toMatchObject({ version: '4.35.1', line: 23 });
    expect(byName(packages, 'sass-embedded')).toMatchObject({ version: '1.102.0', line: 104 });
    expect(byName(packages, 'jekyll')).toMatchObject({
      version: '4.4.1',
      line: 29,
      direct: true,
      source: 'registry',
      lockfile: 'docs/Gemfile.lock',
    });
    expect(packages.filter((pkg) => pkg.direct).map((pkg) => pkg.name)).toEqual([
      'base64',
      'csv',
      'http_parser.rb',
      'jekyll',
      'jekyll-default-layout',
      'jekyll-feed',
      'jekyll-github-metadata',
      'jekyll-optional-front-matter',
      'jekyll-readme-index',
      'jekyll-relative-links',
      'jekyll-titles-from-headings',
      'just-the-docs',
      'webrick',
    ]);
  });

  it('marks GIT gems git and PATH gems file, and lists platform variants as one gem with its platforms', async () => {
    const packages = await parseLockfile(gemfileLock, fixture('gemfile/Gemfile.git-path.lock'), 'Gemfile.lock');
    expect(packages.map((pkg) => `${pkg.line} ${pkg.name}@${pkg.version} ${pkg.source}${pkg.direct ? ' direct' : ''}`)).toEqual([
      '6 rails@7.1.0.alpha git direct',
      '8 actionpack@7.1.0.alpha git',
      '13 billing@0.1.0 file direct',
      '19 nokogiri@1.13.9 registry direct',
      '23 racc@1.6.0 registry',
      '24 rspec@3.12.0 registry direct',
    ]);
    expect(byName(packages, 'nokogiri').note).toBe('platforms: x86_64-linux, arm64-darwin');
    // The requirements under each gem are its dependencies: paths come from them.
    expect(byName(packages, 'racc').path).toEqual(['nokogiri', 'racc']);
    expect(byName(packages, 'actionpack').path).toEqual(['rails', 'actionpack']);
  });

  it('lists a gem with a plain and a platform variant once, rails-style', async () => {
    const text =
      'GEM\n  specs:\n    nokogiri (1.16.0)\n    nokogiri (1.16.0-x86_64-linux)\n    nokogiri (1.16.0-arm64-darwin)\n\nDEPENDENCIES\n  nokogiri\n';
    const packages = await parseLockfile(gemfileLock, text, 'Gemfile.lock');
    expect(packages).toEqual([
      expect.objectContaining({ name: 'nokogiri', version: '1.16.0', line: 3, note: 'platforms: ruby, x86_64-linux, arm64-darwin' }),
    ]);
  });

  it('refuses text with no Gemfile.lock structure (random bytes) instead of reading 0 gems', async () => {
    const random = randomBytesText(1 << 20);
    expect(await parseError(gemfileLock, random, 'Gemfile.lock')).toMatchObject({ file: 'Gemfile.lock', line: expect.any(Number) });
    expect((await parseError(gemfileLock, 'hello world\n  this is not\n    a lockfile (1.0)\n')).detail).toMatch(
      /not a Gemfile.lock section/,
    );
  });

  it('reports broken lockfiles with the line', async () => {
    expect(await parseError(gemfileLock, 'GEM\n  specs:\n    rack\n', 'Gemfile.lock')).toMatchObject({
      file: 'Gemfile.lock',
      line: 3,
      detail: "gem 'rack' has no version",
    });
    expect(await parseError(gemfileLock, '    rack (1.0)\n')).toMatchObject({ line: 1 });
    expect(await parseError(gemfileLock, 'GEM\n  specs:\n     rack (1.0)\n')).toMatchObject({
      line: 3,
      detail: 'unexpected line in GEM section',
    });
    expect((await parseError(gemfileLock, 'DEPENDENCIES\n  rack (\n')).line).toBe(2);
  });

  itThrowsOnlyLockfileErrors(gemfileLock, [fixture('gemfile/Gemfile.git-path.lock'), fixture('gemfile/Gemfile.lock').slice(0, 1200)]);
});
