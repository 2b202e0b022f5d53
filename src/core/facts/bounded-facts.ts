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
  const byMeasure = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const list = byMeasure.get(m.measure);
    if (list) list.push(m);
    else byMeasure.set(m.measure, [m]);
  }
  const out: Measurement[] = [];
  for (const list of byMeasure.values()) {
    // the largest value decides the level; keep it and the first few in reading order
    const largest = list.reduce((a, b) => (b.value > a.value ? b : a));
    const kept = list.slice(0, MAX_QUOTES);
    if (!kept.includes(largest)) kept[kept.length - 1] = largest;
    out.push(...kept);
  }
  return out;
}
