import { describe, expect, it } from 'vitest';
import { gradleLockfile } from '../../../../src/checks/deps/lockfiles/gradle.js';
import { formatFor } from '../../../../src/checks/deps/lockfiles/index.js';
import { fixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile, readsAs } from './support.js';

describe('gradle.lockfile', () => {
  it('is found by name and in the legacy dependency-locks folder', async () => {
    expect(formatFor('app/gradle.lockfile')?.name).toBe('gradle.lockfile');
    expect(formatFor('gradle/dependency-locks/compileClasspath.lockfile')?.name).toBe('gradle.lockfile');
    expect(readsAs(gradleLockfile, 'settings-gradle.lockfile')).toBe(false);
  });

  it('reads group:artifact:version=configurations; only-test configurations are dev', async () => {
    const packages = await parseLockfile(gradleLockfile, fixture('gradle/gradle.lockfile'), 'app/gradle.lockfile');
    expect(packages.map((pkg) => `${pkg.line} ${pkg.name}@${pkg.version}${pkg.dev ? ' dev' : ''}`)).toEqual([
      '4 com.fasterxml.jackson.core:jackson-databind@2.13.4.2',
      '5 junit:junit@4.13.2 dev',
      '6 org.apache.logging.log4j:log4j-core@2.14.1',
      '7 org.hamcrest:hamcrest-core@1.3 dev',
    ]);
    expect(packages.every((pkg) => pkg.ecosystem === 'Maven' && pkg.source === 'registry')).toBe(true);
  });

  it('reports a line that is not a locked dependency', async () => {
    expect(await parseError(gradleLockfile, '# comment\njunit:junit=test\n', 'gradle.lockfile')).toMatchObject({
      file: 'gradle.lockfile',
      line: 2,
    });
  });

  itThrowsOnlyLockfileErrors(gradleLockfile, [fixture('gradle/gradle.lockfile')]);
});
