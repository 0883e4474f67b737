import type { SecretRule } from './types.js';
import { assigned, prefixed } from './context.js';

/** Escape a literal for use inside a regex source. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Common {
  id: string;
  title: string;
  provider: string;
  severity?: SecretRule['severity'];
  minEntropy?: number;
  allow?: RegExp[];
  remediation: string;
  /** Variable name used in the generated examples, e.g. `OPENAI_API_KEY`. */
  env: string;
  /** Extra example lines. */
  secret?: string[];
  notSecret?: string[];
}

export interface PrefixedSpec extends Common {
  /** Literal prefix that starts every token; also the prefilter keyword. */
  prefix: string;
  /** Regex source of what follows the prefix. */
  body: string;
  /** A generated body that `body` accepts. */
  sample: string;
  /** A second sample for a second example line (defaults to `sample`). */
  sample2?: string;
  keywords?: string[];
  /** Regex source of the right boundary (default: no word character or dash). */
  end?: string;
}

/** A token recognisable by its own prefix, wherever it appears. */
export function prefixedRule(spec: PrefixedSpec): SecretRule {
  const token = spec.prefix + spec.sample;
  const token2 = spec.prefix + (spec.sample2 ?? spec.sample);
  return {
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    severity: spec.severity ?? 'high',
    keywords: spec.keywords ?? [spec.prefix.toLowerCase()],
    pattern: prefixed(literal(spec.prefix) + spec.body, spec.end),
    ...(spec.minEntropy === undefined ? {} : { minEntropy: spec.minEntropy }),
    ...(spec.allow ? { allow: spec.allow } : {}),
    remediation: spec.remediation,
    examples: {
      secret: [`${spec.env}=${token}`, `  "${camel(spec.env)}": "${token2}",`, ...(spec.secret ?? [])],
      notSecret: [
        // Too short to be a token: a truncated copy in a comment or a test.
        `${spec.env}=${spec.prefix}${spec.sample.slice(0, 6)}`,
        `${spec.env}=${spec.prefix}<your-token>`,
        ...(spec.notSecret ?? []),
      ],
    },
  };
}

export interface ContextSpec extends Common {
  /** Lowercase prefilter words (one must appear in the line). */
  keywords: string[];
  /** Regex source of the variable name that must precede the value. */
  name: string;
  /** Regex source of the value. */
  value: string;
  sample: string;
  end?: string;
}

/** A value that looks like many others, so it is reported only when assigned to a name naming the provider. */
export function contextRule(spec: ContextSpec): SecretRule {
  return {
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    severity: spec.severity ?? 'high',
    keywords: spec.keywords,
    pattern: assigned(spec.name, spec.value, spec.end),
    ...(spec.minEntropy === undefined ? {} : { minEntropy: spec.minEntropy }),
    ...(spec.allow ? { allow: spec.allow } : {}),
    remediation: spec.remediation,
    examples: {
      secret: [`${spec.env}=${spec.sample}`, `  ${spec.env.toLowerCase()}: "${spec.sample}"`, ...(spec.secret ?? [])],
      notSecret: [
        `${spec.env}=\${${spec.env}}`,
        `const key = process.env.${spec.env};`,
        // The same value with no provider name near it is left to the generic rule.
        `value = "${spec.sample}"`,
        ...(spec.notSecret ?? []),
      ],
    },
  };
}

function camel(env: string): string {
  return env.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
