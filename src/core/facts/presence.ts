/**
 * The signals present in the facts being scored, kept between calls: a new round empties it, so
 * once every signal has been seen filling it allocates nothing (a Set rebuilt per call did).
 */
export class Presence {
  private readonly rounds = new Map<string, number>();
  private round = 0;

  clear(): this {
    this.round++;
    // signals come from the knowledge, but facts carried in could name anything: start over if many
    if (this.round > 1_000_000_000 || this.rounds.size > 50_000) {
      this.rounds.clear();
      this.round = 1;
    }
    return this;
  }

  add(signal: string): void {
    this.rounds.set(signal, this.round);
  }

  has(signal: string): boolean {
    return this.rounds.get(signal) === this.round;
  }
}
/** The one the scoring uses (it never runs inside itself). */
export const presentSignals = new Presence();
