import { describe, expect, it } from 'vitest';
import { gradleLockfile } from '../../../../src/checks/deps/lockfiles/gradle.js';
import { formatFor } from '../../../../src/checks/deps/lockfiles/index.js';
import { pomXml } from '../../../../src/checks/deps/lockfiles/pom.js';
import { byName, fixture, itThrowsOnlyLockfileErrors, parseError } from './more-formats-support.js';

describe('gradle.lockfile', () => {
  it('is found by name and in the legacy dependency-locks folder', () => {
    expect(formatFor('app/gradle.lockfile')?.name).toBe('gradle.lockfile');
    expect(formatFor('gradle/dependency-locks/compileClasspath.lockfile')?.name).toBe('gradle.lockfile');
    expect(gradleLockfile.matches('settings-gradle.lockfile')).toBe(false);
  });

  it('reads group:artifact:version=configurations; only-test configurations are dev', () => {
    const packages = gradleLockfile.parse(fixture('java/gradle.lockfile'), 'app/gradle.lockfile');
    expect(packages.map((pkg) => `${pkg.line} ${pkg.name}@${pkg.version}${pkg.dev ? ' dev' : ''}`)).toEqual([
      '4 com.fasterxml.jackson.core:jackson-databind@2.13.4.2',
      '5 junit:junit@4.13.2 dev',
      '6 org.apache.logging.log4j:log4j-core@2.14.1',
      '7 org.hamcrest:hamcrest-core@1.3 dev',
    ]);
    expect(packages.every((pkg) => pkg.ecosystem === 'Maven' && pkg.source === 'registry')).toBe(true);
  });

  it('reports a line that is not a locked dependency', () => {
    expect(parseError(gradleLockfile, '# comment\njunit:junit=test\n', 'gradle.lockfile')).toMatchObject({
      file: 'gradle.lockfile',
      line: 2,
    });
  });

  itThrowsOnlyLockfileErrors(gradleLockfile, [fixture('java/gradle.lockfile')]);
});

describe('pom.xml', () => {
  const packages = pomXml.parse(fixture('java/pom.xml'), 'service/pom.xml');

  it('reads declared dependencies, resolving ${properties} within the file and managed versions', () => {
    expect(packages.map((pkg) => `${pkg.line} ${pkg.name}@${pkg.version}${pkg.dev ? ' dev' : ''}`)).toEqual([
      '33 org.apache.logging.log4j:log4j-core@2.14.1',
      '38 com.fasterxml.jackson.core:jackson-databind@2.13.4',
      '43 org.yaml:snakeyaml@1.30',
      '47 junit:junit@4.13.2 dev',
      '53 com.example:demo-core@1.4.0-SNAPSHOT',
      '58 org.springframework.boot:spring-boot-starter-web@',
      '62 com.google.guava:guava@',
      '67 org.example:from-elsewhere@',
    ]);
    expect(packages.every((pkg) => pkg.direct && pkg.ecosystem === 'Maven' && pkg.lockfile === 'service/pom.xml')).toBe(true);
  });

  it('notes versions this file cannot give', () => {
    expect(byName(packages, 'org.springframework.boot:spring-boot-starter-web').note).toBe(
      'version comes from a parent or BOM, not matched',
    );
    expect(byName(packages, 'com.google.guava:guava').note).toBe('version range [30.0-jre,), not matched');
    expect(byName(packages, 'org.example:from-elsewhere').note).toContain('${undefined.version}');
  });

  it('handles entities, CDATA, comments and attributes with > inside quotes', () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE project [ <!ELEMENT project ANY> ]>
<project a="x>y">
  <!-- <dependencies> in a comment is not read -->
  <dependencies>
    <dependency><groupId>org.a&amp;b</groupId><artifactId><![CDATA[lib<1>]]></artifactId><version>1.0&#x2e;2</version></dependency>
  </dependencies>
</project>`;
    expect(pomXml.parse(text, 'pom.xml')).toMatchObject([{ name: 'org.a&b:lib<1>', version: '1.0.2', line: 6 }]);
  });

  it('reports broken XML with the line', () => {
    expect(parseError(pomXml, '<project>\n  <dependencies>\n  </dependency>\n</project>\n', 'pom.xml')).toMatchObject({
      file: 'pom.xml',
      line: 3,
      detail: 'closing tag </dependency> does not match <dependencies>',
    });
    expect(parseError(pomXml, '<project>\n  <dependencies>\n')).toMatchObject({ line: 2, detail: '<dependencies> is never closed' });
    expect(parseError(pomXml, '<settings></settings>').detail).toBe('root element is <settings>, not <project>');
    expect(
      parseError(pomXml, '<project><dependencies><dependency><version>1</version></dependency></dependencies></project>').detail,
    ).toContain('needs a <groupId>');
    expect(parseError(pomXml, '<project>\n<name>a & b</name></project>').line).toBe(2);
  });

  itThrowsOnlyLockfileErrors(pomXml, [fixture('java/pom.xml').slice(900, 2400)]);
});
