// SecretValues crossing a thread boundary (issue 10, item 12): a check's worker packs the raw values
// as numbers, the pipeline unpacks them, and the reporters can still redact every one of them.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact, SecretValues } from '../src/finding.js';

describe('SecretValues.pack / unpack', () => {
  const values = [
    'AKIA' + 'Q7ZL4WX2NBTR5KDM',
    'pässwörd-🔑-with-emoji',
    'lone-surrogate-\ud800-kept',
    `-----BEGIN KEY-----${'k'.repeat(70_000)}`, // longer than 65,535 code units: a two-unit length
  ];
  const holder = new SecretValues();
  for (const value of values) holder.add(value);

  it('rebuilds a holder that redacts every value, byte for byte', () => {
    const rebuilt = SecretValues.unpack(holder.pack());
    expect(rebuilt.size).toBe(values.length);
    for (const value of values) expect(rebuilt.redactIn(`in a path: ${value}.txt`)).toBe(`in a path: ${redact(value)}.txt`);
  });

  it('survives a structured clone (what postMessage does), where the holder itself arrives empty', () => {
    const cloned = structuredClone(holder.pack());
    expect(SecretValues.unpack(cloned).redactIn(values[0]!)).toBe(redact(values[0]!));
  });

  it('is numbers: printing the packet shows no value', () => {
    const printed = `${inspect(holder.pack(), { maxArrayLength: Infinity })} ${JSON.stringify(holder.pack())} ${String(holder.pack())}`;
    for (const value of values) expect(printed).not.toContain(value.slice(0, 12));
  });

  it('packs an empty holder to an empty packet', () => {
    expect(new SecretValues().pack()).toHaveLength(0);
    expect(SecretValues.unpack(new Uint16Array()).size).toBe(0);
  });
});
