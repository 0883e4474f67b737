// An advisory source that cannot answer: the check turns it into one CheckError naming the
// URL or database path (fatal unless `deps.on-source-error: warn`), never a stack trace.
import { compareStrings } from '../../../util.js';
export class OsvSourceError extends Error {
  constructor(
    /** The API URL or the database path. */
    readonly location: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'OsvSourceError';
  }
}

/** OSV publishes every ecosystem's records as one zip (https://google.github.io/osv.dev/data/#data-dumps). */
export function osvDumpUrl(ecosystem: string): string {
  return `https://osv-vulnerabilities.storage.googleapis.com/${ecosystem}/all.zip`;
}

/**
 * What to do without the OSV API, for the ecosystems the scan found: the CLI flag first (the
 * first thing a user on a machine without a route to the API can type), where a real database
 * comes from, then the config keys.
 */
export function offlineAdvice(ecosystems: readonly string[]): string {
  const shown = [...new Set(ecosystems)].sort((a, b) => compareStrings(a.toLowerCase(), b.toLowerCase())).slice(0, 3);
  const dumps = shown.length > 0 ? shown.map(osvDumpUrl).join(', ') : osvDumpUrl('<ECOSYSTEM>');
  return (
    `To scan without the API, pass --advisory-db DIR|all.zip (action input advisory-db) with an OSV database: ` +
    `OSV publishes one all.zip per ecosystem (${dumps}). ` +
    'Or set deps.advisory-db, deps.osv-url (a reachable mirror) or deps.timeout in the config, or fix the network or proxy of the runner.'
  );
}
