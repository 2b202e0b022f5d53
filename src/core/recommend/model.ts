import { conditionHolds, deriveFacts } from '../facts/derive-facts.js';
import { presentSignals } from '../facts/presence.js';
import { type CompiledModel, isRoleSignal, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CriterionData } from '../knowledge/schema.js';
import { sortSmall } from '../sort-small.js';
import type { Fact, Facts } from '../types.js';
import {
  criterionKey,
  crossKey,
  featureKey,
  groupKey,
  missingKey,
  pairKey,
  signalKey,
  statusKey,
} from './feature-key.js';

const NO_FACTS: readonly Fact[] = Object.freeze([]);

export type FeatureSet = {
  readonly features: ReadonlyMap<string, readonly Fact[]>;
  /** the `s:tool.<role>@<status>` features, each with the product mentions behind it */
  readonly roleFeatures: readonly string[];
  /** the signal groups some fact (asserted or negated) answers */
  readonly knownGroups: ReadonlySet<string>;
  readonly matched: readonly CriterionData[];
  /** the facts the criteria saw, with derived ones */
  readonly counted: Facts;
  /** is a decisive fact (how much data, what job) still unknown? Only then may the answer be unclear */
  readonly decisiveOpen: boolean;
};

function countsForCriteria(kb: KnowledgeBase, f: Fact): boolean {
  return f.status === undefined || (kb.mentions.statuses.get(f.status)?.counts ?? true);
}

/**
 * The features a verdict is computed from, each with the facts behind it: `c:<criterion>` for a
 * criterion that holds, `s:<signal>` for a plain fact, `s:<signal>@<status>` for a fact whose
 * status keeps it out of the criteria (being replaced, rejected, hypothetical),
 * `s:tool.<role>@<status>` for every named product, `x:tool.<role>@<status>&<kind>` for a product
 * with the kind of question (groups in the mentions' `crossWith`), `p:<role>&<role>` for two roles
 * named together, `k:<group>` when a group holds two facts that exclude each other, and
 * `m:<follow-up>` for each decisive follow-up the facts leave open.
 */
export function featuresOf(kb: KnowledgeBase, given: Facts): FeatureSet {
  const plain = given.facts.filter((f) => countsForCriteria(kb, f));
  const present = presentSignals.clear();
  const counted = deriveFacts(kb, { ...given, facts: plain }, present);
  const matched = kb.criteria.filter((c) => conditionHolds(c.when, present));
  const features = new Map<string, readonly Fact[]>();
  const add = (id: string, f: Fact) => {
    const list = features.get(id) as Fact[] | undefined;
    if (list) list.push(f);
    else features.set(id, [f]);
  };
  const roleFeatures: string[] = [];
  // indexed loops on this path: for-of allocates an iterator and a result per step until the
  // function is optimized, and the bots' first answers (and a busy machine) run before that
  for (let i = 0; i < counted.facts.length; i++) {
    const f = counted.facts[i] as Fact;
    if (!isRoleSignal(f.signal)) add(featureKey(signalKey, f.signal), f);
  }
  for (let i = 0; i < given.facts.length; i++) {
    const f = given.facts[i] as Fact;
    if (isRoleSignal(f.signal)) {
      // the feature of a product role in a status: `s:tool.<role>@<status>`
      const id = featureKey(statusKey, f.signal, f.status ?? kb.mentions.plain);
      if (!features.has(id)) roleFeatures.push(id);
      add(id, f);
    } else if (!countsForCriteria(kb, f)) add(featureKey(statusKey, f.signal, `${f.status}`), f);
  }
  // product roles paired with the kind of question ("Spark in use" and "a job that fails")
  if (kb.mentions.crossWith.size > 0) {
    const kinds = new Set<string>();
    for (let i = 0; i < counted.facts.length; i++) {
      const f = counted.facts[i] as Fact;
      if (kb.mentions.crossWith.has(kb.signals.get(f.signal)?.group ?? '')) kinds.add(f.signal);
    }
    for (const kind of kinds) {
      for (const role of roleFeatures) features.set(featureKey(crossKey, role, kind), features.get(role) ?? NO_FACTS);
    }
  }
  // two answers to one question at once ("batch or real-time?", "40 GB … or 4 TB"): the group is in doubt
  const exclusive = new Map<string, Set<string>>();
  for (let i = 0; i < counted.facts.length; i++) {
    const signal = kb.signals.get((counted.facts[i] as Fact).signal);
    if (!signal?.replacesGroup) continue;
    const set = exclusive.get(signal.group) ?? new Set<string>();
    set.add(signal.id);
    exclusive.set(signal.group, set);
  }
  for (const [group, set] of exclusive) if (set.size > 1) features.set(featureKey(groupKey, group), NO_FACTS);
  // two product roles named together ("Spark" and "PyTorch", "Spark" and "DuckDB")
  const named: string[] = [];
  for (let i = 0; i < counted.facts.length; i++) {
    const { signal } = counted.facts[i] as Fact;
    if (isRoleSignal(signal) && !named.includes(signal)) named.push(signal);
  }
  sortSmall(named, byText);
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      features.set(featureKey(pairKey, named[i] as string, named[j] as string), NO_FACTS);
    }
  }
  // a criterion's evidence is gathered when it becomes a reason, not here
  for (let i = 0; i < matched.length; i++)
    features.set(featureKey(criterionKey, (matched[i] as CriterionData).id), NO_FACTS);
  // what the question leaves open: one feature per follow-up whose groups no fact answers, so the
  // model can learn that `unclear` follows from a missing fact, not from a low total
  const known = new Set<string>();
  for (const list of [counted.facts, given.negated]) {
    for (let i = 0; i < list.length; i++) {
      const group = kb.signals.get((list[i] as Fact).signal)?.group;
      if (group) known.add(group);
    }
  }
  let decisiveOpen = false;
  for (const q of kb.followUps) {
    if (!q.decisive || q.asksAbout.some((g) => known.has(g))) continue;
    features.set(featureKey(missingKey, q.id), NO_FACTS);
    decisiveOpen = true;
  }
  return { features, roleFeatures, matched, counted, knownGroups: known, decisiveOpen };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A criterion's hand-set weight on the outcome it favours, times `scale`. */
export function priorVector(outcomes: readonly string[], c: CriterionData, scale: number): Float64Array {
  const w = new Float64Array(outcomes.length);
  const i = outcomes.indexOf(c.favours);
  if (i >= 0) w[i] = c.weight * scale;
  return w;
}

/**
 * The hand-set starting point, both for the fit and for a knowledge base not fitted yet: each
 * criterion's weight on the outcome it favours (times `scale`), and a bias towards asking.
 */
export const PRIOR = { scale: 0.5, unclearBias: 1 } as const;

/** The outcomes a model scores: the knowledge's outcomes, then abstaining. */
export const modelOutcomes = (kb: KnowledgeBase): string[] => [...kb.outcomes.map((o) => o.id), kb.scoring.abstain];

export function priorModel(
  kb: KnowledgeBase,
  outcomes: readonly string[],
  unclearBias: number = PRIOR.unclearBias,
  scale: number = PRIOR.scale,
): CompiledModel {
  const index = new Map(outcomes.map((o, i) => [o, i]));
  const weights = new Map<string, Float64Array>();
  for (const c of kb.criteria) weights.set(`c:${c.id}`, priorVector(outcomes, c, scale));
  const bias = new Float64Array(outcomes.length);
  const u = index.get(kb.scoring.abstain);
  if (u !== undefined) bias[u] = unclearBias;
  return { outcomes, temperature: 1, priorScale: scale, bias, weights, size: outcomes.length };
}

/**
 * Probabilities per outcome: softmax of bias + the weights of the features present. `fallback`
 * gives weights for a feature the model does not know (a criterion added after the fit).
 */
export function predict(
  model: CompiledModel,
  features: Iterable<string>,
  fallback?: (feature: string) => Float64Array | undefined,
): Float64Array {
  const logits = Float64Array.from(model.bias);
  for (const f of features) {
    const w = model.weights.get(f) ?? fallback?.(f);
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
