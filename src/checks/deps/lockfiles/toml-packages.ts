// TOML lockfiles (Cargo.lock, poetry.lock, uv.lock, pdm.lock): smol-toml parses, and a line scan
// finds where each `[[package]]` block starts, paired with the parsed array in order.
import { parse, TomlError } from 'smol-toml';
import { LockfileError } from '../types.js';

export function parseTomlLockfile(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined;
    const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!;
    throw new LockfileError(file, line, `not valid TOML: ${message.replace(/^Invalid TOML document: /, '')}`);
  }
}

/** 1-based lines of every `[[package]]` header, in file order. */
function packageBlockLines(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((content, index) => {
    if (/^\s*\[\[\s*package\s*\]\]\s*(#.*)?$/.test(content)) lines.push(index + 1);
  });
  return lines;
}

/** The `[[package]]` array, each entry with its header line; throws when it is not an array of tables. */
export function packageTables(
  document: Record<string, unknown>,
  text: string,
  file: string,
): { table: Record<string, unknown>; line: number | undefined }[] {
  const packages = document.package ?? [];
  if (!Array.isArray(packages)) throw new LockfileError(file, undefined, '`package` must be an array of [[package]] tables');
  const lines = packageBlockLines(text);
  const aligned = lines.length === packages.length;
  return packages.map((table: unknown, index) => {
    const line = aligned ? lines[index] : undefined;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      throw new LockfileError(file, line, `package entry ${index + 1} is not a table`);
    }
    return { table: table as Record<string, unknown>, line };
  });
}

/** A required string field of a [[package]] table. */
export function stringField(table: Record<string, unknown>, key: string, file: string, line: number | undefined): string {
  const value = table[key];
  if (typeof value !== 'string' || value === '') throw new LockfileError(file, line, `package entry has no ${key}`);
  return value;
}
