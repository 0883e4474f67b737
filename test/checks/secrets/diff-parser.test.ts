import { describe, expect, it } from 'vitest';
import { DiffParser, MAX_LINE_BYTES, MAX_RUN_LINES, parseDiffPath } from '../../../src/checks/secrets/diff-parser.js';
import { providerRow } from '../../../src/checks/secrets/rules/row.js';
import { lowerAlnum } from '../../../src/checks/secrets/rules/shapes.js';
import { AWS_KEY_RULE, detectorFor, randomText } from './test-rules.js';

const LOG = [
  '\u0000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 2026-01-02T03:04:05+00:00 Ada Lovelace',
  '',
  '\u0000', // the message (empty here) ends at a lone NUL
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
  '\u0000',
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
      expect(parser.stats).toEqual({ commits: 2, files: 2, lines: 4, skippedBinary: 1, largeFiles: 0, skippedExcluded: 0 });
    }
  });

  it('never skips a file for its size: past the limit its lines are marked for distinctive tokens only (issue 10.5)', () => {
    const parser = new DiffParser({ maxFileSize: 15, includePath: (path) => path !== 't\tab ü' });
    parser.push(LOG);
    parser.end();
    const lines = parser.take();
    expect(lines.map((line) => [line.text, line.restricted ?? false])).toEqual([
      ['new three', false],
      ['+++ four starts with pluses', true],
      ['twelve', true],
    ]);
    expect(parser.stats).toMatchObject({ largeFiles: 1, skippedExcluded: 1, lines: 3 });
  });

  it('hands out a line of any length in overlapping pieces, on its own line number, in bounded memory', () => {
    const key = 'AKIA' + 'Q7ZL4WX2NBTR5KDM';
    // A key at the very end of a 3 MiB line, and one astride the first piece boundary.
    const long = `${'x'.repeat(MAX_LINE_BYTES - 10)}${key}${'y'.repeat(2 * MAX_LINE_BYTES)}${key}`;
    const text = [
      '\u0000' + 'c'.repeat(40) + ' 2026-01-01T00:00:00+00:00 Cy',
      '',
      '\u0000',
      'diff --git a/pad.txt b/pad.txt',
      '+++ b/pad.txt',
      '@@ -0,0 +7,2 @@',
      `+${long}`,
      '+after',
      '',
    ].join('\n');
    const parser = new DiffParser({ maxFileSize: 1_000_000_000 });
    const bytes = Buffer.from(text);
    for (let index = 0; index < bytes.length; index += 65536) parser.push(bytes.subarray(index, index + 65536));
    parser.end();
    const lines = parser.take();
    const onSeven = lines.filter((line) => line.line === 7);
    expect(onSeven.length).toBeGreaterThan(2);
    for (const piece of onSeven) expect(piece.text.length).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(onSeven.filter((piece) => piece.text.includes(key)).length).toBeGreaterThanOrEqual(2);
    expect(onSeven.every((piece) => piece.restricted)).toBe(true);
    expect(lines.at(-1)).toMatchObject({ line: 8, text: 'after' });
    expect(parser.stats.lines).toBe(2);
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

const parse = (log: string, options: Partial<ConstructorParameters<typeof DiffParser>[0]> = {}) => {
  const bytes = Buffer.from(log, 'utf8');
  const results = [1, 5, 64, bytes.length].map((size) => {
    const parser = new DiffParser({ maxFileSize: 1000, ...options });
    for (let index = 0; index < bytes.length; index += size) parser.push(bytes.subarray(index, index + size));
    parser.end();
    return { lines: parser.take().map((added) => [added.path, added.line, added.text, added.commit.slice(0, 1)]), stats: parser.stats };
  });
  for (const other of results.slice(1)) expect(other).toEqual(results[0]); // the same in any chunking
  return results[0]!;
};

describe('DiffParser on merge commits (git log --cc)', () => {
  const MERGE = [
    `\u0000${'m'.repeat(40)} 2026-01-03T00:00:00+00:00 Mia`,
    'merge feature',
    '',
    '\u0000',
    '',
    'diff --cc conf.env',
    'index 1111111,2222222..3333333',
    '--- a/conf.env',
    '+++ b/conf.env',
    '@@@ -2,1 -2,1 +2,3 @@@',
    '- MAIN_ONLY=1',
    '++RESOLVED_BY_HAND=1',
    '+ FROM_FEATURE=1',
    ' +FROM_MAIN=1',
    'diff --cc new.txt',
    'index 0000000,0000000..4444444',
    'new file mode 100644',
    '--- /dev/null',
    '+++ b/new.txt',
    '@@@ -1,0 -1,0 +1,1 @@@',
    '++evil=1',
    `\u0000${'o'.repeat(40)} 2026-01-04T00:00:00+00:00 Oz`,
    'octopus',
    '',
    '\u0000',
    'diff --cc x',
    '--- a/x',
    '+++ b/x',
    '@@@@ -1 -1 -1 +1,2 @@@@',
    '+++ new to all three parents',
    '++  in two of three',
    '',
  ].join('\n');

  it('keeps only the lines new to every parent, numbered in the merge result', () => {
    const { lines, stats } = parse(MERGE);
    expect(lines).toEqual([
      ['(commit message)', 1, 'merge feature', 'm'],
      ['conf.env', 2, 'RESOLVED_BY_HAND=1', 'm'],
      ['new.txt', 1, 'evil=1', 'm'],
      ['(commit message)', 1, 'octopus', 'o'],
      ['x', 1, ' new to all three parents', 'o'],
    ]);
    expect(stats).toMatchObject({ commits: 2, lines: 5 });
  });
});

describe('DiffParser on commit messages', () => {
  const KEY = 'AKIA' + 'Q'.repeat(16);
  const LOG = [
    `\u0000${'a'.repeat(40)} 2026-01-02T03:04:05+00:00 Ada`,
    'deploy: rotate the key',
    '',
    `old one was ${KEY}`,
    // A message can hold anything but a NUL: none of this is a diff.
    'diff --git a/fake b/fake',
    '+++ b/fake',
    '@@ -0,0 +1 @@',
    '+fake added line',
    '',
    '\u0000',
    '',
    'diff --git a/real.txt b/real.txt',
    '--- /dev/null',
    '+++ b/real.txt',
    '@@ -0,0 +1 @@',
    '+real',
    `\u0000${'b'.repeat(40)} 2026-01-02T03:04:05+00:00 Bo`,
    'no diff follows',
    '\u0000',
    '',
  ].join('\n');

  it('yields each line of each message at (commit message) with its line in the message', () => {
    const { lines, stats } = parse(LOG);
    expect(lines).toEqual([
      ['(commit message)', 1, 'deploy: rotate the key', 'a'],
      ['(commit message)', 3, `old one was ${KEY}`, 'a'],
      ['(commit message)', 4, 'diff --git a/fake b/fake', 'a'],
      ['(commit message)', 5, '+++ b/fake', 'a'],
      ['(commit message)', 6, '@@ -0,0 +1 @@', 'a'],
      ['(commit message)', 7, '+fake added line', 'a'],
      ['real.txt', 1, 'real', 'a'],
      ['(commit message)', 1, 'no diff follows', 'b'],
    ]);
    expect(stats).toMatchObject({ commits: 2, lines: 8 });
  });

  it('applies the prefilter, the size limit and exclusions to messages as to files', () => {
    expect(parse(LOG, { keep: (bytes, start, end) => Buffer.from(bytes.subarray(start, end)).includes('AKIA') }).lines).toEqual([
      ['(commit message)', 3, `old one was ${KEY}`, 'a'],
    ]);
    const big = parse(LOG, { maxFileSize: 60 });
    // Past the limit a message is still read, for distinctive tokens only.
    expect(big.lines.filter(([path]) => path === '(commit message)').map(([, line]) => line)).toEqual([1, 3, 4, 5, 6, 7, 1]);
    expect(big.stats.largeFiles).toBe(1);
    const excluded = parse(LOG, { includePath: (path) => path !== '(commit message)' });
    expect(excluded.lines).toEqual([['real.txt', 1, 'real', 'a']]);
    expect(excluded.stats.skippedExcluded).toBe(2);
  });
});

describe('DiffParser batches', () => {
  // A provider row whose value sits on the line after its keyword (a YAML block): the detector reads
  // the two lines together only when they come in one batch.
  const row = providerRow({ provider: 'Acme', keywords: ['acmecorp'], value: lowerAlnum(32) });
  const value = randomText(32, 'abcdefghijklmnopqrstuvwxyz0123456789', 7);
  const log = [
    '\u0000' + 'd'.repeat(40) + ' 2026-01-01T00:00:00+00:00 Di',
    '',
    '\u0000',
    'diff --git a/deploy.yml b/deploy.yml',
    '+++ b/deploy.yml',
    '@@ -0,0 +1,3 @@',
    '+acmecorp:',
    `+  key: ${value}`,
    '+region: eu',
    '',
  ].join('\n');

  it('never cuts a run of lines where a chunk of input ended, so what is found does not depend on read sizes', () => {
    const bytes = Buffer.from(log);
    const cut = bytes.indexOf('+  key:'); // the chunk ends between the keyword's line and the value's
    for (const chunks of [[bytes], [bytes.subarray(0, cut), bytes.subarray(cut)]]) {
      const detector = detectorFor([AWS_KEY_RULE, row]);
      const parser = new DiffParser({ maxFileSize: 1000, keep: detector.keepBytes });
      const found: string[] = [];
      const scan = () => {
        for (const detection of detector.scan(parser.take())) found.push(`${detection.line.line} ${detection.rule.id}`);
      };
      for (const chunk of chunks) {
        parser.push(chunk);
        scan(); // as the history stream does: scan what the parser hands out after each chunk
      }
      parser.end();
      scan();
      expect(found).toEqual([`2 ${row.id}`]);
    }
  });

  it('cuts a long run at a fixed length, ending its batch there whatever the chunking', () => {
    const added = Array.from({ length: MAX_RUN_LINES + 10 }, (_, index) => `+line ${index}`);
    const text = [
      '\u0000' + 'e'.repeat(40) + ' 2026-01-01T00:00:00+00:00 Ed',
      '',
      '\u0000',
      '+++ b/long.txt',
      `@@ -0,0 +1,${added.length} @@`,
      ...added,
      '',
    ].join('\n');
    const bytes = Buffer.from(text);
    const shapes = [97, 4096, bytes.length].map((size) => {
      const parser = new DiffParser({ maxFileSize: 1 << 20 });
      const batches: number[] = [];
      for (let index = 0; index < bytes.length; index += size) {
        parser.push(bytes.subarray(index, index + size));
        for (const batch of parser.takeBatches()) batches.push(batch.length);
      }
      parser.end();
      for (const batch of parser.takeBatches()) batches.push(batch.length);
      return batches.filter((length) => length > 0);
    });
    // The file's run (the message is empty): cut at MAX_RUN_LINES, never elsewhere.
    for (const shape of shapes) expect(shape.reduce((sum, length) => sum + length, 0)).toBe(MAX_RUN_LINES + 10);
    for (const shape of shapes) expect(shape).toEqual([MAX_RUN_LINES, 10]);
  });
});
