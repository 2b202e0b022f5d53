import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { ConditionData, SignalData } from '../knowledge/schema.js';
import type { Fact, Facts } from '../types.js';

/** The signals that hold: a Set, or anything that answers `has` and `add` like one. */
export type Present = { has(signal: string): boolean; add(signal: string): unknown };

const hasAny = (signals: readonly string[], present: Pick<Present, 'has'>) => {
  for (let i = 0; i < signals.length; i++) if (present.has(signals[i] as string)) return true;
  return false;
};

// loops, not every/some: this runs for every criterion on every question, and until it is
// optimized each callback closing over `present` is a new object
export function conditionHolds(c: ConditionData, present: Pick<Present, 'has'>): boolean {
  if (c.all.length === 0 && c.any.length === 0) return false;
  for (let i = 0; i < c.all.length; i++) if (!present.has(c.all[i] as string)) return false;
  return (c.any.length === 0 || hasAny(c.any, present)) && !hasAny(c.none, present);
}

/** The signals the knowledge derives from others, listed once per knowledge base. */
const derivableIn = new WeakMap<KnowledgeBase, readonly SignalData[]>();
function derivable(kb: KnowledgeBase): readonly SignalData[] {
  let list = derivableIn.get(kb);
  if (!list) {
    list = [...kb.signals.values()].filter((s) => s.derivedFrom.length > 0);
    derivableIn.set(kb, list);
  }
  return list;
}

/**
 * Adds the signals the knowledge derives from others ("training" + "neural network" → neural
 * training), quoting the facts they rest on. Repeats until nothing new holds; the number of
 * passes is bounded by the number of signals. `present` (empty) is filled with every signal that
 * holds, derived ones included.
 */
export function deriveFacts(kb: KnowledgeBase, facts: Facts, present: Present = new Set<string>()): Facts {
  const derived: Fact[] = [...facts.facts];
  for (let i = 0; i < derived.length; i++) present.add((derived[i] as Fact).signal);
  const signals = derivable(kb);
  for (let pass = 0; pass <= signals.length; pass++) {
    let changed = false;
    for (let s = 0; s < signals.length; s++) {
      const signal = signals[s] as SignalData;
      if (present.has(signal.id)) continue;
      const condition = signal.derivedFrom.find((c) => conditionHolds(c, present));
      if (!condition) continue;
      // the facts it rests on, each quote once, joined in their order
      let origin: Fact['origin'] | undefined;
      const quotes: string[] = [];
      for (let i = 0; i < derived.length; i++) {
        const f = derived[i] as Fact;
        if (!condition.all.includes(f.signal) && !condition.any.includes(f.signal)) continue;
        origin ??= f.origin;
        if (!quotes.includes(f.evidence)) quotes.push(f.evidence);
      }
      derived.push({ signal: signal.id, evidence: quotes.join(' … '), origin: origin ?? 'text' });
      present.add(signal.id);
      changed = true;
    }
    if (!changed) break;
  }
  return { ...facts, facts: derived };
}
