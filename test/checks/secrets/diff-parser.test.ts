import { describe, expect, it } from 'vitest';
import { DiffParser, parseDiffPath } from '../../../src/checks/secrets/diff-parser.js';

const LOG = [
  '\u0000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 2026-01-02T03:04:05+00:00 Ada Lovelace',
  '',
  'diff --git a/x.txt b/x.txt',
  'index 1..2 100644',
  '--- a/x.txt',
  '+++ b/x.txt',
  '@@ -3 +3,2 @@',
  '-old',
  '+new three',
  '++++ four starts with pluses',
  '@@ -10,0 +12 @@',
  '+twelve\r',
  '\\ No newline at end of file',
  'diff --git a/gone.txt b/gone.txt',
  'deleted file mode 100644',
  '--- a/gone.txt',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-bye',
  'diff --git a/img.png b/img.png',
  'Binary files a/img.png and b/img.png differ',
  '\u0000bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb 2026-01-01T00:00:00+00:00 Bo',
  '',
  'diff --git "a/t\\tab" "b/t\\tab"',
  '--- /dev/null',
  '+++ "b/t\\tab \\303\\274"',
  '@@ -0,0 +1 @@',
  '+x é 密',
  '',
].join('\n');

describe('DiffParser', () => {
  it('turns git log -p -U0 output into added lines, in any chunking', () => {
    const bytes = Buffer.from(LOG, 'utf8');
    for (const size of [1, 7, 64, bytes.length]) {
      const parser = new DiffParser({ maxFileSize: 1000 });
      // Byte chunks split lines and even multi-byte characters.
      for (let index = 0; index < bytes.length; index += size) parser.push(bytes.subarray(index, index + size));
      parser.end();
      expect(parser.take()).toEqual([
        { path: 'x.txt', line: 3, text: 'new three', commit: 'a'.repeat(40), author: 'Ada Lovelace', date: '2026-01-02T03:04:05+00:00' },
        {
          path: 'x.txt',
          line: 4,
          text: '+++ four starts with pluses',
          commit: 'a'.repeat(40),
          author: 'Ada Lovelace',
          date: '2026-01-02T03:04:05+00:00',
        },
        { path: 'x.txt', line: 12, text: 'twelve', commit: 'a'.repeat(40), author: 'Ada Lovelace', date: '2026-01-02T03:04:05+00:00' },
        { path: 't\tab ü', line: 1, text: 'x é 密', commit: 'b'.repeat(40), author: 'Bo', date: '2026-01-01T00:00:00+00:00' },
      ]);
      expect(parser.stats).toEqual({ commits: 2, lines: 4, skippedBinary: 1, skippedTooLarge: 0, skippedExcluded: 0 });
    }
  });

  it('skips a file whose added text in one commit exceeds the limit, and excluded paths', () => {
    const parser = new DiffParser({ maxFileSize: 15, includePath: (path) => path !== 't\tab ü' });
    parser.push(LOG);
    parser.end();
    expect(parser.take()).toEqual([]);
    expect(parser.stats).toMatchObject({ skippedTooLarge: 1, skippedExcluded: 1, lines: 0 });
  });
});

describe('DiffParser keep', () => {
  it('hands out only the lines the prefilter keeps, yet counts every added line', () => {
    const parser = new DiffParser({
      maxFileSize: 1000,
      keep: (bytes, start, end) => Buffer.from(bytes.subarray(start, end)).toString() === 'twelve',
    });
    parser.push(LOG);
    parser.end();
    expect(parser.take().map((added) => [added.path, added.line, added.text])).toEqual([['x.txt', 12, 'twelve']]);
    expect(parser.stats.lines).toBe(4);
  });
});

describe('parseDiffPath', () => {
  it('strips the b/ prefix, the TAB git appends after names with spaces, and C quoting', () => {
    expect(parseDiffPath('b/src/a.ts')).toBe('src/a.ts');
    expect(parseDiffPath('b/my file.txt\t')).toBe('my file.txt');
    expect(parseDiffPath('"b/q\\"uote\\\\d"')).toBe('q"uote\\d');
    expect(parseDiffPath('"b/\\345\\257\\206.txt"')).toBe('密.txt');
  });
});
