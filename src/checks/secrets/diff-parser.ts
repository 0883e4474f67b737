// A push parser for the output of `git log -p -U0 --cc -M --format=COMMIT_FORMAT` (and of
// `git diff --cached -U0 -M`): feed it git's bytes as they arrive and it hands out the added lines
// with their path, line number in the new file, commit, author and date. It works on bytes and
// decodes only header lines and the added lines the prefilter keeps (most of a history is
// neither). It holds at most one chunk's lines and one line piece at a time, never a whole file
// or the history: a file over the size limit, or a line of any length, is scanned, never skipped.
//
// What counts as added:
// - an ordinary diff: the `+` lines. With rename detection (`-M`) a moved file shows only the lines
//   that changed, so moving a folder adds nothing.
// - a merge commit (`--cc`, git's combined diff: one prefix column per parent): only the lines new
//   to every parent (`++`), which is what the merge itself typed (a conflict resolution, an "evil
//   merge"); lines taken from a parent were scanned in the commit that added them.
// - the commit message: its lines, at the pseudo-path COMMIT_MESSAGE_PATH with line numbers of
//   the message (1 = the subject). A message is history too, and a token pasted into one leaks.

export interface AddedLine {
  /** Path in the repository, or COMMIT_MESSAGE_PATH for a line of the commit message. */
  path: string;
  /** 1-based line number in the file as of `commit` (in the message, for COMMIT_MESSAGE_PATH). */
  line: number;
  /** The line without its `+` and without a trailing CR. */
  text: string;
  commit: string;
  author: string;
  date: string;
  /**
   * Part of a file whose added text passed `maxFileSize`, or a piece of a line too long to hold
   * whole: scanned for distinctive provider tokens only (bounded work per line), never skipped.
   */
  restricted?: true;
}

/** Where a line of a commit message is reported: never a path git prints for a file in a diff. */
export const COMMIT_MESSAGE_PATH = '(commit message)';

export interface DiffStats {
  commits: number;
  /** Files read: each file a commit changes (history), or each text file (working tree). */
  files: number;
  lines: number;
  skippedBinary: number;
  /** Files (per commit) whose added text passed `maxFileSize`: scanned for distinctive tokens only. */
  largeFiles: number;
  skippedExcluded: number;
}

export function emptyStats(): DiffStats {
  return { commits: 0, files: 0, lines: 0, skippedBinary: 0, largeFiles: 0, skippedExcluded: 0 };
}

export interface DiffParserOptions {
  /**
   * Added text per file per commit (and per commit message) above this many bytes is scanned for
   * distinctive provider tokens only, and counted (padding a file must not hide the key in it).
   */
  maxFileSize: number;
  /** False for paths never scanned (`secrets.exclude-paths`). */
  includePath?: (path: string) => boolean;
  /**
   * Lines worth handing out (the scan's prefilter), given as the UTF-8 bytes `bytes[start, end)`
   * so the others are never decoded; they are counted but not kept.
   */
  keep?: (bytes: Uint8Array, start: number, end: number) => boolean;
  /**
   * Called as each file starts: `keep` may keep a few lines after a provider keyword (where the
   * value may sit), and those must be the same file's, so what it keeps of a file never depends on
   * the file read before it (nor on which stream or thread read that one).
   */
  startFile?: () => void;
  /** Called as each commit starts, with the number of commits seen so far (for progress). */
  onCommit?: (commits: number) => void;
}

/**
 * A commit is a header line that starts with a NUL byte (no line of a diff or a message can: git
 * cuts a message at its first NUL), its message, then a line that is a lone NUL.
 */
export const COMMIT_FORMAT = '%x00%H %aI %an%n%B%n%x00';

// `@@ -1,2 +3,4 @@`, or for a merge of N parents N+1 `@`s and N old ranges: `@@@ -1 -1,2 +1,3 @@@`.
const HUNK_HEADER = /^(@@+) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? @@/;

/**
 * A line longer than this is handed out in pieces of this size, each overlapping the next by
 * PIECE_OVERLAP bytes (longer than any token), so memory stays bounded and nothing is skipped.
 */
export const MAX_LINE_BYTES = 1 << 20;
export const PIECE_OVERLAP = 4096;

/**
 * The lines handed out together as one run at most (a run: consecutive lines of one file in one
 * commit, what the detector reads as one fragment). A longer run is cut here, at the same place
 * however git's output was chunked, so the findings never depend on read sizes.
 */
export const MAX_RUN_LINES = 1024;
const MAX_RUN_CHARS = 1 << 20;

/**
 * Holds back the run of lines the next line may continue, and hands out only finished runs (or
 * pieces of MAX_RUN_LINES lines / MAX_RUN_CHARS characters): the detector reads a run as one
 * fragment, so cutting one where a chunk of input happened to end would make what it finds depend
 * on pipe read sizes, and a history split in two streams would not find what one stream finds.
 */
export class RunBatcher {
  /** Batches closed by a cut run: the next line continues the run, so it must not join this batch. */
  private sealed: AddedLine[][] = [];
  private ready: AddedLine[] = [];
  private open: AddedLine[] = [];
  private openChars = 0;

  push(line: AddedLine): void {
    const last = this.open[this.open.length - 1];
    if (last !== undefined && !(line.line === last.line + 1 && line.path === last.path && line.commit === last.commit)) this.flush();
    this.open.push(line);
    this.openChars += line.text.length;
    if (this.open.length >= MAX_RUN_LINES || this.openChars >= MAX_RUN_CHARS) {
      this.flush();
      this.seal();
    }
  }

  /** The run in progress is finished (the input ended). */
  flush(): void {
    for (const line of this.open) this.ready.push(line);
    this.open = [];
    this.openChars = 0;
  }

  /** The finished runs, handed out once, as batches to scan one at a time (a cut run ends its batch). */
  takeBatches(): AddedLine[][] {
    this.seal();
    const out = this.sealed;
    this.sealed = [];
    return out;
  }

  /** The finished runs in one list (for a reader that does not scan them: tests, counts). */
  take(): AddedLine[] {
    return this.takeBatches().flat();
  }

  private seal(): void {
    if (this.ready.length === 0) return;
    this.sealed.push(this.ready);
    this.ready = [];
  }
}

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const BACKSLASH = 92;

export class DiffParser {
  readonly stats: DiffStats = emptyStats();
  private commit = '';
  private author = '';
  private date = '';
  /** The current file's path, or undefined while in its header / when it is skipped. */
  private path: string | undefined;
  private inHunk = false;
  private inMessage = false;
  /** Prefix columns of the current hunk's lines: 1, or the number of parents in a combined diff. */
  private columns = 1;
  private skipping = false;
  private lineNumber = 0;
  private size = 0;
  /** The current file's added text passed maxFileSize. */
  private large = false;
  /** The line being parsed is a piece of a longer one: its line number does not move on. */
  private piece = false;
  /** The line being parsed is the last piece of a longer one: restricted like the others. */
  private continued = false;
  private readonly ready = new RunBatcher();
  private partial: Buffer | undefined;
  private readonly includeCache = new Map<string, boolean>();

  constructor(private readonly options: DiffParserOptions) {}

  /** Feeds a chunk of git's output (any split, even mid-line or mid-character). */
  push(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const text = this.partial ? Buffer.concat([this.partial, bytes]) : bytes;
    this.partial = undefined;
    let start = 0;
    for (let newline = text.indexOf(10, start); newline !== -1; newline = text.indexOf(10, start)) {
      this.line(text, start, newline);
      this.continued = false;
      start = newline + 1;
    }
    if (start < text.length) this.partial = this.pieces(text.subarray(start));
  }

  /**
   * The unfinished last line: while it is longer than MAX_LINE_BYTES, hand out its first piece and
   * keep the rest (its prefix put back, so the rest still parses as the same kind of line).
   */
  private pieces(rest: Buffer): Buffer {
    let remaining = rest;
    while (remaining.length > MAX_LINE_BYTES) {
      const prefix = this.prefixOf(remaining);
      this.piece = true;
      this.line(remaining, 0, MAX_LINE_BYTES);
      this.piece = false;
      const tail = remaining.subarray(MAX_LINE_BYTES - PIECE_OVERLAP);
      remaining = prefix === undefined ? tail : Buffer.concat([prefix, tail]);
      this.continued = true;
    }
    return remaining;
  }

  /** The bytes that make a line the kind it is (`+`, a combined diff's columns, none in a message), or undefined for a header. */
  private prefixOf(line: Buffer): Buffer | undefined {
    if (this.inMessage) return Buffer.alloc(0);
    if (!this.inHunk) return undefined;
    return line.subarray(0, this.columns);
  }

  /** Ends the input: the last file's lines become ready. */
  end(): void {
    if (this.partial) this.line(this.partial, 0, this.partial.length);
    this.partial = undefined;
    this.endFile();
    this.ready.flush();
  }

  /**
   * The added lines parsed so far, handed out once, in whole runs: the run the next input may
   * continue is held back until it ends (see RunBatcher), so any chunking gives the same batches.
   */
  take(): AddedLine[] {
    return this.ready.take();
  }

  /** Like take(), as the batches to scan one at a time: a run cut for its length ends its batch. */
  takeBatches(): AddedLine[][] {
    return this.ready.takeBatches();
  }

  private line(bytes: Buffer, start: number, end: number): void {
    const first = start < end ? bytes[start] : -1;
    if (this.inMessage) {
      if (first !== 0) return this.messageLine(bytes, start, end);
      this.endFile(); // the message ends at a lone NUL; any other NUL line is the next commit's header
      if (end - start === 1) return;
    } else if (
      this.inHunk &&
      (this.columns === 1 ? this.diffLine(bytes, start, end, first) : this.combinedLine(bytes, start, end, first))
    ) {
      return;
    }
    // Anything else (a hunk header, `diff --git`, a commit header, a blank line) is a header.
    if (first === -1) return;
    this.header(bytes.toString('utf8', start, end));
  }

  /** A line of an ordinary hunk; false when it is not one (a header). */
  private diffLine(bytes: Buffer, start: number, end: number, first: number | undefined): boolean {
    if (first === PLUS) {
      if (!this.skipping) this.added(bytes, start + 1, end);
      if (!this.piece) this.lineNumber++;
      return true;
    }
    // `-` removed, `\` "No newline at end of file", ` ` context (none with -U0 but harmless).
    if (first === MINUS || first === BACKSLASH) return true;
    if (first === SPACE) {
      this.lineNumber++;
      return true;
    }
    return false;
  }

  /**
   * A line of a combined (merge) hunk: one column per parent, each ` `, `+` or `-`. A `-` in any
   * column is a parent's line the merge dropped; otherwise the line is in the merge, and it is new
   * only when every column is `+`.
   */
  private combinedLine(bytes: Buffer, start: number, end: number, first: number | undefined): boolean {
    if (first === BACKSLASH) return true;
    const columns = this.columns;
    if (end - start < columns) return false;
    let plus = 0;
    let minus = 0;
    for (let index = start; index < start + columns; index++) {
      const byte = bytes[index];
      if (byte === PLUS) plus++;
      else if (byte === MINUS) minus++;
      else if (byte !== SPACE) return false;
    }
    if (minus > 0) return true;
    if (plus === columns && !this.skipping) this.added(bytes, start + columns, end);
    if (!this.piece) this.lineNumber++;
    return true;
  }

  /** A line of the commit message: empty lines cannot hold a secret and are not counted. */
  private messageLine(bytes: Buffer, start: number, end: number): void {
    if (end > start && !this.skipping) this.added(bytes, start, end);
    if (!this.piece) this.lineNumber++;
  }

  private header(line: string): void {
    if (line.charCodeAt(0) === 0) {
      this.endFile();
      this.startCommit(line);
    } else if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      this.endFile();
    } else if (line.startsWith('@@')) {
      this.hunk(line);
    } else if (this.inHunk) {
      return; // not a file header: those come before the first hunk
    } else if (line.startsWith('+++ ')) {
      this.startFile(line.slice(4));
    } else if (line.startsWith('Binary files ')) {
      this.stats.skippedBinary++;
    }
  }

  private startCommit(header: string): void {
    // `\0<sha> <date> <author name>`: the name comes last because it may contain spaces.
    const firstSpace = header.indexOf(' ');
    const secondSpace = header.indexOf(' ', firstSpace + 1);
    this.commit = header.slice(1, firstSpace);
    this.date = header.slice(firstSpace + 1, secondSpace === -1 ? undefined : secondSpace);
    this.author = secondSpace === -1 ? '' : header.slice(secondSpace + 1);
    this.stats.commits++;
    this.options.onCommit?.(this.stats.commits);
    // The message follows, as if it were a file of its own.
    this.inMessage = true;
    this.beginFile(COMMIT_MESSAGE_PATH);
    this.lineNumber = 1;
  }

  private startFile(target: string): void {
    this.path = undefined;
    this.skipping = true;
    if (target === '/dev/null') return; // a deletion adds nothing
    const path = parseDiffPath(target);
    if (path === undefined) return;
    this.beginFile(path);
  }

  private beginFile(path: string): void {
    let included = this.includeCache.get(path);
    if (included === undefined) {
      included = this.options.includePath?.(path) ?? true;
      if (this.includeCache.size > 50_000) this.includeCache.clear(); // bounded: a history can name millions of paths
      this.includeCache.set(path, included);
    }
    if (!included) {
      this.path = undefined;
      this.skipping = true;
      this.stats.skippedExcluded++;
      return;
    }
    this.path = path;
    this.skipping = false;
    this.size = 0;
    this.large = false;
    this.options.startFile?.();
    if (path !== COMMIT_MESSAGE_PATH) this.stats.files++;
  }

  private hunk(line: string): void {
    const match = HUNK_HEADER.exec(line);
    if (!match) return;
    this.inHunk = true;
    this.columns = match[1]!.length - 1;
    this.lineNumber = Number(match[2]);
  }

  private added(bytes: Buffer, start: number, end: number): void {
    if (end > start && bytes[end - 1] === 13) end--; // CRLF files
    this.size += end - start + 1;
    if (!this.large && this.size > this.options.maxFileSize) {
      this.large = true;
      this.stats.largeFiles++;
    }
    if (!this.piece) this.stats.lines++;
    if (this.options.keep && !this.options.keep(bytes, start, end)) return;
    this.ready.push({
      path: this.path!,
      line: this.lineNumber,
      text: bytes.toString('utf8', start, end),
      commit: this.commit,
      author: this.author,
      date: this.date,
      ...(this.large || this.piece || this.continued ? { restricted: true as const } : {}),
    });
  }

  private endFile(): void {
    this.inHunk = false;
    this.inMessage = false;
    this.path = undefined;
    this.skipping = false;
  }
}

/**
 * `b/src/app.ts` -> `src/app.ts`. Git quotes paths with control characters, `"` or `\` in C style
 * (octal escapes are UTF-8 bytes), and appends a TAB to unquoted paths that contain a space.
 */
export function parseDiffPath(target: string): string | undefined {
  let path = target;
  if (path.startsWith('"')) {
    const unquoted = unquoteC(path);
    if (unquoted === undefined) return undefined;
    path = unquoted;
  } else if (path.endsWith('\t')) {
    path = path.slice(0, -1);
  }
  return path.startsWith('b/') ? path.slice(2) : path;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

function unquoteC(quoted: string): string | undefined {
  const end = quoted.lastIndexOf('"');
  if (end <= 0) return undefined;
  const bytes: number[] = [];
  const body = quoted.slice(1, end);
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== '\\') {
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte);
      continue;
    }
    const next = body[index + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
