/**
 * A circuit breaker per connector, pure (the clock is passed in): after `failures` failed
 * calls in a row the circuit opens and calls are refused at once for `openMs`; then one trial
 * call is let through (half-open): its success closes the circuit, its failure opens it again.
 */
export interface BreakerOptions {
  failures: number;
  openMs: number;
}

export class CircuitBreaker {
  private failuresInRow = 0;
  private openedAt: number | null = null;
  private trialRunning = false;

  constructor(private readonly options: BreakerOptions) {}

  state(now: number): "closed" | "open" | "halfOpen" {
    if (this.openedAt === null) return "closed";
    return now - this.openedAt >= this.options.openMs ? "halfOpen" : "open";
  }

  /** Whether a call may go out now; a half-open circuit lets one trial through at a time. */
  allow(now: number): boolean {
    const state = this.state(now);
    if (state === "closed") return true;
    if (state === "open" || this.trialRunning) return false;
    this.trialRunning = true;
    return true;
  }

  success(): void {
    this.failuresInRow = 0;
    this.openedAt = null;
    this.trialRunning = false;
  }

  failure(now: number): void {
    this.trialRunning = false;
    this.failuresInRow += 1;
    if (this.openedAt !== null || this.failuresInRow >= this.options.failures) this.openedAt = now;
  }
}
