import { type CompiledModel, type KnowledgeBase, roleOf } from '../knowledge/knowledge-base.js';
import type { CatalogueEntryData, CriterionData } from '../knowledge/schema.js';
import { sortSmall } from '../sort-small.js';
import type { Fact, Facts, FollowUp, Reason, Recommendation, Suggestion, Verdict } from '../types.js';
import { criterionKey, featureKey } from './feature-key.js';
import { featuresOf, modelOutcomes, predict, priorModel, priorVector } from './model.js';

/** An outcome this close to the most probable one (as a share of its probability) may answer instead of it. */
const CLOSE_ENOUGH = 0.5;

/** An answer names at most this many earlier quotes it used. */
const MAX_CARRIED = 5;

/** Named products add at most this many reasons: the criteria carry the argument. */
const MAX_TOOL_REASONS = 3;

const round = (n: number) => Math.round(n * 100) / 100;

/** Where a quote first stands in the question: the first fact quoting it with a position, or last. */
function positionOf(quote: string, facts: readonly Fact[]): number {
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.start !== undefined && f.evidence.trim() === quote) return f.start;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** The user's words behind a criterion, in reading order: every fact among its `all` and `any` signals. */
function evidenceFor(c: CriterionData, facts: readonly Fact[]): string {
  // a handful of quotes per criterion: plain arrays and loops, no sets or intermediate lists
  const quotes: string[] = [];
  const add = (part: string) => {
    const quote = part.trim();
    if (quote && !quotes.includes(quote)) quotes.push(quote);
  };
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (!c.when.all.includes(f.signal) && !c.when.any.includes(f.signal)) continue;
    // derived facts quote their basis joined by " … ": split so each quote appears once
    let from = 0;
    for (let cut = f.evidence.indexOf(' … '); cut >= 0; cut = f.evidence.indexOf(' … ', from)) {
      add(f.evidence.slice(from, cut));
      from = cut + 3;
    }
    add(f.evidence.slice(from));
  }
  // in reading order (a stable sort: equal positions keep their order)
  const placed = sortSmall(
    quotes.map((quote) => ({ quote, at: positionOf(quote, facts) })),
    (a, b) => a.at - b.at,
  );
  // “a” … “b” as one join: one flat string, not a chain of pieces per quote
  return placed.length > 0 ? `“${placed.map((p) => p.quote).join('” … “')}”` : '';
}

function toReason(c: CriterionData, facts: readonly Fact[]): Reason {
  return {
    criterion: c.id,
    title: c.title,
    favours: c.favours,
    weight: c.weight,
    evidence: evidenceFor(c, facts),
    explanation: c.explanation,
    source: c.sources[0] as string,
    sources: c.sources,
  };
}

/**
 * The follow-ups about what the facts do not say yet, highest priority first. When everything is
 * said but the answer is still open (facts point different ways), the most decisive questions are
 * asked anyway, so an unclear answer always ends in a question.
 */
function pickFollowUps(
  kb: KnowledgeBase,
  knownGroups: ReadonlySet<string>,
  limit: number,
  mustAsk: boolean,
): { followUps: FollowUp[]; missing: string[] } {
  const open = kb.followUps.filter((f) => !f.asksAbout.some((g) => knownGroups.has(g))).slice(0, limit);
  const chosen = open.length > 0 || !mustAsk ? open : kb.followUps.slice(0, Math.min(2, limit));
  return {
    followUps: chosen.map((f) => ({
      id: f.id,
      question: f.question,
      options: f.options.map((o) => ({ id: o.id, label: o.label })),
    })),
    missing: open.map((f) => f.missing),
  };
}

function suggestionsFor(kb: KnowledgeBase, criteria: readonly CriterionData[]): Suggestion[] {
  const ids: string[] = [];
  for (const c of criteria) for (const id of c.suggests) if (!ids.includes(id)) ids.push(id);
  const out: Suggestion[] = [];
  for (const id of ids) {
    const s = kb.suggestions.get(id);
    if (s) out.push({ id: s.id, name: s.name, kind: s.kind, why: s.why, sources: s.sources });
  }
  return out;
}

/** The outcome a feature's weights lean to most, or undefined when it leans nowhere. */
function leaning(model: CompiledModel, w: Float64Array | undefined): string | undefined {
  if (!w) return undefined;
  let best = -1;
  for (let k = 0; k < model.size; k++) if (best < 0 || (w[k] as number) > (w[best] as number)) best = k;
  return best >= 0 && (w[best] as number) > 0 ? model.outcomes[best] : undefined;
}

/** The role of the named products behind a role feature, if the knowledge has it. */
function roleBehind(kb: KnowledgeBase, facts: readonly Fact[]) {
  const first = facts[0];
  return first ? kb.toolRoles.get(roleOf(first.signal)) : undefined;
}

/** Named products of one role and status as a reason: the role, the asker's words, their own documentation. */
function toolReason(kb: KnowledgeBase, facts: readonly Fact[], favours: string, weight: number): Reason | undefined {
  const first = facts[0];
  const role = roleBehind(kb, facts);
  if (!first || !role) return undefined;
  const status = kb.mentions.statuses.get(first.status ?? kb.mentions.plain);
  // a few products and quotes: lists and `includes`, no sets
  const entries: CatalogueEntryData[] = [];
  const names: string[] = [];
  const quotes: string[] = [];
  const sources: string[] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    const entry = f.tool ? kb.catalogue.get(f.tool) : undefined;
    if (entry && !entries.includes(entry)) {
      entries.push(entry);
      if (!sources.includes(entry.source)) sources.push(entry.source);
      if (entry.name !== role.title) names.push(entry.name);
    }
    const quote = quotes.length < 3 ? `“${f.evidence.trim()}”` : undefined;
    if (quote && !quotes.includes(quote)) quotes.push(quote);
  }
  for (const source of role.sources) if (!sources.includes(source)) sources.push(source);
  return {
    criterion: first.signal,
    title: `${role.title}${names.length > 0 ? `: ${names.join(', ')}` : ''}${status && status.id !== kb.mentions.plain ? ` (${status.label})` : ''}`,
    favours,
    weight: Math.round(weight * 100) / 100,
    evidence: quotes.join(' … '),
    explanation: role.explanation,
    source: sources[0] as string,
    sources,
  };
}

const priorModels = new WeakMap<KnowledgeBase, CompiledModel>();

/** The probability per outcome, rounded, in the model's order. */
function scoresOf(model: CompiledModel, probs: Float64Array): Record<string, number> {
  const scores: Record<string, number> = {};
  for (let k = 0; k < model.size; k++) scores[model.outcomes[k] as string] = round(probs[k] as number);
  return scores;
}

/** The first few distinct quotes carried over from earlier in the conversation. */
function carriedQuotes(facts: readonly Fact[]): string[] {
  const quotes: string[] = [];
  for (let i = 0; i < facts.length && quotes.length < MAX_CARRIED; i++) {
    const f = facts[i] as Fact;
    if (f.origin !== 'context') continue;
    const quote = f.evidence.trim();
    if (!quotes.includes(quote)) quotes.push(quote);
  }
  return quotes;
}

/** The model in force: the fitted one, or the hand-set criteria weights (the fit's starting point) before the first fit. */
export function activeModel(kb: KnowledgeBase): CompiledModel {
  if (kb.model) return kb.model;
  let prior = priorModels.get(kb);
  if (!prior) {
    prior = priorModel(kb, modelOutcomes(kb));
    priorModels.set(kb, prior);
  }
  return prior;
}

/** Per model, the hand-set weights of criteria it was not fitted with, built once each. */
const addedWeights = new WeakMap<CompiledModel, Map<CriterionData, Float64Array>>();
function addedWeight(model: CompiledModel, c: CriterionData): Float64Array {
  let byCriterion = addedWeights.get(model);
  if (!byCriterion) {
    byCriterion = new Map();
    addedWeights.set(model, byCriterion);
  }
  let w = byCriterion.get(c);
  if (!w) {
    w = priorVector(model.outcomes, c, model.priorScale);
    byCriterion.set(c, w);
  }
  return w;
}

/**
 * The verdict for a set of facts. Every criterion that holds, every plain fact and every named
 * product (with its status) is a feature; the fitted model turns them into a probability per
 * outcome, `unclear` included — it wins when what would decide is missing. The verdict is the
 * most probable outcome, its probability the confidence; the criteria that hold are the reasons.
 */
export function recommend(kb: KnowledgeBase, given: Facts): Recommendation {
  const { scoring } = kb;
  const model = activeModel(kb);
  const { features, roleFeatures, matched, counted, knownGroups, decisiveOpen } = featuresOf(kb, given);
  const added = (feature: string) => {
    const c = feature.startsWith('c:') ? matched.find((m) => featureKey(criterionKey, m.id) === feature) : undefined;
    return c ? addedWeight(model, c) : undefined;
  };
  const probs = predict(model, features.keys(), added);
  // unclear is for a missing decisive fact: once all are known, the best decided outcome answers
  const abstain = model.outcomes.indexOf(scoring.abstain);
  let top = -1;
  for (let k = 0; k < model.size; k++) {
    if (k === abstain && !decisiveOpen) continue;
    if (top < 0 || (probs[k] as number) > (probs[top] as number)) top = k;
  }
  /** The reasons for answering with outcome k: criteria backing it, products leaning to it, then the rest. */
  const explain = (k: number) => {
    const id = model.outcomes[k] as string;
    const composite = kb.outcomes.find((o) => o.id === id)?.composite;
    const supports = (favours: string) => favours === id || (composite?.of.includes(favours) ?? false);
    const weightFor = (feature: string) => (model.weights.get(feature) ?? added(feature))?.[k] ?? 0;
    const byWeight = (a: CriterionData, b: CriterionData) =>
      weightFor(featureKey(criterionKey, b.id)) - weightFor(featureKey(criterionKey, a.id));
    const backing = sortSmall(
      matched.filter((c) => supports(c.favours)),
      byWeight,
    );
    const leaningHere: { facts: readonly Fact[]; favours: string; weight: number }[] = [];
    for (let i = 0; i < roleFeatures.length; i++) {
      const feature = roleFeatures[i] as string;
      const w = model.weights.get(feature);
      const favours = leaning(model, w);
      // a product is a reason only where its fitted weight leans to this very answer: a single
      // weight in a linear model is not a verdict of its own, so no "pulling the other way" here
      if (!favours || favours === scoring.abstain || !supports(favours)) continue;
      const facts = features.get(feature) ?? [];
      if (roleBehind(kb, facts))
        leaningHere.push({ facts, favours, weight: w?.[model.outcomes.indexOf(favours)] ?? 0 });
    }
    // the heaviest first (by the weight a reason shows); only those shown are built
    sortSmall(leaningHere, (x, y) => round(y.weight) - round(x.weight));
    const tools = leaningHere
      .slice(0, MAX_TOOL_REASONS)
      .map(({ facts, favours, weight }) => toolReason(kb, facts, favours, weight) as Reason);
    const against = sortSmall(
      matched.filter((c) => !supports(c.favours)),
      byWeight,
    );
    return { backing, tools, against };
  };
  // A verdict with nothing in the question behind it is no answer. Among the outcomes close to the
  // most probable one, the most probable with a reason behind it answers; with none, ask instead.
  let why = explain(top);
  if (top !== abstain && why.backing.length === 0 && why.tools.length === 0) {
    const floor = (probs[top] as number) * CLOSE_ENOUGH;
    const order = [...model.outcomes.keys()].sort((a, b) => (probs[b] as number) - (probs[a] as number));
    let chosen = abstain;
    for (const k of order) {
      if (k === top || k === abstain || (probs[k] as number) < floor) continue;
      const alternative = explain(k);
      if (alternative.backing.length > 0 || alternative.tools.length > 0) {
        chosen = k;
        break;
      }
    }
    if (chosen >= 0) {
      top = chosen;
      why = explain(top);
    }
  }
  const verdict = model.outcomes[top] as Verdict;
  const decided = verdict !== scoring.abstain;
  // an unclear answer's confidence is that of the best answer it declined to give
  let best = 0;
  for (let k = 0; k < model.size; k++)
    if (model.outcomes[k] !== scoring.abstain) best = Math.max(best, probs[k] as number);
  const confidence = round(decided ? (probs[top] as number) : best);
  const outcome = kb.outcomes.find((o) => o.id === verdict);
  const backing = why.backing;
  const toReasons = (list: readonly CriterionData[]) => list.map((c) => toReason(c, counted.facts));
  // what supports the verdict first (criteria, then named products), then what speaks against it
  const reasons = [...toReasons(backing), ...why.tools, ...toReasons(why.against)];

  const suggestions = decided ? suggestionsFor(kb, backing) : [];
  const wantFollowUps = !decided || confidence < scoring.followUpBelow;
  const { followUps, missing } = wantFollowUps
    ? pickFollowUps(kb, knownGroups, decided ? Math.min(2, scoring.maxFollowUps) : scoring.maxFollowUps, !decided)
    : { followUps: [], missing: [] };

  const because = backing.slice(0, 2).map((c) => c.title.charAt(0).toLowerCase() + c.title.slice(1));
  // products in a status with a note ("another stage of the pipeline") are named in the answer,
  // so an answer about one stage says what the other stages use
  const notes: string[] = [];
  for (const status of kb.mentions.statuses.values()) {
    if (!status.note) continue;
    const names: string[] = [];
    for (let i = 0; i < given.facts.length; i++) {
      const f = given.facts[i] as Fact;
      const name = f.status === status.id && f.tool !== undefined ? kb.catalogue.get(f.tool)?.name : undefined;
      if (name && !names.includes(name)) names.push(name);
    }
    if (names.length > 0) notes.push(status.note.replace('{names}', names.join(', ')));
  }
  const said =
    decided && outcome
      ? `${outcome.summary}${because.length ? ` Deciding: ${because.join('; ')}.` : ''}`
      : missing.length > 0
        ? scoring.abstainSummary.replace('{missing}', missing.join('; '))
        : scoring.conflictSummary;
  const summary = [said, ...notes].join(' ');

  return {
    verdict,
    confidence,
    headline: decided && outcome ? outcome.headline : scoring.abstainHeadline,
    summary,
    reasons,
    followUps,
    alternatives: suggestions.filter((s) => s.kind === 'alternative'),
    bridges: suggestions.filter((s) => s.kind === 'bridge'),
    serving: suggestions.filter((s) => s.kind === 'serving'),
    practices: suggestions.filter((s) => s.kind === 'practice'),
    scores: scoresOf(model, probs),
    facts: given,
    carried: carriedQuotes(given.facts),
  };
}
