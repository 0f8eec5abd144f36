/**
 * Active time on an item: seconds in which the user did something (mouse,
 * keys, wheel) with the page visible, counting at most `idleAfterMs` after
 * each action — reading an image counts, leaving the desk does not.
 */
export class ActiveTime {
  private lastActivity = -Infinity;
  private countedUntil = 0;
  private accumulatedMs = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly idleAfterMs = 60_000,
  ) {}

  /** Called on every user action. */
  touch(): void {
    this.accumulate();
    const now = this.now();
    this.lastActivity = now;
    this.countedUntil = now;
  }

  private accumulate(): void {
    const end = Math.min(this.now(), this.lastActivity + this.idleAfterMs);
    if (end > this.countedUntil) {
      this.accumulatedMs += end - this.countedUntil;
      this.countedUntil = end;
    }
  }

  /** Whole active seconds since the last call; the remainder carries over. */
  take(): number {
    this.accumulate();
    const seconds = Math.floor(this.accumulatedMs / 1000);
    this.accumulatedMs -= seconds * 1000;
    return seconds;
  }
}
