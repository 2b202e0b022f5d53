import type { Fact, Measurement } from '../types.js';

/** At most this many quotes per signal and status, and measurements per measure: facts stay small. */
export const MAX_QUOTES = 3;

/** A list that keeps at most MAX_QUOTES distinct quotes per signal, status and product, as facts arrive. */
export class BoundedFacts {
  readonly list: Fact[] = [];

  /** Would a fact with this signal, status, product and quote still be kept? */
  wants(signal: string, status: string | undefined, tool: string | undefined, evidence: string): boolean {
    // the list stays short (a few facts per signal, status and product), so a scan beats building keys
    let same = 0;
    for (let i = 0; i < this.list.length; i++) {
      const f = this.list[i] as Fact;
      if (f.signal !== signal || f.status !== status || f.tool !== tool) continue;
      if (f.evidence === evidence) return false;
      same++;
    }
    return same < MAX_QUOTES;
  }

  push(f: Fact): void {
    if (this.wants(f.signal, f.status, f.tool, f.evidence)) this.list.push(f);
  }
}

/** The first few measurements per measure in reading order, always with the largest one (it decides the level). */
export function boundMeasurements(measurements: readonly Measurement[]): Measurement[] {
  const n = measurements.length;
  // measures in order of first appearance: a handful of measurements is scanned; the thousands a
  // hostile text holds get a map of where each measure first stands
  const firstAt = n > 32 ? new Map<string, number>() : undefined;
  if (firstAt) for (let i = n - 1; i >= 0; i--) firstAt.set((measurements[i] as Measurement).measure, i);
  const isFirst = (i: number, measure: string) => {
    if (firstAt) return firstAt.get(measure) === i;
    for (let j = 0; j < i; j++) if ((measurements[j] as Measurement).measure === measure) return false;
    return true;
  };
  const out: Measurement[] = [];
  for (let i = 0; i < n; i++) {
    const { measure } = measurements[i] as Measurement;
    if (!isFirst(i, measure)) continue;
    // the largest value decides the level; keep it and the first few in reading order
    const from = out.length;
    let largest = measurements[i] as Measurement;
    for (let j = i; j < n; j++) {
      const m = measurements[j] as Measurement;
      if (m.measure !== measure) continue;
      if (m.value > largest.value) largest = m;
      if (out.length - from < MAX_QUOTES) out.push(m);
    }
    if (out.indexOf(largest, from) < 0) out[out.length - 1] = largest;
  }
  return out;
}
