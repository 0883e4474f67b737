import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import { comparePyPI } from '../../../../src/checks/deps/ecosystems/pypi.js';
import { itOrdersAscending, itTreatsAsEqual } from './ordering.js';

describe('PyPI versions (PEP 440)', () => {
  // PEP 440 §"Summary of permitted suffixes and relative ordering", the example list in order.
  itOrdersAscending('orders the PEP 440 example list of dev, pre, post and local releases', comparePyPI, [
    '1.dev0',
    '1.0.dev456',
    '1.0a1',
    '1.0a2.dev456',
    '1.0a12.dev456',
    '1.0a12',
    '1.0b1.dev456',
    '1.0b2',
    '1.0b2.post345.dev456',
    '1.0b2.post345',
    '1.0rc1.dev456',
    '1.0rc1',
    '1.0',
    '1.0+abc.5',
    '1.0+abc.7',
    '1.0+5',
    '1.0.post456.dev34',
    '1.0.post456',
    '1.0.15',
    '1.1.dev1',
  ]);

  // PEP 440 §"Version epochs": any epoch beats any release of a lower epoch.
  itOrdersAscending('puts every version of a higher epoch above the lower epoch', comparePyPI, [
    '1.0',
    '2013.10',
    '2014.04',
    ['1!1.0', '1!1.0.0'],
    '1!1.1',
    '1!2.0',
    '2!0.1',
  ]);

  itOrdersAscending('compares release segments numerically, not as text', comparePyPI, ['1.2', '1.9', '1.10', '1.10.1', '2.0', '10.0']);

  // PEP 440 §"Local version identifiers": alphanumeric segments sort before numeric ones; more segments win.
  itOrdersAscending('orders local version labels', comparePyPI, ['1.0', '1.0+abc', '1.0+abc.def', '1.0+abc.5', '1.0+5', '1.0+5.1']);

  // PEP 440 §"Normalization": alternative spellings of the same version.
  itTreatsAsEqual('treats the normalised spellings of a version as equal', comparePyPI, [
    ['1.0', '1.0.0', '1.0.0.0', 'v1.0', '01.0'],
    ['1.0a1', '1.0alpha1', '1.0-a1', '1.0.a.1', '1.0A1'],
    ['1.0b2', '1.0beta2', '1.0-b-2'],
    ['1.0rc1', '1.0c1', '1.0pre1', '1.0preview1'],
    ['1.0.post1', '1.0post1', '1.0-1', '1.0-post1', '1.0.rev1', '1.0r1'],
    ['1.0.dev1', '1.0dev1', '1.0-dev1'],
    ['1.0+ubuntu-1', '1.0+ubuntu.1', '1.0+ubuntu_1'],
  ]);

  it('orders an invalid version below valid ones, deterministically and without throwing', () => {
    expect(comparePyPI('not a version', '0.0.1')).toBeLessThan(0);
    expect(comparePyPI('0.0.1', 'not a version')).toBeGreaterThan(0);
    expect(comparePyPI('junk-a', 'junk-b')).toBe(-comparePyPI('junk-b', 'junk-a'));
    expect(comparePyPI('junk', 'junk')).toBe(0);
  });

  it('is what compareVersions uses for PyPI', () => {
    expect(compareVersions('PyPI', '1.0.post1', '1.0')).toBeGreaterThan(0);
    expect(compareVersions('PyPI', '2.0rc1', '2.0')).toBeLessThan(0);
  });
});
