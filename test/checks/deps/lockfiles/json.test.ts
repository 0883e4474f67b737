// The one JSON reader of the JSON lockfiles: values, the line of every key, errors at their line.
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../../src/checks/deps/lockfiles/json.js';
import { LockfileError } from '../../../../src/checks/deps/types.js';

const errorOf = (text: string, jsonc = false): LockfileError => {
  try {
    parseJson(text, 'x.json', { jsonc });
  } catch (error) {
    expect(error).toBeInstanceOf(LockfileError);
    return error as LockfileError;
  }
  throw new Error('expected a LockfileError');
};

describe('parseJson', () => {
  it('reads JSONC: comments and trailing commas, never inside strings, with the line of every key', () => {
    const text = '{\n "a": "x // not a comment, ]",\n /* c\n */ "b": [1, 2,],\n}';
    const { value, lineOf } = parseJson(text, 'bun.lock', { jsonc: true });
    expect(value).toEqual({ a: 'x // not a comment, ]', b: [1, 2] });
    expect(lineOf(value as object, 'a')).toBe(2);
    expect(lineOf(value as object, 'b')).toBe(4);
    expect(lineOf((value as { b: number[] }).b, 1)).toBe(4);
  });

  it('reads strict JSON as JSON.parse does, and refuses comments and trailing commas there', () => {
    const text = '{"n": -1.5e3, "t": true, "f": false, "z": null, "s": "\\u00e9\\n", "o": {}, "l": [], "k": {"k": 1}}';
    expect(parseJson(text, 'x.json').value).toEqual(JSON.parse(text));
    expect(errorOf('{"a": 1 // no\n}')).toMatchObject({ line: 1, detail: 'invalid JSON: comments are not allowed in JSON' });
    expect(errorOf('{\n"a": [1,\n]\n}')).toMatchObject({ line: 3, detail: 'invalid JSON: a comma before ]' });
    expect(errorOf('{\n"a": 1,\n}')).toMatchObject({ line: 3, detail: 'invalid JSON: a comma before }' });
  });

  it('names the line where the text stops being JSON', () => {
    expect(errorOf('{\n "a": 1\n "b": 2\n}')).toMatchObject({ line: 3, detail: "invalid JSON: expected ',' or '}'" });
    expect(errorOf('{\n "a": "open\n}')).toMatchObject({ line: 2 });
    expect(errorOf('{\n "a": [1, 2\n')).toMatchObject({ line: 3, detail: 'invalid JSON: the file ends before the JSON does' });
    expect(errorOf('{} {}')).toMatchObject({ line: 1, detail: 'invalid JSON: more text after the JSON value' });
    expect(errorOf('')).toMatchObject({ line: 1 });
  });

  it('reads past a UTF-8 byte order mark, as npm, bun and composer do', () => {
    expect(parseJson('\uFEFF{"lockfileVersion": 3}', 'x.json').value).toEqual({ lockfileVersion: 3 });
  });

  it('keeps `__proto__` an ordinary key', () => {
    const { value } = parseJson('{"__proto__": {"polluted": true}}', 'x.json');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reads 20,000 levels of nesting without running out of stack', () => {
    const depth = 20_000;
    const { value } = parseJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), 'x.json');
    let level = value as Record<string, unknown>;
    for (let index = 1; index < depth; index++) level = level.a as Record<string, unknown>;
    expect(level).toEqual({ a: 1 });
  });
});
