import { conditionHolds, deriveFacts } from '../facts/derive-facts.js';
import type { CompiledModel, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CriterionData } from '../knowledge/schema.js';
import type { Fact, Facts } from '../types.js';

/**
 * The features a verdict is computed from, each with the facts behind it:
 * `c:<criterion>` for a criterion that holds, `s:<signal>` for a plain fact,
 * `s:<signal>@<status>` for a fact whose status keeps it out of the criteria (being replaced,
 * rejected, hypothetical), and `s:tool.<role>@<status>` for every named product.
 */
export type FeatureSet = {
  readonly features: ReadonlyMap<string, readonly Fact[]>;
  readonly matched: readonly CriterionData[];
  /** the facts the criteria saw, with derived ones */
  readonly counted: Facts;
};

function countsForCriteria(kb: KnowledgeBase, f: Fact): boolean {
  return f.status === undefined || (kb.mentions.statuses.get(f.status)?.counts ?? true);
}

export function featuresOf(kb: KnowledgeBase, given: Facts): FeatureSet {
  const plain = given.facts.filter((f) => countsForCriteria(kb, f));
  const counted = deriveFacts(kb, { ...given, facts: plain });
  const present = new Set(counted.facts.map((f) => f.signal));
  const matched = kb.criteria.filter((c) => conditionHolds(c.when, present));
  const features = new Map<string, Fact[]>();
  const add = (id: string, f: Fact) => {
    const list = features.get(id);
    if (list) list.push(f);
    else features.set(id, [f]);
  };
  for (const f of counted.facts) if (!f.signal.startsWith('tool.')) add(`s:${f.signal}`, f);
  for (const f of given.facts) {
    if (f.signal.startsWith('tool.')) add(`s:${f.signal}@${f.status ?? kb.mentions.plain}`, f);
    else if (!countsForCriteria(kb, f)) add(`s:${f.signal}@${f.status}`, f);
  }
  const wanted = (c: CriterionData) => new Set([...c.when.all, ...c.when.any]);
  for (const c of matched) {
    const signals = wanted(c);
    features.set(
      `c:${c.id}`,
      counted.facts.filter((f) => signals.has(f.signal)),
    );
  }
  return { features, matched, counted };
}

/** The hand-set starting point: each criterion's weight on the outcome it favours. */
export function priorModel(kb: KnowledgeBase, outcomes: readonly string[], unclearBias: number): CompiledModel {
  const index = new Map(outcomes.map((o, i) => [o, i]));
  const weights = new Map<string, Float64Array>();
  for (const c of kb.criteria) {
    const w = new Float64Array(outcomes.length);
    const i = index.get(c.favours);
    if (i !== undefined) w[i] = c.weight;
    weights.set(`c:${c.id}`, w);
  }
  const bias = new Float64Array(outcomes.length);
  const u = index.get(kb.scoring.abstain);
  if (u !== undefined) bias[u] = unclearBias;
  return { outcomes, temperature: 1, bias, weights, size: outcomes.length };
}

/** Probabilities per outcome: softmax of bias + the weights of the features present. */
export function predict(model: CompiledModel, features: Iterable<string>): Float64Array {
  const logits = Float64Array.from(model.bias);
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let k = 0; k < model.size; k++) logits[k] = (logits[k] as number) + (w[k] as number);
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < model.size; k++) {
    logits[k] = (logits[k] as number) / model.temperature;
    max = Math.max(max, logits[k] as number);
  }
  let sum = 0;
  for (let k = 0; k < model.size; k++) {
    logits[k] = Math.exp((logits[k] as number) - max);
    sum += logits[k] as number;
  }
  for (let k = 0; k < model.size; k++) logits[k] = (logits[k] as number) / sum;
  return logits;
}
