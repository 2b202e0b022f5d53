/**
 * Per-token arrays kept between calls, so reading a question allocates none of them. They are
 * kept up to this many tokens (a long question); a longer text gets arrays of its own, not kept.
 */
export const KEEP_TOKENS = 4096;

/** A per-token array of numbers reused between calls: `reset` hands it back filled with `empty`. */
export class Numbers {
  private kept = new Int32Array(256);

  reset(size: number, empty: number): Int32Array {
    if (size > KEEP_TOKENS) return new Int32Array(size).fill(empty);
    if (size > this.kept.length) this.kept = new Int32Array(Math.max(size, this.kept.length * 2));
    return this.kept.fill(empty, 0, size);
  }
}
