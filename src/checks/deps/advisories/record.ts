// The shape of an OSV record, as far as the gate reads it (https://ossf.github.io/osv-schema/).
// Every record is checked against it before the matcher sees it, whatever the source (API, cache,
// offline database): a record of the wrong shape is skipped and named, never half-read. Fields the
// gate does not read pass through unchecked, so a newer schema version still loads.
import * as z from 'zod';
import type { OsvRecord } from '../types.js';

const text = z.string();
const severity = z.array(z.looseObject({ type: text, score: text }));
const extra = z.record(z.string(), z.unknown());

// Each event has exactly one of these keys (OSV schema, "ranges[].events").
const event = z.union([
  z.strictObject({ introduced: text }),
  z.strictObject({ fixed: text }),
  z.strictObject({ last_affected: text }),
  z.strictObject({ limit: text }),
]);

const affected = z.looseObject({
  package: z.looseObject({ ecosystem: text, name: text, purl: text.optional() }).optional(),
  severity: severity.optional(),
  ranges: z
    .array(z.looseObject({ type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']), repo: text.optional(), events: z.array(event) }))
    .optional(),
  // A list, never a string: `"4.17.15".includes("4.17.1")` would match by substring.
  versions: z.array(text).optional(),
  ecosystem_specific: extra.optional(),
  database_specific: extra.optional(),
});

const osvRecordSchema = z.looseObject({
  // Ids are short (GHSA-xxxx-xxxx-xxxx, PYSEC-2023-62); a longer one is not an advisory id.
  id: text.min(1).max(256),
  modified: text,
  published: text.optional(),
  withdrawn: text.optional(),
  aliases: z.array(text).optional(),
  summary: text.optional(),
  details: text.optional(),
  severity: severity.optional(),
  affected: z.array(affected).optional(),
  references: z.array(z.looseObject({ type: text, url: text })).optional(),
  database_specific: extra.optional(),
});

export type CheckedRecord = { record: OsvRecord; problem?: undefined } | { record?: undefined; problem: string; id?: string };

/** The record when it has the shape the gate reads, else what is wrong (and its id, when it has one). */
export function checkOsvRecord(value: unknown): CheckedRecord {
  const parsed = osvRecordSchema.safeParse(value);
  if (parsed.success) return { record: parsed.data as OsvRecord };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  return { problem: `${where}${issue.message}`, id: idOf(value) };
}

/** `affected[0].versions`, the way the record's own JSON names the field. */
function formatPath(path: PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`)).join('');
}

function idOf(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id.slice(0, 200) : undefined;
}
