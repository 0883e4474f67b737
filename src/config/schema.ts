// The config file's schema, written once: zod validates `.github/security-gate.yml` with it,
// it holds every default (action.yml gives none, see DESIGN.md "Inputs vs config file"), and
// scripts/write-schema.ts exports it to schema/security-gate.schema.json for editors.
import { RE2JS } from 're2js';
import * as z from 'zod';
import { CHECK_NAMES, SEVERITIES } from '../finding.js';
import { firstLine } from '../util.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date like 2026-12-31')
  .refine((value) => {
    // Date.parse rolls 2026-02-30 over to March: round-trip to catch days that do not exist.
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, 'not a real calendar date');

const regexSource = z.string().refine((source) => {
  try {
    // A leading `(?i)` (Go/RE2, as in gitleaks configs) becomes the `i` flag when the rule is compiled.
    new RegExp(source.replace(/^\(\?i\)/, ''));
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/**
 * Custom secret rules run on every line a repository has, so they run under RE2's linear-time
 * engine (re2js): a pattern it cannot compile (backreferences, lookarounds) is a config error
 * naming the rule, instead of a backtracking regex that can stall the scan.
 */
const linearRegexSource = z.string().superRefine((source, context) => {
  try {
    RE2JS.compile(source);
  } catch (error) {
    const why = firstLine(error);
    context.addIssue({ code: 'custom', message: `not a pattern RE2 runs in linear time (no backreferences or lookarounds): ${why}` });
  }
});

export const failOnSchema = z.enum(['critical', 'high', 'medium', 'low']);

export const ignoreEntrySchema = z
  .strictObject({
    id: z.string().min(1).optional().describe('Advisory id (GHSA-…, CVE-…) or rule id to ignore.'),
    package: z.string().min(1).optional().describe('Limit an advisory ignore to one package name.'),
    path: z.string().min(1).optional().describe('Limit the ignore to findings under this glob.'),
    fingerprint: z.string().min(1).optional().describe('Ignore exactly one finding by its fingerprint.'),
    reason: z.string().min(1).describe('Why this is acceptable; shown in every report.'),
    expires: isoDate.describe('The ignore stops working (and fails the build) after this date.'),
  })
  .refine((entry) => entry.id !== undefined || entry.fingerprint !== undefined, {
    message: 'an ignore entry needs an `id` or a `fingerprint`',
  });

export const customRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  title: z.string().min(1),
  severity: z.enum(SEVERITIES).default('high'),
  pattern: linearRegexSource.describe(
    'Regular expression (RE2 syntax, run in linear time); the secret is the named group `secret`, else the only group, else the whole match.',
  ),
  keywords: z.array(z.string().min(1)).default([]),
  'min-entropy': z.number().min(0).max(8).optional(),
});

/**
 * Where fake credentials live: tests, fixtures, specs, examples, samples and docs. A finding in
 * such a path is reported and warns instead of failing (`secrets.in-test-paths`).
 */
export const DEFAULT_TEST_PATHS = [
  '**/test/**',
  '**/tests/**',
  '**/t/**',
  '**/__tests__/**',
  '**/spec/**',
  '**/specs/**',
  '**/testdata/**',
  '**/test-data/**',
  '**/fixtures/**',
  '**/__fixtures__/**',
  '**/__mocks__/**',
  '**/mocks/**',
  '**/examples/**',
  '**/example/**',
  '**/samples/**',
  '**/sample/**',
  '**/docs/**',
  '**/doc/**',
  '**/*.test.*',
  '**/*.spec.*',
  '**/*_test.*',
  '**/*_spec.*',
  '**/test_*.py',
  '**/*Test.java',
  '**/*Test.kt',
  '**/*Tests.cs',
  '**/*.example',
  '**/*.sample',
  '**/*.example.*',
  '**/*.examples.*',
  '**/*.sample.*',
];

export const configSchema = z
  .strictObject({
    checks: z
      .array(z.enum(CHECK_NAMES))
      .min(1)
      .default([...CHECK_NAMES])
      .describe('Which checks run.'),
    'fail-on': failOnSchema.default('high').describe('Lowest severity that fails the build.'),
    ignore: z.array(ignoreEntrySchema).default([]),
    'policy-from': z
      .enum(['base', 'head'])
      .default('base')
      .describe(
        'On pull_request, pull_request_target and merge_group: read the policy (this file, .gitleaks.toml, .gitleaksignore, the baseline) from the base commit, so a pull request cannot exempt itself, or from the head (the pull request itself).',
      ),
    baseline: z.string().min(1).optional().describe('A JSON report of an earlier run: its findings warn instead of failing.'),
    versions: z
      .strictObject({
        'policy-file': z.string().min(1).optional().describe('Path of SECURITY.md when not in a standard place.'),
        'tag-pattern': regexSource
          .refine((source) => source.includes('(?<version>'), 'needs a named group `(?<version>…)`')
          .optional()
          .describe('Regex with a named group `version` that picks release tags.'),
        'include-prereleases': z.boolean().default(false),
      })
      .default({ 'include-prereleases': false }),
    secrets: z
      .strictObject({
        'exclude-paths': z.array(z.string().min(1)).default([]).describe('Globs (minimatch) of paths never scanned.'),
        'max-file-size': z.number().int().positive().default(1_048_576).describe('Bytes; larger files are skipped and counted.'),
        'disable-rules': z.array(z.string()).default([]),
        rules: z.array(customRuleSchema).default([]),
        'test-paths': z
          .array(z.string().min(1))
          .default([...DEFAULT_TEST_PATHS])
          .describe('Globs of test, fixture, example and docs paths, where findings warn by default (replaces the default list).'),
        'in-test-paths': z
          .enum(['warn', 'fail', 'ignore'])
          .default('warn')
          .describe('What a finding in a test path does: warn (reported, never fails), fail (as anywhere else), ignore.'),
        'max-decode-depth': z
          .number()
          .int()
          .min(0)
          .max(2)
          .default(1)
          .describe('Levels of base64 / percent-encoding looked inside (0 turns decoding off).'),
      })
      .default({
        'exclude-paths': [],
        'max-file-size': 1_048_576,
        'disable-rules': [],
        rules: [],
        'test-paths': [...DEFAULT_TEST_PATHS],
        'in-test-paths': 'warn',
        'max-decode-depth': 1,
      }),
    deps: z
      .strictObject({
        include: z.array(z.string().min(1)).default([]).describe('Globs of lockfiles to scan (default: all found).'),
        exclude: z.array(z.string().min(1)).default([]).describe('Globs of lockfiles or folders to skip.'),
        'osv-url': z.url().default('https://api.osv.dev'),
        'advisory-db': z.string().min(1).optional().describe('Offline OSV database: a folder of JSON records or an all.zip.'),
        'cache-dir': z.string().min(1).optional().describe('Where advisory records and the secrets history scan are cached between runs.'),
        'include-dev': z.boolean().default(true),
        'on-source-error': z.enum(['fail', 'warn']).default('fail'),
        timeout: z
          .number()
          .positive()
          .max(3600)
          .default(120)
          .describe('Seconds the OSV API may take in all (every request, retry and wait); past it the check fails.'),
        unreadable: z
          .enum(['fail', 'warn'])
          .default('fail')
          .describe('A lockfile that cannot be read fails the check (its packages were not checked), or only warns.'),
        unscored: z.enum(['fail', 'warn']).default('warn'),
      })
      .default({
        include: [],
        exclude: [],
        'osv-url': 'https://api.osv.dev',
        'include-dev': true,
        'on-source-error': 'fail',
        timeout: 120,
        unreadable: 'fail',
        unscored: 'warn',
      }),
  })
  .describe('security-gate configuration (.github/security-gate.yml)');

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type IgnoreEntry = z.output<typeof ignoreEntrySchema>;
export type CustomRule = z.output<typeof customRuleSchema>;
export type FailOn = z.output<typeof failOnSchema>;

/** The defaults alone: what a repository without a config file gets. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}
