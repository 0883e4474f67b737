// SARIF 2.1.0 for code scanning (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html).
// One run per check: GitHub rejects an upload with two runs of the same tool and category, so each
// run gets its own `automationDetails.id` (its category). Check errors are tool execution
// notifications, not results. Only finding fields go in: details (which hold a redacted secret at
// most) are never copied, apart from a deps advisory's URL as the rule's help link.
import { CHECK_NAMES, severityRank, type CheckError, type CheckName, type Severity } from '../finding.js';
import type { EvaluatedFinding, Status, Verdict } from '../policy/verdict.js';
import { redactDocument, redactVerdict } from './redaction.js';
import { relativeUri } from './uri.js';

export { relativeUri } from './uri.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'security-gate';

export interface SarifOptions {
  toolVersion: string;
  informationUri?: string;
}

// GitHub maps `security-severity` to its severity labels: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, else low.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
const LEVEL: Record<Status, 'error' | 'warning' | 'note'> = { fail: 'error', warn: 'warning', ignored: 'note' };

// Loose types: this is a JSON document validated against the official schema in the tests.
type Json = Record<string, unknown>;

export function renderSarif(original: Verdict, options: SarifOptions): Json {
  const verdict = redactVerdict(original);
  const ran = verdict.checks.map((check) => check.check);
  // A finding or error of a check missing from `checks` (should not happen) still gets a run.
  const extra = CHECK_NAMES.filter(
    (name) => !ran.includes(name) && (verdict.findings.some((f) => f.check === name) || verdict.errors.some((e) => e.check === name)),
  );
  return redactDocument(original, {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [...ran, ...extra].map((check) =>
      renderRun(
        check,
        verdict.findings.filter((finding) => finding.check === check),
        verdict.errors.filter((error) => error.check === check),
        options,
      ),
    ),
  });
}

function renderRun(check: CheckName, findings: EvaluatedFinding[], errors: CheckError[], options: SarifOptions): Json {
  const rules = new Map<string, { index: number; findings: EvaluatedFinding[] }>();
  for (const finding of findings) {
    const rule = rules.get(finding.rule) ?? { index: rules.size, findings: [] };
    rule.findings.push(finding);
    rules.set(finding.rule, rule);
  }
  return {
    tool: {
      driver: withoutUndefined({
        name: TOOL_NAME,
        version: options.toolVersion,
        semanticVersion: /^\d+\.\d+\.\d+/.test(options.toolVersion) ? options.toolVersion : undefined,
        informationUri: options.informationUri,
        rules: [...rules].map(([id, { findings: ofRule }]) => renderRule(id, check, ofRule)),
      }),
    },
    automationDetails: { id: `${TOOL_NAME}/${check}/` },
    invocations: [
      {
        executionSuccessful: !errors.some((error) => error.fatal),
        toolExecutionNotifications: errors.map(renderNotification),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: findings.map((finding) => renderResult(finding, rules.get(finding.rule)!.index)),
  };
}

/** One descriptor per rule id; its most severe finding (the first, as the verdict is sorted) speaks for it. */
function renderRule(id: string, check: CheckName, findings: EvaluatedFinding[]): Json {
  const worst = findings.reduce((a, b) => (severityRank(b.severity) < severityRank(a.severity) ? b : a));
  const first = findings[0]!;
  const url = first.details.kind === 'deps' && /^https?:\/\//.test(first.details.url) ? first.details.url : undefined;
  return withoutUndefined({
    id,
    shortDescription: { text: first.title },
    fullDescription: { text: first.message },
    helpUri: url,
    help: { text: url ? `${first.message}\n\nAdvisory: ${url}` : first.message },
    properties: {
      tags: ['security', check],
      'security-severity': SECURITY_SEVERITY[worst.severity],
      precision: 'high',
    },
  });
}

function renderResult(finding: EvaluatedFinding, ruleIndex: number): Json {
  const location = physicalLocation(finding.location.path, finding.location.line, finding.location.endLine);
  return withoutUndefined({
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.status],
    message: { text: finding.message },
    locations: location ? [{ physicalLocation: location }] : undefined,
    partialFingerprints: { 'securityGate/v1': finding.fingerprint },
    suppressions: finding.status === 'ignored' ? [{ kind: 'external', justification: finding.reason }] : undefined,
    properties: withoutUndefined({
      status: finding.status,
      severity: finding.severity,
      reason: finding.reason,
      introduced: finding.introduced,
      commit: finding.location.commit,
    }),
  });
}

function renderNotification(error: CheckError): Json {
  const location = physicalLocation(error.path, error.line);
  return withoutUndefined({
    level: error.fatal ? 'error' : 'warning',
    message: { text: error.message },
    locations: location ? [{ physicalLocation: location }] : undefined,
  });
}

function physicalLocation(path: string, line?: number, endLine?: number): Json | undefined {
  if (!path) return undefined;
  const startLine = line !== undefined && Number.isInteger(line) && line >= 1 ? line : undefined;
  const region = startLine
    ? withoutUndefined({
        startLine,
        endLine: endLine !== undefined && Number.isInteger(endLine) && endLine >= startLine ? endLine : undefined,
      })
    : undefined;
  return withoutUndefined({ artifactLocation: { uri: relativeUri(path), uriBaseId: '%SRCROOT%' }, region });
}

function withoutUndefined(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
