import { describe, expect, it } from 'vitest';
import { pomXml } from '../../../../src/checks/deps/lockfiles/pom.js';
import { byName, fixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile } from './support.js';

const POM = await parseLockfile(pomXml, fixture('pom/pom.xml'), 'service/pom.xml');

describe('pom.xml', () => {
  const packages = POM;

  it('reads declared dependencies, resolving ${properties} within the file and managed versions', async () => {
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

  it('notes versions this file cannot give', async () => {
    expect(byName(packages, 'org.springframework.boot:spring-boot-starter-web').note).toBe(
      'version comes from a parent or BOM, not matched',
    );
    expect(byName(packages, 'com.google.guava:guava').note).toBe('version range [30.0-jre,), not matched');
    expect(byName(packages, 'org.example:from-elsewhere').note).toContain('${undefined.version}');
  });

  it('handles entities, CDATA, comments and attributes with > inside quotes', async () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE project [ <!ELEMENT project ANY> ]>
<project a="x>y">
  <!-- <dependencies> in a comment is not read -->
  <dependencies>
    <dependency><groupId>org.a&amp;b</groupId><artifactId><![CDATA[lib<1>]]></artifactId><version>1.0&#x2e;2</version></dependency>
  </dependencies>
</project>`;
    expect(await parseLockfile(pomXml, text, 'pom.xml')).toMatchObject([{ name: 'org.a&b:lib<1>', version: '1.0.2', line: 6 }]);
  });

  it('reports broken XML with the line', async () => {
    expect(await parseError(pomXml, '<project>\n  <dependencies>\n  </dependency>\n</project>\n', 'pom.xml')).toMatchObject({
      file: 'pom.xml',
      line: 3,
      detail: 'closing tag </dependency> does not match <dependencies>',
    });
    expect(await parseError(pomXml, '<project>\n  <dependencies>\n')).toMatchObject({ line: 2, detail: '<dependencies> is never closed' });
    expect((await parseError(pomXml, '<settings></settings>')).detail).toBe('root element is <settings>, not <project>');
    expect(
      (await parseError(pomXml, '<project><dependencies><dependency><version>1</version></dependency></dependencies></project>')).detail,
    ).toContain('needs a <groupId>');
    expect((await parseError(pomXml, '<project>\n<name>a & b</name></project>')).line).toBe(2);
  });

  it("refuses a property bomb (each property ten copies of the next) as this file's error, not an out-of-memory crash", async () => {
    // 808 bytes that expand to 10^10 characters: issue 10 item 7.
    const properties = Array.from({ length: 10 }, (_, level) => `<p${level}>${`\${p${level + 1}}`.repeat(10)}</p${level}>`).join('');
    const text = `<project>\n<properties>${properties}<p10>x</p10></properties>\n<dependencies>\n<dependency><groupId>g</groupId><artifactId>a</artifactId><version>\${p0}</version></dependency>\n</dependencies></project>`;
    expect(text.length).toBeLessThan(1000);
    expect(await parseError(pomXml, text, 'pom.xml')).toMatchObject({
      file: 'pom.xml',
      line: 4,
      detail: expect.stringMatching(/expands to more than 4096 characters/),
    });
  });

  it('does not expand entities a DOCTYPE declares (no billion laughs)', async () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<project><dependencies><dependency><groupId>&b;</groupId><artifactId>x</artifactId><version>1</version></dependency></dependencies></project>`;
    expect(await parseError(pomXml, text, 'pom.xml')).toMatchObject({ line: 3, detail: expect.stringContaining('undefined entity') });
  });

  it('reads past a UTF-8 byte order mark', async () => {
    const text =
      '\uFEFF<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>1.0</version></dependency></dependencies></project>';
    expect(await parseLockfile(pomXml, text, 'pom.xml')).toMatchObject([{ name: 'g:a', version: '1.0', line: 1 }]);
  });

  itThrowsOnlyLockfileErrors(pomXml, [fixture('pom/pom.xml').slice(900, 2400)]);
});
