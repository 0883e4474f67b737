// Generic assignments read as a tokenizer would: a name that says "secret", an assignment
// operator, then a LITERAL. A quoted string is a literal anywhere; an unquoted value only on the
// value side of a config format (.env, ini, properties, YAML, TOML, shell `export`, Dockerfile
// ENV), never in code, where it is an identifier, a member access, a call or a variable.

/** How a file's unquoted values read. */
export type FileFormat = 'code' | 'config' | 'prose' | 'unknown';

export interface Assignment {
  /** Offsets of the name in the line. */
  nameStart: number;
  nameEnd: number;
  value: string;
  /** Offset of the value (inside its quotes) in the line. */
  valueStart: number;
  quoted: boolean;
}

// Longest operators first: `::=` before `:=` before `:`; `==`/`!=`/`===` are comparisons, not assignments.
const OPERATORS = ['::=', '||=', '??=', ':=', '?=', '.=', '+=', '=>', '<-', '=', ':'];

const QUOTES = new Set(['"', "'", '`']);

/**
 * Every `name <op> literal` on the line whose name `nameRe` matches (a `g` regex; its match is the
 * name) and is not preceded by `notAfter`. `format` decides whether unquoted values count.
 */
export function findAssignments(line: string, nameRe: RegExp, format: FileFormat, notAfter?: RegExp, limit = 32): Assignment[] {
  const found: Assignment[] = [];
  nameRe.lastIndex = 0;
  for (let match = nameRe.exec(line); match !== null && found.length < limit; match = nameRe.exec(line)) {
    if (match[0].length === 0) {
      nameRe.lastIndex++;
      continue;
    }
    const nameStart = match.index;
    const nameEnd = nameStart + match[0].length;
    if (notAfter && notAfter.test(line.slice(Math.max(0, nameStart - 24), nameStart))) {
      nameRe.lastIndex = nameStart + 1; // a later part of the same word may still be a name (`@secret_token`)
      continue;
    }
    const assignment = readAssignment(line, nameStart, nameEnd, format);
    if (assignment) found.push(assignment);
  }
  return found;
}

function readAssignment(line: string, nameStart: number, nameEnd: number, format: FileFormat): Assignment | undefined {
  // The name must end an identifier: `secretName` goes on into `Name`, `token_url` into `_url`.
  if (/[A-Za-z0-9_]/.test(line.charAt(nameEnd))) return undefined;
  const quotedName = QUOTES.has(line.charAt(nameStart - 1));
  let at = nameEnd;
  // Closers of the key: `"API_KEY"`, `['API_KEY']`, `\"apiKey\"` (JSON inside a string).
  for (let count = 0; count < 4 && /["'\]\\`]/.test(line.charAt(at)); count++) at++;
  at = skipTypeAnnotation(line, at);
  at = skipSpaces(line, at, 24);
  const operator = OPERATORS.find((candidate) => line.startsWith(candidate, at));
  let afterOperator: number;
  if (operator) {
    // `==`, `===`, `!=`, `=~`: comparisons and matches, not assignments.
    if (operator === '=' && /[=~]/.test(line.charAt(at + 1))) return undefined;
    if (operator === ':' && line.charAt(at + 1) === ':') return undefined; // `Foo::BAR`
    afterOperator = at + operator.length;
  } else if (quotedName && line.charAt(at) === ',') {
    afterOperator = at + 1; // `setdefault("API_KEY", "…")`, `define('TOKEN', '…')`
  } else {
    return undefined;
  }
  const valueAt = skipSpaces(line, afterOperator, 24);
  return readLiteral(line, valueAt, format, { nameStart, nameEnd, operator: operator ?? '' });
}

function readLiteral(
  line: string,
  at: number,
  format: FileFormat,
  name: { nameStart: number; nameEnd: number; operator: string },
): Assignment | undefined {
  let start = at;
  // String prefixes: Python r/b/u (not f: an f-string is a template), C# @ verbatim, an escaped quote.
  if (/[rRbBuU@]/.test(line.charAt(start)) && QUOTES.has(line.charAt(start + 1))) start++;
  if (line.charAt(start) === '\\' && QUOTES.has(line.charAt(start + 1))) start++;
  const quote = line.charAt(start);
  if (QUOTES.has(quote)) {
    const escaped = line.charAt(start - 1) === '\\';
    const closing = escaped ? `\\${quote}` : quote;
    let end = line.indexOf(closing, start + 1);
    // An unescaped closing quote must not be a backslash-escaped one inside the string.
    while (!escaped && end !== -1 && line.charAt(end - 1) === '\\') end = line.indexOf(closing, end + 1);
    if (end === -1) return undefined; // unterminated: a multi-line string or prose with a stray quote
    const value = line.slice(start + 1, end);
    if (quote === '`' && value.includes('${')) return undefined;
    return { nameStart: name.nameStart, nameEnd: name.nameEnd, value, valueStart: start + 1, quoted: true };
  }
  if (format === 'code' || format === 'prose') return undefined;
  // `=>` and `:=` are code and Makefile operators; in config files only = and : carry values.
  if (name.operator !== '' && !['=', ':', '?=', ':='].includes(name.operator)) return undefined;
  const value = /^[^\s"'`;,#<>(){}[\]]+/.exec(line.slice(start))?.[0];
  if (!value) return undefined;
  const after = line.charAt(start + value.length);
  // A value that runs into a call, an index or a comparison is an expression.
  if (after && !/[\s;,#"'`]/.test(after)) return undefined;
  return { nameStart: name.nameStart, nameEnd: name.nameEnd, value, valueStart: start, quoted: false };
}

function skipSpaces(line: string, at: number, max: number): number {
  let index = at;
  while (index < line.length && index - at < max && (line.charAt(index) === ' ' || line.charAt(index) === '\t')) index++;
  return index;
}

/** `apiKey: string =`, `API_KEY: &str =`, `val token: String =`, `var token string =`. */
function skipTypeAnnotation(line: string, at: number): number {
  const typed = /^\s{0,2}:\s{0,2}&?(?:'static\s{1,2})?(?:str|string|String|[A-Z][A-Za-z]{0,20})\??\s{0,2}(?==)/.exec(
    line.slice(at, at + 40),
  );
  if (typed) return at + typed[0].length;
  const goTyped = /^\s{1,2}string\s{0,2}(?==)/.exec(line.slice(at, at + 20));
  return goTyped ? at + goTyped[0].length : at;
}

// ---------------------------------------------------------------------------------------------
// File formats by name.

const CONFIG_EXTENSIONS = new Set([
  'env', 'ini', 'cfg', 'conf', 'config', 'cnf', 'properties', 'props', 'yml', 'yaml', 'toml', 'tfvars', 'hcl', 'tf',
  'sh', 'bash', 'zsh', 'ksh', 'fish', 'ps1', 'bat', 'cmd', 'envrc', 'service', 'plist', 'xml', 'json', 'json5', 'jsonc',
  'npmrc', 'pypirc', 'netrc', 'htpasswd', 'pgpass', 'dockerfile', 'mk', 'make', 'tox', 'editorconfig', 'desktop',
]); // prettier-ignore

const CODE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte', 'py', 'pyi', 'rb', 'erb', 'rake', 'go', 'java', 'kt',
  'kts', 'scala', 'groovy', 'gradle', 'cs', 'fs', 'vb', 'php', 'c', 'h', 'cc', 'cpp', 'hpp', 'cxx', 'm', 'mm', 'swift', 'rs',
  'dart', 'lua', 'pl', 'pm', 'r', 'jl', 'ex', 'exs', 'erl', 'hs', 'clj', 'cljs', 'coffee', 'elm', 'nim', 'zig', 'sol',
]); // prettier-ignore

const PROSE_EXTENSIONS = new Set(['md', 'markdown', 'rst', 'adoc', 'asciidoc', 'textile', 'rdoc', 'pod', 'org', 'tex', 'html', 'htm']);

const CONFIG_NAMES =
  /^(?:\.env(?:\..+)?|\.envrc|dockerfile(?:\..+)?|containerfile|docker-compose.*|compose\..+|makefile|procfile|\.npmrc|\.yarnrc|\.pypirc|\.netrc|\.pgpass|\.htpasswd|\.gitconfig|\.git-credentials|\.s3cfg|\.boto|credentials|config|tox\.ini|setup\.cfg|jenkinsfile|vagrantfile|gemfile)$/i;

export function fileFormat(path: string): FileFormat {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (CONFIG_NAMES.test(name)) return 'config';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'unknown';
  const extension = name.slice(dot + 1).toLowerCase();
  if (CODE_EXTENSIONS.has(extension)) return 'code';
  if (CONFIG_EXTENSIONS.has(extension)) return 'config';
  if (PROSE_EXTENSIONS.has(extension)) return 'prose';
  return 'unknown';
}

/** Shell and Dockerfile assignments give a config value even inside a code-ish file (a README's shell block). */
export const SHELL_ASSIGNMENT = /^\s*(?:export\s+|ENV\s+|ARG\s+|set\s+|setenv\s+|\$env:)?[A-Za-z_][A-Za-z0-9_]*\s?=/;
