// `--no-git`: every line of every file in the working tree counts as added.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import { MAX_LINE_BYTES, type AddedLine, type DiffStats } from './diff-parser.js';

export interface WorkingTreeOptions {
  maxFileSize: number;
  includePath?: (path: string) => boolean;
  /** A file that could not be read (permissions, vanished): reported, and the scan goes on. */
  onUnreadable?: (path: string, reason: string) => void;
}

/** Git's own heuristic: a NUL byte in the first 8000 bytes makes a file binary. */
const SNIFF_BYTES = 8000;

/** Streams each file's lines as one batch; `stats` fills in as it goes (commits stays 0). */
export async function* workingTreeLines(root: string, options: WorkingTreeOptions, stats: DiffStats): AsyncGenerator<AddedLine[]> {
  const paths = await fg('**/*', {
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/.git/**', '**/node_modules/**'],
  });
  paths.sort();
  for (const path of paths) {
    if (options.includePath && !options.includePath(path)) {
      stats.skippedExcluded++;
      continue;
    }
    const full = join(root, path);
    let bytes: Buffer;
    try {
      if ((await stat(full)).size > options.maxFileSize) {
        // Never skipped for its size (padding must not hide a key): streamed, distinctive tokens only.
        stats.largeFiles++;
        stats.files++;
        yield* largeFileLines(full, path, stats);
        continue;
      }
      bytes = await readFile(full);
    } catch (error) {
      options.onUnreadable?.(path, (error as NodeJS.ErrnoException).code ?? String(error));
      continue;
    }
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
      stats.skippedBinary++;
      continue;
    }
    stats.files++;
    const lines = bytes.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const batch = lines.map((text, index) => ({
      path,
      line: index + 1,
      text: text.endsWith('\r') ? text.slice(0, -1) : text,
      commit: '',
      author: '',
      date: '',
    }));
    stats.lines += batch.length;
    if (batch.length > 0) yield batch;
  }
}

/** A file over the size limit, streamed in batches: lines longer than MAX_LINE_BYTES come in pieces. */
async function* largeFileLines(full: string, path: string, stats: DiffStats): AsyncGenerator<AddedLine[]> {
  let line = 1;
  let partial: Buffer | undefined;
  let sniffed = false;
  const lineOf = (bytes: Buffer, start: number, end: number): AddedLine => {
    if (end > start && bytes[end - 1] === 13) end--;
    return { path, line, text: bytes.toString('utf8', start, end), commit: '', author: '', date: '', restricted: true };
  };
  for await (const chunk of createReadStream(full) as AsyncIterable<Buffer>) {
    if (!sniffed) {
      sniffed = true;
      if (chunk.subarray(0, SNIFF_BYTES).includes(0)) {
        stats.skippedBinary++;
        stats.largeFiles--;
        stats.files--;
        return;
      }
    }
    const text = partial ? Buffer.concat([partial, chunk]) : chunk;
    const batch: AddedLine[] = [];
    let start = 0;
    for (let newline = text.indexOf(10); newline !== -1; newline = text.indexOf(10, start)) {
      batch.push(lineOf(text, start, newline));
      stats.lines++;
      line++;
      start = newline + 1;
    }
    partial = text.subarray(start);
    while (partial.length > MAX_LINE_BYTES) {
      batch.push(lineOf(partial, 0, MAX_LINE_BYTES));
      partial = partial.subarray(MAX_LINE_BYTES - 4096);
    }
    if (batch.length > 0) yield batch;
  }
  if (partial && partial.length > 0) {
    stats.lines++;
    yield [lineOf(partial, 0, partial.length)];
  }
}
