// The check with the real built-in table, on a repository full of its own true-positive examples:
// every rule's secrets are found, and no raw value reaches any field of the result.
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { secretsCheck } from '../../../src/checks/secrets/index.js';
import { BUILTIN_RULES } from '../../../src/checks/secrets/rules/builtin.js';
import { detect, detectorFor } from './test-rules.js';
import { cleanupTempDirs, gitRepo } from '../../support/git-repo.js';
import { contextFor } from '../../support/context.js';

afterAll(cleanupTempDirs);

describe('secretsCheck with the built-in rules', () => {
  it('finds the table examples in history without ever writing a raw secret', async () => {
    const detector = detectorFor(BUILTIN_RULES);
    const files: Record<string, string> = {};
    const raw = new Set<string>();
    for (const rule of BUILTIN_RULES) {
      const text = rule.examples.secret.join('\n');
      if (!text) continue;
      files[`examples/${rule.id}.txt`] = `${text}\n`;
      for (const example of rule.examples.secret) for (const found of detect(detector, example)) raw.add(found.secret);
    }
    expect(raw.size).toBeGreaterThan(BUILTIN_RULES.length / 2);

    const repo = gitRepo().commit('base').commit('examples', files);
    const result = await secretsCheck(
      await contextFor(repo.dir, { mode: 'pr', base: repo.sha(0), head: repo.sha(1) }),
      configSchema.parse({}),
    );
    expect(result.errors).toEqual([]);
    expect(result.findings.length).toBeGreaterThanOrEqual(raw.size);

    const output = JSON.stringify(result);
    const leaked = [...raw].filter((secret) => output.includes(secret));
    expect(leaked).toEqual([]);
  });
});
