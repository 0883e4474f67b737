// The rule set a scan runs: the built-in table, plus custom rules from the config file and from
// an existing `.gitleaks.toml` (for teams moving over), minus `secrets.disable-rules`.
import { parse as parseToml } from 'smol-toml';
import type { CustomRule } from '../../config/schema.js';
import type { CheckError } from '../../finding.js';
import { RE2JS } from 're2js';
import { firstLine, isRecord } from '../../util.js';
import type { LinearPattern, SecretRule } from './rules/types.js';

export interface RuleSet {
  rules: SecretRule[];
  /** From `.gitleaks.toml` `[allowlist]`: path regexes never scanned. */
  allowPaths: { test(path: string): boolean }[];
  errors: CheckError[];
}

const NO_EXAMPLES = { secret: [], notSecret: [] };

/**
 * A repository's own pattern, compiled for RE2's linear-time engine (re2js): gitleaks rules are
 * written for Go's RE2 already, and a pattern such as `^(a|aa)+$` that would backtrack for hours
 * in JavaScript runs in time linear in the line. `group` is the capture group holding the secret
 * (a number, or the name `secret`); 0 takes the whole match. Throws when RE2 cannot compile it
 * (backreferences and lookarounds have no linear-time form).
 */
export function linearPattern(source: string, group?: number): LinearPattern {
  const compiled = RE2JS.compile(source);
  const named = compiled.namedGroups() as Record<string, number>;
  const target = named.secret ?? group ?? (compiled.groupCount() === 1 ? 1 : 0);
  if (target > compiled.groupCount()) throw new Error(`secretGroup ${target} is not a group of the pattern`);
  return {
    source,
    flags: '',
    *matches(line: string) {
      const matcher = compiled.matcher(line);
      while (matcher.find()) {
        const secret = matcher.group(target);
        if (secret) yield { secret, start: matcher.start(target) };
      }
    },
  };
}

/** A test-only view of a linear pattern, for allowlists tested against a found value. */
function linearTest(source: string): { test(value: string): boolean } {
  const compiled = RE2JS.compile(source);
  return { test: (value) => compiled.matcher(value).find() };
}

export function fromConfigRule(custom: CustomRule): SecretRule {
  return {
    id: custom.id,
    title: custom.title,
    provider: 'custom',
    // The repository's own rule: it knows its format, and its severity is the one configured.
    confidence: 'confirmed',
    severity: custom.severity,
    keywords: custom.keywords.map((keyword) => keyword.toLowerCase()),
    pattern: linearPattern(custom.pattern),
    ...(custom['min-entropy'] !== undefined ? { minEntropy: custom['min-entropy'] } : {}),
    examples: NO_EXAMPLES,
  };
}

/**
 * Custom rules of a `.gitleaks.toml` (gitleaks v8 format: `[[rules]]` with id, description, regex,
 * secretGroup, keywords, entropy, allowlist(s)). A rule RE2 cannot compile is skipped with an
 * error naming it; the others still run. A file that is not TOML at all fails the check: none of
 * the repository's own rules or allowlists ran.
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
          message: `not valid TOML, so its rules and allowlists were not loaded: ${firstLine(error)}. Fix the file (gitleaks reads the same format).`,
          fatal: true, // the repository's own rules did not run: not a pass
        },
      ],
    };
  }
  const rules: SecretRule[] = [];
  const entries = Array.isArray(document.rules) ? document.rules.filter(isRecord) : [];
  entries.forEach((entry, index) => {
    const id = typeof entry.id === 'string' ? entry.id : `rules[${index}]`;
    if (typeof entry.regex !== 'string') return; // path-only rules flag files, not secrets
    try {
      const group = typeof entry.secretGroup === 'number' ? entry.secretGroup : undefined;
      const keywords = stringsOf(entry.keywords).map((keyword) => keyword.toLowerCase());
      rules.push({
        id,
        title: typeof entry.description === 'string' && entry.description ? entry.description : id,
        provider: 'custom',
        confidence: 'confirmed',
        severity: 'high',
        keywords,
        pattern: linearPattern(entry.regex, group),
        ...(typeof entry.entropy === 'number' ? { minEntropy: entry.entropy } : {}),
        ...allowOf(entry),
        examples: NO_EXAMPLES,
      });
    } catch (error) {
      errors.push({
        check: 'secrets',
        path: file,
        message: `rule '${id}' was skipped: its regex is not one RE2 runs in linear time (${firstLine(error)}). Rewrite it without backreferences or lookarounds.`,
      });
    }
  });
  const allowPaths: { test(path: string): boolean }[] = [];
  for (const allowlist of globalAllowlists(document)) {
    for (const path of stringsOf(allowlist.paths)) {
      try {
        allowPaths.push(linearTest(path));
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

function allowOf(entry: Record<string, unknown>): { allow?: { test(value: string): boolean }[] } {
  const lists = [entry.allowlist, ...(Array.isArray(entry.allowlists) ? entry.allowlists : [])].filter(isRecord);
  const allow: { test(value: string): boolean }[] = [];
  for (const list of lists) {
    for (const regex of stringsOf(list.regexes)) allow.push(linearTest(regex));
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

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
