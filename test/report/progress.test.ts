import { describe, expect, it } from 'vitest';
import { progressOnTty } from '../../src/report/progress.js';

describe('progress on a terminal', () => {
  it('is silent when standard error is not a TTY (CI logs, pipes)', () => {
    expect(progressOnTty({ isTTY: false, write: () => true })).toBeUndefined();
  });

  it('rewrites one line with the commits scanned so far, at most every 200 ms', () => {
    const written: string[] = [];
    const progress = progressOnTty({ isTTY: true, write: (text: string) => written.push(text) })!;
    progress({ check: 'secrets', done: 500, unit: 'commits' });
    progress({ check: 'secrets', done: 1000, unit: 'commits' }); // within 200 ms: dropped
    expect(written).toEqual(['\rsecrets: 500 commits scanned\u001b[K']);
  });
});
