// Fail closed on what is not a lockfile at all: random bytes under a lockfile's name have no
// recognisable structure, so every format refuses them (issue 10 item 24: a Gemfile.lock of random
// bytes used to read as 0 packages, a PASS for what was never checked).
import { describe, expect, it } from 'vitest';
import { LOCKFILE_FORMATS } from '../../../../src/checks/deps/lockfiles/index.js';
import { parseError, randomBytesText } from './support.js';

describe('random bytes named like a lockfile', () => {
  const random = randomBytesText(256 * 1024);
  it.each(LOCKFILE_FORMATS.map((format) => [format.name, format] as const))('%s refuses them with a LockfileError', async (_, format) => {
    expect(await parseError(format, random, `x/${format.fileNames[0]}`)).toMatchObject({ file: `x/${format.fileNames[0]}` });
  });
});
