// The one length budget of the markdown reports: GitHub fails a job summary above 1 MiB (bytes)
// and rejects an issue or comment body above 65,536 characters. Every piece of a report, headers
// included, is taken from one Budget; a piece that does not fit is refused and the budget stays full,
// so the report ends with a "… and N more" line instead of a cut row.

/** The job summary's bound in UTF-8 bytes: GitHub's limit is 1 MiB (1,048,576); keep a margin. */
export const MAX_SUMMARY_BYTES = 1_000_000;
/** GitHub's limit on an issue or comment body. */
export const MAX_COMMENT_CHARS = 65_536;

export type Measure = (text: string) => number;

/** UTF-8 bytes: the job summary's limit. */
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');
/** UTF-16 code units: what a comment body's length means to the API (kept conservative: ≥ characters). */
export const characters: Measure = (text) => text.length;

export class Budget {
  used = 0;
  full = false;

  constructor(
    readonly limit: number,
    readonly measure: Measure,
  ) {}

  get left(): number {
    return Math.max(0, this.limit - this.used);
  }

  /** True when `piece` fits now (without taking it). */
  fits(piece: string): boolean {
    return !this.full && this.used + this.measure(piece) <= this.limit;
  }

  /** Takes `piece` when it fits; otherwise refuses it and stays full from then on. */
  take(piece: string): boolean {
    if (!this.fits(piece)) {
      this.full = true;
      return false;
    }
    this.used += this.measure(piece);
    return true;
  }

  /** A budget for a part of this one: `limit` of what is left. */
  share(limit: number): Budget {
    return new Budget(Math.max(0, Math.min(limit, this.left)), this.measure);
  }
}
