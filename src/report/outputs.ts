// The action's step outputs (action.yml `outputs:`): all strings, as the runner stores them.
import type { Verdict } from '../policy/verdict.js';
import { redactDocument } from './redaction.js';

export function actionOutputs(verdict: Verdict, files: { sarif?: string; json?: string }): Record<string, string> {
  return redactDocument(verdict, {
    verdict: verdict.verdict,
    // As action.yml documents: every finding, failing, warning and ignored.
    findings: String(verdict.findings.length),
    failures: String(verdict.counts.fail),
    warnings: String(verdict.counts.warn),
    'sarif-file': files.sarif ?? '',
    'json-file': files.json ?? '',
  });
}
