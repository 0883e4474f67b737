// Reporters print only the finding's own fields. `details` (where a secret finding keeps its
// redacted value, author and date) reach the JSON report and nothing else.
import { describe, expect, it } from 'vitest';
import { renderAnnotations } from '../../src/report/annotations.js';
import { renderJson } from '../../src/report/json.js';
import { actionOutputs } from '../../src/report/outputs.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderText } from '../../src/report/text.js';
import { depsDetails, findingOf, verdictOf } from '../support/verdict.js';

const CANARIES = ['CANARY-REDACTED', 'canary-author@example.com', 'CANARY-DATE', 'CANARY-ECOSYSTEM', 'CANARY-PATH-ENTRY', 'CANARY-ROW'];

function verdictWithCanaryDetails() {
  return verdictOf(
    [
      findingOf({
        check: 'secrets',
        details: { kind: 'secrets', redacted: CANARIES[0]!, author: CANARIES[1], date: CANARIES[2], entropy: 4.25 },
      }),
      findingOf({
        check: 'secrets',
        rule: 'generic-api-key',
        severity: 'low',
        details: { kind: 'secrets', redacted: CANARIES[0]!, author: CANARIES[1] },
      }),
      findingOf({ details: depsDetails({ ecosystem: CANARIES[3], dependencyPath: [CANARIES[4]!] }) }),
      findingOf({ check: 'versions', details: { kind: 'versions', row: CANARIES[5] } }),
    ],
    { config: { ignore: [{ id: 'generic-api-key', reason: 'fixture', expires: '2027-01-01' }] } },
  );
}

describe('details stay out of every reporter but JSON', () => {
  const verdict = verdictWithCanaryDetails();
  const outputs: Record<string, string> = {
    annotations: renderAnnotations(verdict).join('\n'),
    summary: renderSummary(verdict),
    text: renderText(verdict, { color: false, verbose: true }),
    sarif: JSON.stringify(renderSarif(verdict, { toolVersion: '1.0.0' })),
    outputs: JSON.stringify(actionOutputs(verdict, { sarif: 'a.sarif', json: 'a.json' })),
  };

  it.each(Object.keys(outputs))('%s prints no details field', (name) => {
    for (const canary of CANARIES) expect(outputs[name], canary).not.toContain(canary);
  });

  it('the JSON report carries the details as the check gave them, and only there', () => {
    const report = renderJson(verdict);
    const secret = report.findings.find((f) => f.rule === 'aws-access-key-id')!;
    expect(secret.details).toEqual({
      kind: 'secrets',
      redacted: 'CANARY-REDACTED',
      author: 'canary-author@example.com',
      date: 'CANARY-DATE',
      entropy: 4.25,
    });
    const withoutDetails = JSON.stringify(report.findings.map(({ details: _details, ...rest }) => rest));
    for (const canary of CANARIES) expect(withoutDetails).not.toContain(canary);
  });
});
