import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import { compareMaven } from '../../../../src/checks/deps/ecosystems/maven.js';
import { itOrdersAscending, itTreatsAsEqual } from './ordering.js';

// The lists are Maven's own ComparableVersionTest (maven-artifact 3.9.x).
describe('Maven versions (ComparableVersion)', () => {
  itOrdersAscending('orders ComparableVersionTest VERSIONS_QUALIFIER', compareMaven, [
    '1-alpha2snapshot',
    '1-alpha2',
    '1-alpha-123',
    '1-beta-2',
    '1-beta123',
    '1-m2',
    '1-m11',
    '1-rc',
    '1-cr2',
    '1-rc123',
    '1-SNAPSHOT',
    '1',
    '1-sp',
    '1-sp2',
    '1-sp123',
    '1-abc',
    '1-def',
    '1-pom-1',
    '1-1-snapshot',
    '1-1',
    '1-2',
    '1-123',
  ]);

  itOrdersAscending('orders ComparableVersionTest VERSIONS_NUMBER', compareMaven, [
    '2.0',
    '2.0.a',
    '2-1',
    '2.0.2',
    '2.0.123',
    '2.1.0',
    '2.1-a',
    '2.1b',
    '2.1-c',
    '2.1-1',
    '2.1.0.1',
    '2.2',
    '2.123',
    '11.a2',
    '11.a11',
    '11.b2',
    '11.b11',
    '11.m2',
    '11.m11',
    '11',
    '11.a',
    '11b',
    '11c',
    '11m',
  ]);

  itTreatsAsEqual('treats ComparableVersionTest testVersionsEqual spellings as equal', compareMaven, [
    ['1', '1.0', '1.0.0', '1-0', '1.0-0', '1-ga', '1.ga', '1-final', '1final', '1ga', '1release', '1-RELEASE', '1.0.0-GA'],
    ['1a', '1-a', '1.0-a', '1.0.0-a', '1.0a', '1.0.0a'],
    ['1x', '1-x', '1.0-x', '1.0.0-x', '1.0x', '1.0.0x', '1X'],
    ['1cr', '1rc', '1-CR', '1-RC'],
    ['1a1', '1-alpha-1', '1A1', '1-ALPHA-1', '1alpha1', '1-a1'],
    ['1b2', '1-beta-2', '1beta2'],
    ['1m3', '1-milestone-3'],
    ['1-snapshot', '1-SNAPSHOT', '1-Snapshot'],
    ['0000000000000000001', '1', '1.0000000000000000000000'],
  ]);

  // The POM reference, "Version Order Specification" examples.
  itOrdersAscending('follows the POM reference: 1 < 1.1, 1-snapshot < 1 < 1-sp', compareMaven, ['1-snapshot', '1', '1-sp', '1.1']);
  itOrdersAscending('follows the POM reference: 1-foo2 < 1-foo10', compareMaven, ['1-foo2', '1-foo10']);
  itOrdersAscending('follows the POM reference: 1-foo < 1-1 < 1.1', compareMaven, [['1.foo', '1-foo'], '1-1', '1.1']);
  itOrdersAscending('follows the POM reference: trailing nulls before the sp qualifier', compareMaven, ['1-ga.1', '1-sp.1']);

  // MNG-7559: `.qualifier` is treated as `-qualifier`.
  itOrdersAscending('orders MNG-7559 dotted qualifiers', compareMaven, ['1.0.0.RC1', '1.0.0-RC2', '1.0.0', '1.0.0.SP1', '1.0.0-SP2']);
  it('orders MNG-7559 1.0.0.X1 below 1.0.0-X2 for any X', () => {
    for (const x of ['abc', 'alpha', 'a', 'beta', 'b', 'def', 'milestone', 'm', 'RC']) {
      expect(compareMaven(`1.0.0.${x}1`, `1.0.0-${x}2`)).toBeLessThan(0);
    }
    expect(compareMaven('1.0.0.rc1', '1.0.0-rc2')).toBeLessThan(0);
    expect(compareMaven('1.0.0.ga1', '1.0.0-ga2')).toBeLessThan(0);
  });

  // MNG-7644: 2.0.X == 2-X == 2.0.0.X for any qualifier X.
  itTreatsAsEqual(
    'treats a dotted qualifier after zeros like a dashed one (MNG-7644)',
    compareMaven,
    ['abc', 'alpha', 'a', 'beta', 'b', 'def', 'milestone', 'm', 'RC'].map((x) => [`2-${x}`, `2.0.${x}`, `2.0.0.${x}`]),
  );

  // MNG-6964: a sub-list compares with null as a whole.
  itOrdersAscending('orders MNG-6964 lists against nothing', compareMaven, ['1-0.alpha', '1-0.beta', '1']);

  // MNG-6572 and MNG-5568: numbers past 32 and 64 bits.
  itOrdersAscending('orders huge numbers (MNG-6572)', compareMaven, [
    '20190126.230843',
    '1234567890.12345',
    '123456789012345.1H.5-beta',
    '12345678901234567890.1H.5-beta',
  ]);
  itOrdersAscending('orders MNG-5568 mixed versions', compareMaven, ['6.1.0rc3', '6.1.0', '6.1H.5-beta']);

  // Maven 3.8.7 (the reference run here, see reference/maven.txt): a qualifier glued to a number is
  // the qualifier and then a sub-list, so `1-ga1` is `1-[1]`, below `1-1`, and `Alpha2` is below `alpha.11`.
  itOrdersAscending('reads a qualifier glued to a number as the qualifier then a sub-list', compareMaven, [
    '1',
    ['1-ga1', '1.0.0.ga1', '1-final-1'],
    '1-ga2',
    '1-1',
    '1-2',
  ]);
  itOrdersAscending('orders Alpha2 below alpha.11', compareMaven, [['5.0.0.Alpha2', '5.0.0-alpha2'], '5.0.0-alpha.11']);

  // Character.isDigit is any Unicode decimal digit; numbers of up to 9, 18 and more digits are
  // IntItem, LongItem and BigIntegerItem, and a longer kind is always the larger.
  itOrdersAscending('reads Unicode digits and long numbers as Maven does', compareMaven, [
    ['1.3', '1.\u0663', '1.000000000003'],
    '1.\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u06601',
    '1.1234567890',
    '1.99999999999999999999',
  ]);

  itOrdersAscending('orders a real Maven advisory range (log4j-core)', compareMaven, [
    '2.0-beta9',
    '2.0-rc1',
    '2.0',
    '2.3.1',
    '2.12.2',
    '2.12.4',
    '2.15.0',
    '2.16.0',
    '2.17.1',
  ]);

  it('reads qualifiers named like Object properties as plain qualifiers', () => {
    expect(compareMaven('1-constructor', '1-d')).toBe(-1); // "7-constructor" < "7-d", as Maven 3.8.7 says
    expect(compareMaven('1-__proto__', '1-toString')).toBe(-1);
  });

  it('never throws: any string is a Maven version', () => {
    expect(compareMaven('', '0')).toBe(0);
    expect(compareMaven('-', '.')).toBe(0);
    expect(compareVersions('Maven', '5.3.18', '5.3.9')).toBeGreaterThan(0);
  });
});
