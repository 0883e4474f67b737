// `--no-git`: every line of every file in the working tree counts as added.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { AddedLine, DiffStats } from './diff-parser.js';

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
        stats.skippedTooLarge++;
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
