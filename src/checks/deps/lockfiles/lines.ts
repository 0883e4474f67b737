// Line numbers for lockfile entries without a second parse: JSON.parse and parseSyml give no
// positions, so we find each entry's key in the text, in document order, with a cursor that only
// moves forward (one pass over the text in total, however many entries there are).

/** Counts lines up to increasing offsets; each call costs only the text between two offsets. */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** 1-based line of `offset`; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    if (offset < this.offset) return lineOfOffset(this.text, offset);
    let index = this.text.indexOf('\n', this.offset);
    while (index !== -1 && index < offset) {
      this.line++;
      index = this.text.indexOf('\n', index + 1);
    }
    this.offset = offset;
    return this.line;
  }
}

/** 1-based line of an offset, counting from the start (for one-off lookups such as errors). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/**
 * Finds `"key": {` (or `"key": [`) keys of a JSON text in document order. Callers walk the parsed
 * object in the same order (JSON.parse keeps key order), so each search starts where the last
 * one ended: a key name that also appears as a string value elsewhere is skipped because a value
 * is not followed by `:` and the opener.
 */
export class JsonKeyLocator {
  private cursor = 0;
  private readonly lines: LineCounter;

  constructor(private readonly text: string) {
    this.lines = new LineCounter(text);
  }

  /** Line of the next `"key": <opener>` after the previous hit; undefined (cursor unchanged) if none. */
  next(key: string, opener: '{' | '[' = '{'): number | undefined {
    const needle = JSON.stringify(key);
    let at = this.text.indexOf(needle, this.cursor);
    while (at !== -1) {
      const after = at + needle.length;
      const colon = skipSpace(this.text, after);
      if (this.text[colon] === ':' && this.text[skipSpace(this.text, colon + 1)] === opener) {
        this.cursor = after;
        return this.lines.lineAt(at);
      }
      at = this.text.indexOf(needle, after);
    }
    return undefined;
  }
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && (text[index] === ' ' || text[index] === '\t' || text[index] === '\n' || text[index] === '\r')) index++;
  return index;
}

/**
 * The line of a JSON.parse SyntaxError. V8 says `at position N` (Node 20) or `(line L column C)`
 * (Node 22+); "Unexpected end of JSON input" is the last line; some messages carry no position.
 */
export function jsonErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /\(line (\d+) column \d+\)/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return lineOfOffset(text, Number(position[1]));
  if (/end of JSON input/i.test(message)) return lineOfOffset(text, text.length);
  const offset = firstJsonErrorOffset(text);
  return offset === undefined ? undefined : lineOfOffset(text, offset);
}

/**
 * Where JSON syntax first breaks, for the messages Node 20 gives without a position
 * (`Unexpected token ']', "…" is not valid JSON`). Runs only after JSON.parse has failed.
 * A structural check (RFC 8259 grammar without escape validation); undefined if it finds nothing
 * or the nesting is too deep for the stack.
 */
export function firstJsonErrorOffset(text: string): number | undefined {
  let index = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(index);
  };
  const space = (): void => {
    while (index < text.length && (text[index] === ' ' || text[index] === '\t' || text[index] === '\n' || text[index] === '\r')) index++;
  };
  const string = (): void => {
    index++; // the opening quote
    while (index < text.length) {
      const char = text[index]!;
      if (char === '"') {
        index++;
        return;
      }
      if (char < ' ') fail();
      index += char === '\\' ? 2 : 1;
    }
    fail();
  };
  const value = (): void => {
    space();
    const char = text[index];
    if (char === '"') return string();
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      index++;
      space();
      if (text[index] === close) {
        index++;
        return;
      }
      for (;;) {
        if (close === '}') {
          space();
          if (text[index] !== '"') fail();
          string();
          space();
          if (text[index] !== ':') fail();
          index++;
        }
        value();
        space();
        if (text[index] === ',') index++;
        else if (text[index] === close) {
          index++;
          return;
        } else fail();
      }
    }
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(index, index + 512));
    if (!literal) fail();
    index += literal![0].length;
  };
  try {
    value();
    space();
    if (index < text.length) fail();
    return undefined;
  } catch (error) {
    return error instanceof JsonSyntaxAt ? Math.min(error.offset, text.length) : undefined;
  }
}

class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

/** The error text of a JSON.parse failure without V8's echo of the whole input. */
export function jsonErrorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `invalid JSON: ${message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '')}`;
}
