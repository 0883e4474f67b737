import { describe, expect, it } from 'vitest';
import { normalizePyPIName } from '../../../src/checks/deps/names.js';

describe('PEP 503 names', () => {
  it.each([
    ['Django', 'django'],
    ['under_score', 'under-score'],
    ['pkg.dot.name', 'pkg-dot-name'],
    ['combination-._-.also_-._valid', 'combination-also-valid'],
    ['Friendly-Bard', 'friendly-bard'],
    ['FRIENDLY__.BARD', 'friendly-bard'],
  ])('normalises %s to %s', async (name, normalized) => expect(normalizePyPIName(name)).toBe(normalized));
});
