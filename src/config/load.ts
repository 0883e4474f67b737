// Reads and validates the config. Sources in rising priority: schema defaults, the file, then action
// inputs or CLI flags (a partial config in the file's own keys). The inputs are merged over the file
// and the whole is validated ONCE by the schema, so a bad input is reported like a bad key, and every
// problem is reported in one run, each with its file, line and key (or the input or flag that set it).
import { isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { redact } from '../finding.js';
import { firstLine, isRecord, plural } from '../util.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { configSchema, type Config } from './schema.js';
import { displayPath, isInside, type PolicyTree } from './tree.js';
import type { OverrideNames, PartialConfig } from './values.js';

export const CONFIG_CANDIDATES = ['.github/security-gate.yml', '.github/security-gate.yaml', '.security-gate.yml', '.security-gate.yaml'];

export interface LoadedConfig {
  config: Config;
  /** Relative to the root; undefined when no file exists and defaults apply. */
  file?: string;
  /** Line of each `ignore` entry in the file, by index, so an expired ignore can point at itself. */
  ignoreLines: (number | undefined)[];
}

export interface ConfigRequest {
  /** Explicit config path (input `config`, flag --config), absolute or relative to the root. */
  path?: string;
  /** When the explicit path is missing: true reads as "no config file" (a base commit before the file was added). */
  optional?: boolean;
  overrides?: PartialConfig;
  overrideNames?: OverrideNames;
  /** Defaults the shell knows better than the schema (the action's cache under RUNNER_TEMP): the file and the overrides win over them. */
  defaults?: PartialConfig;
  /** The scanned root: paths the file names (not an input or flag) must stay inside it. */
  root?: string;
}

/**
 * Paths the config file names, which the repository controls: a baseline, an advisory database or a
 * cache elsewhere (`../../etc/…`, `/home/runner/…`) would let it read or write files outside itself.
 * An input or flag may name any path. (`versions.policy-file` is checked by the versions check.)
 */
const REPOSITORY_PATHS = [['baseline'], ['deps', 'advisory-db'], ['deps', 'cache-dir']];

/** Finds the config in a tree: the explicit path (which must exist) or the first standard location. */
export async function loadConfig(tree: PolicyTree, request: ConfigRequest = {}): Promise<LoadedConfig> {
  const found = await findConfigFile(tree, request);
  if (!found) return { ...validateConfig({}, request), file: undefined };
  return { ...parseConfigText(found.text, found.file, { ...request, root: tree.root }), file: found.file };
}

async function findConfigFile(tree: PolicyTree, request: ConfigRequest): Promise<{ file: string; text: string } | undefined> {
  if (request.path !== undefined) {
    const file = displayPath(tree.root, request.path);
    const text = await tree.read(request.path);
    if (text === undefined && !request.optional) {
      throw new ConfigError(file, 'config file not found; check the `config` input or --config flag');
    }
    return text === undefined ? undefined : { file, text };
  }
  for (const candidate of CONFIG_CANDIDATES) {
    const text = await tree.read(candidate);
    if (text !== undefined) return { file: candidate, text };
  }
  return undefined;
}

/** Parses config text, merges the overrides over it and validates the whole: every problem at once. */
export function parseConfigText(text: string, file: string, request: ConfigRequest = {}): Omit<LoadedConfig, 'file'> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((error) => ({
        file,
        detail: `invalid YAML: ${firstLine(error)}`,
        line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
      })),
    );
  }
  const data = toData(doc, file);
  if (!isRecord(data)) throw new ConfigError(file, 'the config must be a mapping of keys (like `fail-on: high`)', undefined, 1);
  return validateConfig(data, request, { file, doc, lineCounter });
}

/** The plain data of a YAML document; an alias bomb (aliases of aliases, expanding exponentially) is refused. */
function toData(doc: Document, file: string): unknown {
  try {
    // yaml stops expanding after `maxAliasCount` aliases (default 100) instead of running out of memory.
    return doc.toJS() ?? {};
  } catch (error) {
    if (error instanceof ReferenceError) {
      throw new ConfigError(
        file,
        'its YAML aliases (`*name`) expand to too many values (an alias bomb). Write the values out, or use fewer aliases of aliases.',
      );
    }
    throw error;
  }
}

interface Source {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

function validateConfig(data: PartialConfig, request: ConfigRequest, source?: Source): Omit<LoadedConfig, 'file'> {
  const merged = mergeOverrides(mergeOverrides(request.defaults ?? {}, data), request.overrides ?? {});
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => problemsOf(issue, merged, request, source));
    // Inputs and flags first (they have no line), then the file from top to bottom.
    throw new ConfigError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  if (source && request.root !== undefined) assertPathsInside(data, request, source, request.root);
  const ignoreLines = result.data.ignore.map((_, index) => (source ? lineOf(source, ['ignore', index]) : undefined));
  return { config: result.data, ignoreLines };
}

function assertPathsInside(data: PartialConfig, request: ConfigRequest, source: Source, root: string): void {
  const problems = REPOSITORY_PATHS.filter((path) => {
    const value = valueAt(data, path);
    return typeof value === 'string' && !overrideAt(request, path) && (isAbsolute(value) || !isInside(root, resolve(root, value)));
  }).map((path) => ({
    file: source.file,
    key: path.join('.'),
    line: lineOf(source, path),
    detail: 'must be a path inside the repository, relative to it; to use a file elsewhere, give it with the input or flag instead',
  }));
  if (problems.length > 0) throw new ConfigError(problems);
}

/** The overrides win: objects merge key by key, anything else (a list, a word) replaces the file's value. */
export function mergeOverrides(data: PartialConfig, overrides: PartialConfig): PartialConfig {
  return mergeRecords(data as Record<string, unknown>, overrides as Record<string, unknown>) as PartialConfig;
}

function mergeRecords(data: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = isRecord(value) && isRecord(current) ? mergeRecords(current, value) : value;
  }
  return merged;
}

function problemsOf(issue: z.core.$ZodIssue, data: unknown, request: ConfigRequest, source?: Source): ConfigProblem[] {
  const base = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  // An unknown key is one problem per key, each on its own line.
  const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...base, key]) : [base];
  return paths.map((path) => {
    const value = valueAt(data, path);
    const setBy = overrideAt(request, path);
    if (setBy) return { file: setBy, detail: describeIssue(issue, path, value, true) };
    const key = path.map((part) => (typeof part === 'string' ? keyForMessage(part) : String(part))).join('.') || undefined;
    return {
      file: source?.file ?? 'config',
      key,
      line: source ? lineOf(source, path) : undefined,
      detail: `${ruleNamed(data, path)}${describeIssue(issue, path, value, false)}`,
    };
  });
}

/** `rule 'acme-key': ` for a problem inside a custom secret rule, so the message names the rule and not only its index. */
function ruleNamed(data: unknown, path: (string | number)[]): string {
  if (path[0] !== 'secrets' || path[1] !== 'rules' || typeof path[2] !== 'number' || path.length < 4) return '';
  const id = valueAt(data, [...path.slice(0, 3), 'id']);
  return typeof id === 'string' ? `rule ${valueForMessage(id)}: ` : '';
}

/** The input or flag that set the value at `path`, if one did (the first leaf of the overrides on the path). */
function overrideAt(request: ConfigRequest, path: (string | number)[]): string | undefined {
  let node: unknown = request.overrides;
  for (let depth = 0; depth < path.length; depth++) {
    if (!isRecord(node) || !(String(path[depth]) in node)) return undefined;
    node = node[String(path[depth])];
    if (!isRecord(node)) {
      const key = path.slice(0, depth + 1).join('.');
      return request.overrideNames?.[key] ?? key;
    }
  }
  return undefined;
}

/**
 * Config keys and values are echoed so a typo reads clearly (`tokne: unknown key`), but a "key" or
 * value that is really a pasted credential must not be printed: anything unlike a config word shows
 * a short prefix and `*`.
 */
function keyForMessage(key: string): string {
  return /^[a-z][a-z0-9_-]{0,31}$/.test(key) ? key : redact(key);
}

function valueForMessage(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `'${/^[\w.-]{0,32}$/.test(text) ? text : redact(text)}'`;
}

function describeIssue(issue: z.core.$ZodIssue, path: (string | number)[], value: unknown, fromOverride: boolean): string {
  if (issue.code === 'unrecognized_keys') return 'unknown key; allowed keys are listed in schema/security-gate.schema.json';
  if (value === undefined && issue.code === 'invalid_type') return 'is required';
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = issue.values.map((allowedValue) => JSON.stringify(allowedValue)).join(', ');
    if (path[0] === 'checks') return `${valueForMessage(value)} is not a check; the checks are ${allowed}`;
    return `${fromOverride ? `${valueForMessage(value)} ` : ''}must be one of ${allowed}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return `must list at least ${plural(Number(issue.minimum), 'value')}`;
  return fromOverride ? `${valueForMessage(value)}: ${issue.message}` : issue.message;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let node = data;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isRecord(node)) node = node[String(part)];
    else return undefined;
  }
  return node;
}

function lineOf(source: Source, path: (string | number)[]): number | undefined {
  const node = nodeAt(source.doc.contents, path);
  return node?.range ? source.lineCounter.linePos(node.range[0]).line : undefined;
}

/** The YAML node (a key node for map entries, so the line points at the key) at a data path. */
function nodeAt(root: unknown, path: (string | number)[]): Node | undefined {
  let current: unknown = root;
  let found: Node | undefined;
  for (const part of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => (item.key as { value?: unknown } | null)?.value === part);
      if (!pair) return found;
      found = pair.key as Node;
      current = pair.value;
    } else if (isSeq(current) && typeof part === 'number') {
      const item = current.items[part];
      if (!item) return found;
      found = item as Node;
      current = item;
    } else {
      return found;
    }
  }
  return found;
}
