// Reads and validates the config file. Sources in rising priority: schema defaults, the file,
// then overrides from action inputs or CLI flags (applied by `applyOverrides`).
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';
import { ConfigError } from './errors.js';
import { redact } from '../finding.js';

export const CONFIG_CANDIDATES = ['.github/security-gate.yml', '.github/security-gate.yaml', '.security-gate.yml', '.security-gate.yaml'];

export interface LoadedConfig {
  config: Config;
  /** Relative to the root; undefined when no file exists and defaults apply. */
  file?: string;
  /** Line of each `ignore` entry in the file, by index, so an expired ignore can point at itself. */
  ignoreLines: (number | undefined)[];
}

/** Finds the config file: the explicit path (which must exist) or the first standard location. */
export function findConfigFile(root: string, explicit?: string): string | undefined {
  if (explicit) {
    const path = isAbsolute(explicit) ? explicit : join(root, explicit);
    if (!existsSync(path)) {
      throw new ConfigError(explicit, 'config file not found; check the `config` input or --config flag');
    }
    return path;
  }
  return CONFIG_CANDIDATES.map((candidate) => join(root, candidate)).find((path) => existsSync(path));
}

export function loadConfig(root: string, explicit?: string): LoadedConfig {
  const path = findConfigFile(root, explicit);
  if (!path) return { config: configSchema.parse({}), ignoreLines: [] };
  const file = relative(root, path).split('\\').join('/') || path;
  return { ...parseConfigText(readFileSync(path, 'utf8'), file), file };
}

/** Parses config text; every problem becomes a ConfigError naming the file, key and line. */
export function parseConfigText(text: string, file: string): { config: Config; ignoreLines: (number | undefined)[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? lineCounter.linePos(yamlError.pos[0]).line;
    throw new ConfigError(file, `invalid YAML: ${yamlError.message.split('\n')[0]}`, undefined, line);
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(file, 'the config must be a mapping of keys (like `fail-on: high`)', undefined, 1);
  }
  const result = configSchema.safeParse(data);
  if (result.success) {
    const ignoreLines = result.data.ignore.map((_, index) => {
      const node = nodeAt(doc.contents, ['ignore', index]);
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    });
    return { config: result.data, ignoreLines };
  }

  const issue = result.error.issues[0]!;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  const key = path.map((part) => (typeof part === 'string' ? keyForMessage(part) : String(part))).join('.') || undefined;
  const node = nodeAt(
    doc.contents,
    path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
  );
  const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  throw new ConfigError(file, describeIssue(issue), key, line);
}

/**
 * Config keys are echoed so a typo reads clearly (`tokne: unknown key`), but a "key" that is really a
 * pasted credential must not be printed: anything unlike a config key shows a short prefix and `*`.
 */
function keyForMessage(key: string): string {
  return /^[a-z][a-z0-9_-]{0,31}$/.test(key) ? key : redact(key);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key; allowed keys are listed in schema/security-gate.schema.json`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return issue.message;
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
