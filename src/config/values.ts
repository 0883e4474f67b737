import type { ConfigInput } from './schema.js';
// Action inputs and CLI flags that set a config key, read the same way by both shells: each becomes
// a value in the config file's own keys (`{ 'fail-on': 'high', deps: { 'advisory-db': '/abs/db' } }`),
// merged over the file and validated with it by the one schema (dependency-review-action's
// readConfig). Only the spelling of a list or a word is handled here; what is valid is the schema's job.

/** The config's keys at every depth, any value: the schema validates the values, the type the key names. */
type KeysOf<T> = T extends readonly unknown[] ? unknown : T extends object ? { [K in keyof T]?: KeysOf<NonNullable<T[K]>> } : unknown;

/** Part of a config in the file's own keys, not yet validated: from inputs or flags (a typo'd key does not compile). */
export type PartialConfig = KeysOf<ConfigInput>;

/** Who set each override, by dotted key (`deps.advisory-db` -> `input advisory-db`), for error messages. */
export type OverrideNames = Record<string, string>;

type Kind = 'list' | 'word' | 'path';

/**
 * The inputs and flags that set a config key. An input and a flag have the same name, and the name
 * is the key's last part: `fail-on` sets `fail-on`, `advisory-db` sets `deps.advisory-db`.
 */
export const CONFIG_VALUES = {
  checks: { key: ['checks'], kind: 'list' },
  'fail-on': { key: ['fail-on'], kind: 'word' },
  'policy-from': { key: ['policy-from'], kind: 'word' },
  baseline: { key: ['baseline'], kind: 'path' },
  'advisory-db': { key: ['deps', 'advisory-db'], kind: 'path' },
  'cache-dir': { key: ['deps', 'cache-dir'], kind: 'path' },
} as const satisfies Record<string, { key: readonly string[]; kind: Kind }>;

export type ConfigValueName = keyof typeof CONFIG_VALUES;

export interface Overrides {
  overrides: PartialConfig;
  overrideNames: OverrideNames;
}

/**
 * Builds the partial config from the values a shell was given (undefined = not set).
 * `label` names the source in errors (`input fail-on`, `--fail-on`); `path` resolves a path value
 * the way that shell reads paths (the workspace for inputs, the current directory for flags).
 */
export function overridesFrom(
  values: Partial<Record<ConfigValueName, string>>,
  options: { label: (name: ConfigValueName) => string; path: (value: string) => string },
): Overrides {
  const overrides: Record<string, unknown> = {};
  const overrideNames: OverrideNames = {};
  for (const [name, text] of Object.entries(values) as [ConfigValueName, string | undefined][]) {
    if (text === undefined) continue;
    const { key, kind } = CONFIG_VALUES[name];
    const value = kind === 'list' ? listValue(text) : kind === 'word' ? wordValue(text) : options.path(text);
    setAt(overrides, key, value);
    overrideNames[key.join('.')] = options.label(name);
  }
  return { overrides: overrides as PartialConfig, overrideNames };
}

/** `deps, secrets` or `deps secrets` -> ['deps', 'secrets'], each name once. */
export function listValue(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** Enum words are lower case in the schema; an input `High` means `high`. */
export function wordValue(text: string): string {
  return text.trim().toLowerCase();
}

function setAt(target: Record<string, unknown>, key: readonly string[], value: unknown): void {
  let node = target;
  for (const part of key.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[key.at(-1)!] = value;
}
