// JSON and JSONC lockfiles (package-lock.json, bun.lock, composer.lock, Pipfile.lock,
// packages.lock.json) read with jsonc-parser's scanner, which gives every token its offset, into
// plain values plus the offset of every key and array element; lines come from one LineIndex.
//
// Why the scanner and not `parseTree`: parseTree descends recursively (three frames per nesting
// level), so a package-lock v1 nested 10,000 deep overflows the stack, and its node tree costs
// several times the memory of the values. Here the nesting lives in an explicit stack.
import { createScanner } from 'jsonc-parser';
import { LockfileError } from '../types.js';
import { LineIndex } from './line-index.js';

export interface JsonDocument {
  value: unknown;
  /** 1-based line of a key of this object (or an element of this array), when the document has it. */
  lineOf(container: object, key: string | number): number | undefined;
  lines: LineIndex;
}

export interface JsonOptions {
  /** JSONC as bun writes it: comments and trailing commas. Strict JSON otherwise (npm, composer: JSON.parse). */
  jsonc?: boolean;
  /**
   * Record positions in containers this many levels deep (the document is level 0): a parser that
   * asks for the lines of `packages` keys needs 2. Positions cost memory per container (a 50 MB
   * bun.lock has a million of them); unlimited by default.
   */
  positionsDepth?: number;
}

// jsonc-parser's SyntaxKind and ScanError (const enums in its typings, so spelled out here).
const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  null: 7,
  true: 8,
  false: 9,
  string: 10,
  number: 11,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  whitespace: 15,
  eof: 17,
} as const;
const SCAN_ERRORS: Record<number, string> = {
  1: 'a comment is never closed',
  2: 'a string is never closed',
  3: 'a number ends too early',
  4: 'a \\u escape is not four hex digits',
  5: 'an unknown escape in a string',
  6: 'a control character in a string (escape it)',
};

type Container = Record<string, unknown> | unknown[];
interface Frame {
  container: Container;
  /** Key offsets of an object, element offsets of an array; undefined below `positionsDepth`. */
  offsets: Map<string, number> | number[] | undefined;
  /** The key waiting for its value (objects). */
  key: string;
  keyOffset: number;
}
/** What the next token may be. */
type Expect = 'value' | 'firstKey' | 'key' | 'colon' | 'commaOrClose' | 'firstValue' | 'nextValue' | 'end';

export function parseJson(text: string, file: string, options: JsonOptions = {}): JsonDocument {
  const lines = new LineIndex(text);
  const fail = (offset: number, what: string): never => {
    throw new LockfileError(file, lines.lineAt(offset), `invalid JSON: ${what}`);
  };
  const scanner = createScanner(text, false);
  if (text.startsWith('\uFEFF')) scanner.setPosition(1); // a byte order mark: npm, bun and composer read past it

  const offsetsOf = new Map<object, Map<string, number> | number[]>();
  const positionsDepth = options.positionsDepth ?? Infinity;
  const stack: Frame[] = [];
  let root: unknown;
  let expect: Expect = 'value';

  const open = (container: Container, offsets: Frame['offsets'], offset: number): void => {
    place(container, offset);
    if (offsets) offsetsOf.set(container, offsets);
    stack.push({ container, offsets, key: '', keyOffset: -1 });
  };
  /** Puts a value into the open container (or makes it the document). */
  const place = (value: unknown, offset: number): void => {
    const top = stack.at(-1);
    if (!top) root = value;
    else if (Array.isArray(top.container)) {
      top.container.push(value);
      (top.offsets as number[] | undefined)?.push(offset);
    } else {
      // `__proto__` is an ordinary key in JSON: define it, never assign it (that would set the prototype).
      if (top.key === '__proto__')
        Object.defineProperty(top.container, top.key, { value, enumerable: true, writable: true, configurable: true });
      else top.container[top.key] = value;
      (top.offsets as Map<string, number> | undefined)?.set(top.key, top.keyOffset);
    }
  };
  const afterValue = (): Expect => (stack.length ? 'commaOrClose' : 'end');
  const close = (kind: 'object' | 'array', offset: number): void => {
    const top = stack.at(-1);
    if (!top || Array.isArray(top.container) !== (kind === 'array')) fail(offset, `unexpected '${kind === 'array' ? ']' : '}'}'`);
    stack.pop();
    expect = afterValue();
  };

  /** A token that starts a value: open a container, or place a literal. */
  const value = (token: number, offset: number): Expect => {
    if (token === TOKEN.openBrace) {
      open({}, stack.length < positionsDepth ? new Map() : undefined, offset);
      return 'firstKey';
    }
    if (token === TOKEN.openBracket) {
      open([], stack.length < positionsDepth ? [] : undefined, offset);
      return 'firstValue';
    }
    place(literal(token, scanner.getTokenValue(), offset, fail), offset);
    return afterValue();
  };

  for (;;) {
    const token = scanner.scan();
    const offset = scanner.getTokenOffset();
    const scanError = scanner.getTokenError();
    if (scanError) fail(offset, SCAN_ERRORS[scanError] ?? 'unreadable text');
    if (token === TOKEN.whitespace || token === TOKEN.lineBreak) continue;
    if (token === TOKEN.lineComment || token === TOKEN.blockComment) {
      if (!options.jsonc) fail(offset, 'comments are not allowed in JSON');
      continue;
    }
    if (token === TOKEN.eof) {
      if (expect !== 'end') fail(offset, 'the file ends before the JSON does');
      break;
    }
    switch (expect) {
      case 'end':
        fail(offset, 'more text after the JSON value');
        break;
      case 'colon':
        if (token !== TOKEN.colon) fail(offset, "expected ':' after a key");
        expect = 'value';
        break;
      case 'firstKey':
      case 'key':
        if (token === TOKEN.closeBrace && (expect === 'firstKey' || options.jsonc)) close('object', offset);
        else if (token === TOKEN.string) {
          const top = stack.at(-1)!;
          top.key = scanner.getTokenValue();
          top.keyOffset = offset;
          expect = 'colon';
        } else fail(offset, expect === 'key' && token === TOKEN.closeBrace ? 'a comma before }' : 'expected a key in double quotes');
        break;
      case 'commaOrClose':
        if (token === TOKEN.comma) expect = Array.isArray(stack.at(-1)!.container) ? 'nextValue' : 'key';
        else if (token === TOKEN.closeBrace) close('object', offset);
        else if (token === TOKEN.closeBracket) close('array', offset);
        else fail(offset, `expected ',' or '${Array.isArray(stack.at(-1)!.container) ? ']' : '}'}'`);
        break;
      case 'firstValue':
      case 'nextValue':
        if (token === TOKEN.closeBracket) {
          if (expect === 'nextValue' && !options.jsonc) fail(offset, 'a comma before ]');
          close('array', offset);
        } else expect = value(token, offset);
        break;
      case 'value':
        expect = value(token, offset);
        break;
    }
  }
  return {
    value: root,
    lines,
    lineOf(container, key) {
      const offsets = offsetsOf.get(container);
      const offset = offsets instanceof Map ? offsets.get(String(key)) : typeof key === 'number' ? offsets?.[key] : undefined;
      return offset === undefined ? undefined : lines.lineAt(offset);
    },
  };
}

function literal(token: number, text: string, offset: number, fail: (offset: number, what: string) => never): unknown {
  switch (token) {
    case TOKEN.string:
      return text;
    case TOKEN.number:
      return Number(text);
    case TOKEN.true:
      return true;
    case TOKEN.false:
      return false;
    case TOKEN.null:
      return null;
    default:
      return fail(offset, text ? `unexpected '${text.slice(0, 20)}'` : 'expected a value');
  }
}
