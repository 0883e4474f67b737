// An advisory source that cannot answer: the check turns it into one CheckError naming the
// URL or database path (fatal unless `deps.on-source-error: warn`), never a stack trace.
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
