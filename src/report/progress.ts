// Progress for long scans, on a TTY only (a CI log or a pipe gets no carriage-return noise).
import type { Progress } from '../checks/check.js';

export function progressOnTty(stream: { isTTY?: boolean; write(text: string): unknown }): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return ({ check, done, total, unit }) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    stream.write(`\r${check}: ${done}${total ? `/${total}` : ''} ${unit} scanned\u001b[K`);
  };
}
