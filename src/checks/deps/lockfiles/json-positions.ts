// JSON lockfiles (Pipfile.lock, composer.lock, packages.lock.json) parsed with JSON.parse,
// plus one pass over the text that records the line of every key and array element, so
// packages can be annotated at their line without a hand-written JSON parser.
import { LockfileError } from '../types.js';

export type JsonPath = readonly (string | number)[];

export interface JsonWithLines {
  value: unknown;
  /** 1-based line where the key (or array element) at this path starts, when present. */
  lineOf(path: JsonPath): number | undefined;
}

const SEP = '\u0000';

export function parseJsonWithLines(text: string, file: string): JsonWithLines {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new LockfileError(file, errorLine(text, error), `not valid JSON: ${firstLine(error)}`);
  }
  const lines = recordLines(text);
  return { value, lineOf: (path) => lines.get(path.map((part) => SEP + String(part)).join('')) };
}

/** Is it a plain JSON object (not an array, not null)? */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Frame {
  path: string;
  kind: 'object' | 'array';
  key: string;
  index: number;
  expectKey: boolean;
}

function recordLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
  let line = 1;
  const childPath = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    return top.path + SEP + (top.kind === 'object' ? top.key : String(top.index));
  };
  const valueStarts = (): void => {
    const top = stack.at(-1);
    if (top?.kind === 'array') lines.set(childPath(), line);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"') {
      let end = text.indexOf('"', i + 1);
      // An escaped quote does not end the string: an odd run of backslashes before it escapes it.
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) end = text.length;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        top.key = decodeString(text.slice(i, end + 1));
        top.expectKey = false;
        lines.set(childPath(), line);
      } else valueStarts();
      i = end;
    } else if (c === '{' || c === '[') {
      valueStarts();
      stack.push({ path: childPath(), kind: c === '{' ? 'object' : 'array', key: '', index: 0, expectKey: c === '{' });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.index++;
    } else if (c === '-' || (c >= '0' && c <= '9') || c === 't' || c === 'f' || c === 'n') {
      // A number, true, false or null: one value, skipped whole.
      valueStarts();
      while (i + 1 < text.length && !' \t\r\n,]}'.includes(text[i + 1])) i++;
    }
  }
  return lines;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; k >= 0 && text[k] === '\\'; k--) backslashes++;
  return backslashes % 2 === 1;
}

function decodeString(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** Node reports "at position N" (20) or "(line L column C)" (22+). */
function errorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const lineMatch = /line (\d+) column/.exec(message);
  if (lineMatch) return Number(lineMatch[1]);
  const positionMatch = /position (\d+)/.exec(message);
  if (positionMatch) return text.slice(0, Number(positionMatch[1])).split('\n').length;
  // "Unexpected end of JSON input": the file stops early, so point at its last line.
  return /end of JSON/i.test(message) ? text.trimEnd().split('\n').length : undefined;
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
