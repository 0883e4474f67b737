import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redact } from '../../../src/finding.js';

describe('redact', () => {
  it('keeps a 4-character prefix of long values and masks the rest, capped at 20 stars', () => {
    expect(redact('AKIAZ5GMHYJKQWERTY23')).toBe('AKIA****************');
    expect(redact(`ghp_${'a1B2'.repeat(9)}`)).toBe(`ghp_${'*'.repeat(20)}`);
  });

  it('reveals less of short values', () => {
    expect(redact('hunter22')).toBe('hu******');
    expect(redact('abc')).toBe('****');
    expect(redact('')).toBe('****');
  });

  it('never reveals more than a quarter of the value, nor more than 4 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (secret) => {
        const shown = redact(secret).replace(/\*+$/, '');
        expect(secret.startsWith(shown)).toBe(true);
        expect([...shown].length).toBeLessThanOrEqual(Math.min(4, [...secret].length / 4));
        expect(redact(secret).length - shown.length).toBeLessThanOrEqual(20);
      }),
    );
  });
});
