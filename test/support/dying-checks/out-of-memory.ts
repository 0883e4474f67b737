// A check that keeps everything it allocates until its heap is gone: what a property bomb or a
// quadratic parser does to a real check (issue 10, item 12). Loaded into a check's worker by tests only.
import type { Check } from '../../../src/checks/check.js';

const outOfMemory: Check = async () => {
  const kept: string[][] = [];
  for (;;) {
    kept.push(Array.from({ length: 100_000 }, (_, index) => `${index}-${kept.length}`));
    await Promise.resolve();
  }
};

export default outOfMemory;
