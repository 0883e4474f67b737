// How many OSV record fetches run at once, and when none may start. The limit adapts like TCP's
// congestion window: it starts at `initial`, grows by one per answered request (doubling per round
// trip) up to `max`; a 429, a 5xx or a timeout halves it, and from then on it grows by one per full
// window. A Retry-After pauses every request of the client, not just the one that got it.

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PacerOptions {
  /** Parallel requests at the start. */
  initial: number;
  /** Never more than this many at once. */
  max: number;
  sleep?: Sleep;
}

export class RequestPacer {
  /** The current limit; fractional while growing one per window. */
  private window: number;
  /** Above this the limit grows one per window instead of one per answer. */
  private threshold: number;
  private running = 0;
  /** Requests waiting for a slot, first at `next` (an index, not shift(): thousands may wait). */
  private waiting: (() => void)[] = [];
  private next = 0;
  private pause: Promise<void> | undefined;
  private pauseEnds = 0;
  /** The most requests that ran at once (tests and bench read it). */
  peak = 0;

  constructor(private readonly options: PacerOptions) {
    this.window = Math.max(1, options.initial);
    this.threshold = Math.max(this.window, options.max);
  }

  get limit(): number {
    return Math.max(1, Math.min(this.options.max, Math.floor(this.window)));
  }

  /** Waits for a free slot; pair with release(). */
  async acquire(): Promise<void> {
    if (this.next === this.waiting.length && this.running < this.limit) this.start();
    // Otherwise wake() starts it, in arrival order.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    this.running -= 1;
    this.wake();
  }

  /** A Retry-After pause is in force: no request may start. */
  get paused(): boolean {
    return this.pause !== undefined;
  }

  /** Resolves once no Retry-After pause is in force (check `paused` again after it: another may have begun). */
  async ready(): Promise<void> {
    while (this.pause) await this.pause;
  }

  /** The server answered: widen the window. */
  answered(): void {
    this.window += this.window < this.threshold ? 1 : 1 / this.window;
    this.window = Math.min(this.window, this.options.max);
    this.wake();
  }

  /** The server is overloaded (429, 5xx, timeout): halve the window; with Retry-After, pause everyone that long. */
  overloaded(retryAfterMs?: number): void {
    // Requests already in flight when the server pushed back say the same thing again: halve once per pause.
    if (!this.pause) {
      this.threshold = Math.max(1, this.limit / 2);
      this.window = this.threshold;
    }
    if (retryAfterMs === undefined || retryAfterMs <= 0) return;
    const ends = Date.now() + retryAfterMs;
    if (this.pause && ends <= this.pauseEnds) return;
    this.pauseEnds = ends;
    const pause: Promise<void> = (this.options.sleep ?? realSleep)(retryAfterMs).then(() => {
      if (this.pause === pause) this.pause = undefined;
    });
    this.pause = pause;
  }

  private wake(): void {
    while (this.next < this.waiting.length && this.running < this.limit) {
      this.start();
      this.waiting[this.next++]!();
    }
    if (this.next === this.waiting.length) {
      this.waiting = [];
      this.next = 0;
    }
  }

  private start(): void {
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
  }
}
