// `--no-git`: every line of every file in the working tree counts as added. The tree is listed
// once, in path order; a long list is read in segments by several threads (parallel-scan.ts). Each
// file is read whole with plain blocking reads into one buffer (a thread-pool round trip per call
// cost more than the reads); the byte prefilter (`keep`) runs on its raw bytes, line by line from a
// fresh start, and only the lines it keeps are decoded to strings.
import { closeSync, createReadStream, openSync, readSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_LINE_BYTES, PIECE_OVERLAP, RunBatcher, type AddedLine, type DiffParserOptions, type DiffStats } from './diff-parser.js';

export interface WorkingTreeOptions {
  maxFileSize: number;
  includePath?: (path: string) => boolean;
  /** The scan's byte prefilter (see DiffParserOptions.keep): lines it rejects are counted, never decoded. */
  keep?: DiffParserOptions['keep'];
  startFile?: DiffParserOptions['startFile'];
  /** A file that could not be read (permissions, vanished): reported, and the scan goes on. */
  onUnreadable?: (path: string, reason: string) => void;
}

export interface WorkingTreeStats extends DiffStats {
  /** Files inside `node_modules` folders, never read (installed code, not the repository's). */
  skippedNodeModules: number;
  /** Files inside `.git` folders, never read (git's own database). */
  skippedGitFolder: number;
}

/** Folders never read, and the stat that counts the files in them. */
const SKIPPED_FOLDERS = new Map<string, 'skippedNodeModules' | 'skippedGitFolder'>([
  ['node_modules', 'skippedNodeModules'],
  ['.git', 'skippedGitFolder'],
]);

/** Git's own heuristic: a NUL byte in the first 8000 bytes makes a file binary. */
const SNIFF_BYTES = 8000;
/** A file over the size limit is read in pieces of this size. */
const LARGE_FILE_CHUNK = 1 << 20;
/** Lines handed to the detector at once (a batch may hold several small files). */
const BATCH_LINES = 4096;

export function emptyTreeStats(): WorkingTreeStats {
  return {
    commits: 0,
    files: 0,
    lines: 0,
    skippedBinary: 0,
    largeFiles: 0,
    skippedExcluded: 0,
    skippedNodeModules: 0,
    skippedGitFolder: 0,
  };
}

/**
 * The files to read, in path order (relative, `/`-separated, sorted as strings): every regular file
 * under `root` but those `includePath` rejects and those in `node_modules` and `.git` folders, which
 * are counted in `stats`.
 */
export async function listTreeFiles(
  root: string,
  includePath: WorkingTreeOptions['includePath'],
  stats: WorkingTreeStats,
  onUnreadable: (path: string, reason: string) => void,
): Promise<string[]> {
  const paths = (await listFiles(root, '', stats, onUnreadable)).sort();
  if (!includePath) return paths;
  return paths.filter((path) => {
    const included = includePath(path);
    if (!included) stats.skippedExcluded++;
    return included;
  });
}

/**
 * The kept lines of `paths` (from listTreeFiles), file by file in that order; runs of lines are
 * never cut by reads (see RunBatcher). `stats` fills in as the lines are read.
 */
export async function* treeLines(
  root: string,
  paths: string[],
  options: WorkingTreeOptions,
  stats: WorkingTreeStats,
): AsyncGenerator<AddedLine[]> {
  const slot = Buffer.allocUnsafe(options.maxFileSize + 1);
  const batch = new RunBatcher();
  let pending = 0;
  for (const path of paths) {
    const read = readWhole(join(root, path), slot);
    if ('error' in read) {
      options.onUnreadable?.(path, read.error);
      continue;
    }
    if (read.large) {
      // Never skipped for its size (padding must not hide a key): streamed, distinctive tokens only.
      yield* batch.takeBatches();
      pending = 0;
      yield* largeFileLines(join(root, path), path, options, stats);
      continue;
    }
    const bytes = read.bytes;
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
      stats.skippedBinary++;
      continue;
    }
    stats.files++;
    pending += fileLines(bytes, path, options, stats, batch);
    if (pending >= BATCH_LINES) {
      yield* batch.takeBatches();
      pending = 0;
    }
  }
  batch.flush();
  yield* batch.takeBatches();
}

/**
 * Every regular file under `dir` (relative paths; symlinks not followed), skipping `node_modules`
 * and `.git` folders at any depth, whose files are only counted. Folders are listed concurrently.
 */
async function listFiles(
  root: string,
  dir: string,
  stats: WorkingTreeStats,
  onUnreadable: (path: string, reason: string) => void,
): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, dir), { withFileTypes: true });
  } catch (error) {
    // Not read is not checked: said, never skipped quietly.
    onUnreadable(dir === '' ? '.' : dir, (error as NodeJS.ErrnoException).code ?? String(error));
    return [];
  }
  const files: string[] = [];
  const folders: Promise<string[]>[] = [];
  for (const entry of entries) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isFile()) files.push(path);
    else if (entry.isDirectory()) {
      const skipped = SKIPPED_FOLDERS.get(entry.name);
      if (skipped) folders.push(countFiles(join(root, path)).then((count) => ((stats[skipped] += count), [])));
      else folders.push(listFiles(root, path, stats, onUnreadable));
    }
  }
  for (const more of await Promise.all(folders)) for (const path of more) files.push(path);
  return files;
}

async function countFiles(dir: string): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let count = 0;
  const folders: Promise<number>[] = [];
  for (const entry of entries) {
    if (entry.isFile()) count++;
    else if (entry.isDirectory()) folders.push(countFiles(join(dir, entry.name)));
  }
  for (const more of await Promise.all(folders)) count += more;
  return count;
}

type FileRead = { bytes: Buffer; large: false } | { large: true } | { error: string };

/**
 * A file's bytes, read whole into `slot` (maxFileSize + 1 bytes): a file that fills it is over the
 * size limit, streamed later. Plain blocking reads: for the small files of a tree, a thread-pool
 * round trip per call cost more than the read itself.
 */
function readWhole(full: string, slot: Buffer): FileRead {
  let fd: number | undefined;
  try {
    fd = openSync(full, 'r');
    let length = 0;
    while (length < slot.length) {
      const bytesRead = readSync(fd, slot, length, slot.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length >= slot.length ? { large: true } : { bytes: slot.subarray(0, length), large: false };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The lines of one file: counted, run through the prefilter in order (from a fresh start, as each
 * file), and only the kept ones decoded. Returns how many it kept.
 */
function fileLines(bytes: Buffer, path: string, options: WorkingTreeOptions, stats: WorkingTreeStats, batch: RunBatcher): number {
  const { keep } = options;
  options.startFile?.();
  let kept = 0;
  let line = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    const next = end === -1 ? bytes.length : end + 1;
    if (end === -1) end = bytes.length;
    line++;
    if (end > start && bytes[end - 1] === 13) end--; // CRLF
    if (!keep || keep(bytes, start, end)) {
      batch.push({ path, line, text: bytes.toString('utf8', start, end), commit: '', author: '', date: '' });
      kept++;
    }
    start = next;
  }
  stats.lines += line;
  return kept;
}

/** A file over the size limit, streamed in pieces: lines longer than MAX_LINE_BYTES come in overlapping pieces. */
async function* largeFileLines(
  full: string,
  path: string,
  options: WorkingTreeOptions,
  stats: WorkingTreeStats,
): AsyncGenerator<AddedLine[]> {
  const { keep } = options;
  const batch = new RunBatcher();
  let line = 1;
  let partial: Buffer | undefined;
  let sniffed = false;
  options.startFile?.();
  const add = (bytes: Buffer, start: number, end: number) => {
    if (end > start && bytes[end - 1] === 13) end--;
    if (keep && !keep(bytes, start, end)) return;
    batch.push({ path, line, text: bytes.toString('utf8', start, end), commit: '', author: '', date: '', restricted: true });
  };
  try {
    for await (const chunk of createReadStream(full, { highWaterMark: LARGE_FILE_CHUNK }) as AsyncIterable<Buffer>) {
      if (!sniffed) {
        sniffed = true;
        if (chunk.subarray(0, SNIFF_BYTES).includes(0)) {
          stats.skippedBinary++;
          return;
        }
        stats.largeFiles++;
        stats.files++;
      }
      const text = partial ? Buffer.concat([partial, chunk]) : chunk;
      let start = 0;
      for (let newline = text.indexOf(10); newline !== -1; newline = text.indexOf(10, start)) {
        add(text, start, newline);
        stats.lines++;
        line++;
        start = newline + 1;
      }
      partial = text.subarray(start);
      while (partial.length > MAX_LINE_BYTES) {
        add(partial, 0, MAX_LINE_BYTES);
        partial = partial.subarray(MAX_LINE_BYTES - PIECE_OVERLAP);
      }
      yield* batch.takeBatches();
    }
  } catch (error) {
    options.onUnreadable?.(path, (error as NodeJS.ErrnoException).code ?? String(error));
    return;
  }
  if (partial && partial.length > 0) {
    stats.lines++;
    add(partial, 0, partial.length);
  }
  batch.flush();
  yield* batch.takeBatches();
}
