// The rule set a scan runs: the built-in table, plus custom rules from the config file and from
// an existing `.gitleaks.toml` (for teams moving over), minus `secrets.disable-rules`.
import { parse as parseToml } from 'smol-toml';
import type { CustomRule } from '../../config/schema.js';
import type { CheckError } from '../../finding.js';
import type { SecretRule } from './rules/types.js';

export interface RuleSet {
  rules: SecretRule[];
  /** From `.gitleaks.toml` `[allowlist]`: path regexes never scanned. */
  allowPaths: RegExp[];
  errors: CheckError[];
}

const NO_EXAMPLES = { secret: [], notSecret: [] };

export function fromConfigRule(custom: CustomRule): SecretRule {
  const { source, flags } = fromGoRegex(custom.pattern);
  return {
    id: custom.id,
    title: custom.title,
    provider: 'custom',
    severity: custom.severity,
    keywords: custom.keywords.map((keyword) => keyword.toLowerCase()),
    pattern: new RegExp(source, flags),
    ...(custom['min-entropy'] !== undefined ? { minEntropy: custom['min-entropy'] } : {}),
    examples: NO_EXAMPLES,
  };
}

/**
 * Custom rules of a `.gitleaks.toml` (gitleaks v8 format: `[[rules]]` with id, description, regex,
 * secretGroup, keywords, entropy, allowlist(s)). A rule that does not compile in JavaScript is
 * skipped with an error naming it; the others still run.
 */
export function fromGitleaksToml(text: string, file: string): RuleSet {
  const errors: CheckError[] = [];
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const line = (error as { line?: number }).line;
    return {
      rules: [],
      allowPaths: [],
      errors: [
        {
          check: 'secrets',
          path: file,
          ...(line ? { line } : {}),
          message: `not valid TOML, its rules were not loaded: ${firstLine(error)}`,
        },
      ],
    };
  }
  const rules: SecretRule[] = [];
  const entries = Array.isArray(document.rules) ? (document.rules as Record<string, unknown>[]) : [];
  entries.forEach((entry, index) => {
    const id = typeof entry.id === 'string' ? entry.id : `rules[${index}]`;
    if (typeof entry.regex !== 'string') return; // path-only rules flag files, not secrets
    try {
      const { source, flags } = fromGoRegex(entry.regex);
      const group = typeof entry.secretGroup === 'number' ? entry.secretGroup : undefined;
      const pattern = new RegExp(nameSecretGroup(source, group), flags);
      const keywords = Array.isArray(entry.keywords) ? entry.keywords.filter(isString).map((k) => k.toLowerCase()) : [];
      rules.push({
        id,
        title: typeof entry.description === 'string' && entry.description ? entry.description : id,
        provider: 'custom',
        severity: 'high',
        keywords,
        pattern,
        ...(typeof entry.entropy === 'number' ? { minEntropy: entry.entropy } : {}),
        ...allowOf(entry),
        examples: NO_EXAMPLES,
      });
    } catch (error) {
      errors.push({
        check: 'secrets',
        path: file,
        message: `rule '${id}' was skipped: its regex does not compile in JavaScript (${firstLine(error)}). Rewrite it without RE2-only syntax.`,
      });
    }
  });
  const allowPaths: RegExp[] = [];
  for (const allowlist of globalAllowlists(document)) {
    for (const path of stringsOf(allowlist.paths)) {
      try {
        const { source, flags } = fromGoRegex(path);
        allowPaths.push(new RegExp(source, flags));
      } catch (error) {
        errors.push({ check: 'secrets', path: file, message: `allowlist path '${path}' was skipped: ${firstLine(error)}` });
      }
    }
  }
  return { rules, allowPaths, errors };
}

/** Built-in + custom rules, minus the disabled ones; a custom rule replaces a built-in of the same id. */
export function mergeRules(builtin: SecretRule[], custom: SecretRule[], disabled: string[]): SecretRule[] {
  const off = new Set(disabled);
  const customIds = new Set(custom.map((rule) => rule.id));
  return [...builtin.filter((rule) => !customIds.has(rule.id)), ...custom].filter((rule) => !off.has(rule.id));
}

/**
 * Go RE2 -> JavaScript: a leading `(?i)` / `(?s)` / `(?m)` becomes a flag, `(?P<name>` becomes
 * `(?<name>`, `\z` / `\A` become anchors. Other RE2-only syntax fails to compile and is reported.
 */
export function fromGoRegex(regex: string): { source: string; flags: string } {
  let source = regex;
  let flags = '';
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading) {
    for (const flag of leading[1]!) if (flag !== 'U' && !flags.includes(flag)) flags += flag;
    source = source.slice(leading[0].length);
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\z/g, '$')
    .replace(/\\A/g, '^');
  new RegExp(source, flags); // throws SyntaxError for what is left
  return { source, flags };
}

/**
 * Renames gitleaks' numbered secret group to `secret`. Without `secretGroup`, gitleaks takes the
 * only capture group when there is exactly one, else the whole match.
 */
export function nameSecretGroup(source: string, group: number | undefined): string {
  const groups = capturingGroupStarts(source);
  const target = group ?? (groups.length === 1 ? 1 : 0);
  if (target === 0 || target > groups.length) return source;
  const at = groups[target - 1]!;
  if (source.startsWith('(?<', at)) {
    // Already named: rename it, keeping the old name's length out of the way.
    const close = source.indexOf('>', at);
    return `${source.slice(0, at)}(?<secret>${source.slice(close + 1)}`;
  }
  return `${source.slice(0, at)}(?<secret>${source.slice(at + 1)}`;
}

/** Offsets of each capturing `(` in order, skipping escapes, character classes and `(?:`-style groups. */
function capturingGroupStarts(source: string): number[] {
  const starts: number[] = [];
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      const named = source.startsWith('(?<', index) && !source.startsWith('(?<=', index) && !source.startsWith('(?<!', index);
      if (source[index + 1] !== '?' || named) starts.push(index);
    }
  }
  return starts;
}

function allowOf(entry: Record<string, unknown>): { allow?: RegExp[] } {
  const lists = [entry.allowlist, ...(Array.isArray(entry.allowlists) ? entry.allowlists : [])].filter(isRecord);
  const allow: RegExp[] = [];
  for (const list of lists) {
    for (const regex of stringsOf(list.regexes)) {
      const { source, flags } = fromGoRegex(regex);
      allow.push(new RegExp(source, flags));
    }
    for (const word of stringsOf(list.stopwords)) allow.push(new RegExp(escapeRegex(word), 'i'));
  }
  return allow.length > 0 ? { allow } : {};
}

function globalAllowlists(document: Record<string, unknown>): Record<string, unknown>[] {
  return [document.allowlist, ...(Array.isArray(document.allowlists) ? document.allowlists : [])].filter(isRecord);
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isString) : [];
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
