import { describe, expect, it } from 'vitest';
import { composerLock } from '../../../../src/checks/deps/lockfiles/composer.js';
import { byName, fixture, ids, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

describe('composer.lock', () => {
  it('reads packages with the line of their name', async () => {
    const packages = await parseLockfile(composerLock, fixture('composer/composer.lock'), 'composer.lock');
    expect(ids(packages)).toEqual([
      'drupal/core@10.4.5',
      'drupal/simple_sitemap@4.2.1',
      'drupal/tfa@2.0.0-alpha4',
      'theseer/tokenizer@1.1.3',
      'league/flysystem@1.0.8',
      'sentry/sdk@2.0.4',
    ]);
    expect(packages.map((pkg) => pkg.line)).toEqual([10, 174, 231, 318, 354, 439]);
    expect(packages.every((pkg) => !pkg.dev && pkg.source === 'registry' && pkg.ecosystem === 'Packagist')).toBe(true);
  });

  it('marks packages-dev as dev', async () => {
    const packages = await parseLockfile(composerLock, fixture('composer/composer.drupal.lock'), 'composer.lock');
    expect(packages.map((pkg) => `${pkg.name}@${pkg.version}${pkg.dev ? ' dev' : ''}`)).toEqual([
      'drupal/core@10.4.5',
      'drupal/tfa@2.0.0-alpha4',
      'theseer/tokenizer@1.1.3',
      'drupal/field_time@1.0.0-beta5 dev',
    ]);
    expect(byName(packages, 'drupal/field_time').line).toBe(299);
  });

  it('strips the v prefix and lists branches and path packages unmatched', async () => {
    const packages = await parseLockfile(composerLock, fixture('composer/composer.dev-branch.lock'), 'composer.lock');
    expect(packages.map((pkg) => `${pkg.line} ${pkg.name}@${pkg.version} ${pkg.source}${pkg.dev ? ' dev' : ''}`)).toEqual([
      '6 guzzlehttp/guzzle@7.4.4 registry',
      '12 acme/internal@ git',
      '18 acme/local@1.0.0 file',
      '26 phpunit/phpunit@9.5.20 registry dev',
      '31 acme/tools@ git dev',
    ]);
    expect(byName(packages, 'acme/internal').note).toBe('branch dev-main, not matched');
  });

  it('reports broken files', async () => {
    expect(await parseError(composerLock, '{\n  "packages": [\n    {"name": "a/b"}\n  ]\n}', 'composer.lock')).toMatchObject({
      file: 'composer.lock',
      line: 3,
    });
    expect((await parseError(composerLock, '{"packages": [}')).file).toBe('app/lockfile');
    expect((await parseError(composerLock, '[]')).detail).toBe('composer.lock must be a JSON object');
  });

  it('keeps one package in packages and in packages-dev apart, each with its own dev flag and line', async () => {
    const text = JSON.stringify(
      {
        packages: [{ name: 'acme/lib', version: '2.0.0' }],
        'packages-dev': [
          { name: 'acme/lib', version: 'dev-main' },
          { name: 'acme/lib', version: '1.0.0' },
        ],
      },
      null,
      2,
    );
    const packages = await parseLockfile(composerLock, text, 'composer.lock');
    expect(packages.map((pkg) => `${pkg.line} ${pkg.name}@${pkg.version} ${pkg.source}${pkg.dev ? ' dev' : ''}`)).toEqual([
      '4 acme/lib@2.0.0 registry',
      '10 acme/lib@ git dev',
      '14 acme/lib@1.0.0 registry dev',
    ]);
  });

  itThrowsOnlyLockfileErrors(composerLock, [fixture('composer/composer.dev-branch.lock')]);
});
