import { type Phrase, PhraseMatcher } from '../text/phrase.js';
import type { CompiledModel, KnowledgeBase, ProseTarget } from './knowledge-base.js';
import type { KnowledgePlan, PlannedPhrase } from './knowledge-plan.js';
import type { ModelData } from './schema.js';

function compileModel(m: ModelData): CompiledModel {
  const vector = (w: Readonly<Record<string, number>>) => Float64Array.from(m.outcomes, (o) => w[o] ?? 0);
  return {
    outcomes: m.outcomes,
    temperature: m.temperature,
    priorScale: m.priorScale,
    bias: vector(m.bias),
    weights: new Map(Object.entries(m.weights).map(([f, w]) => [f, vector(w)])),
    size: m.outcomes.length,
  };
}

const flag = (phrases: readonly Phrase[]) =>
  new PhraseMatcher(phrases.map((phrase) => ({ phrase, value: true as const })));
const byId = <T extends { readonly id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/** Indexes a validated plan into the knowledge every core function takes. No checks: the plan was checked. */
export function buildKnowledge(plan: KnowledgePlan): KnowledgeBase {
  const { phrases: p, language: l, mentions: m } = plan;
  const catalogue = byId(plan.catalogue);
  // one target object per signal, so the matcher's per-value dedupe works by identity
  const signalTargets = new Map<string, ProseTarget>();
  const exceptTargets = new Map<string, ProseTarget>();
  const shared = (targets: Map<string, ProseTarget>, id: string, make: () => ProseTarget) => {
    const known = targets.get(id);
    if (known) return known;
    const target = make();
    targets.set(id, target);
    return target;
  };
  const prose: PlannedPhrase<ProseTarget>[] = [
    ...p.tools.map(({ phrase, value }) => ({
      phrase,
      value: { tool: catalogue.get(value.tool) as NonNullable<ProseTarget['tool']>, implies: new Set(value.implies) },
    })),
    ...p.prose.map(({ phrase, value }) => ({ phrase, value: shared(signalTargets, value, () => ({ signal: value })) })),
    ...p.except.map(({ phrase, value }) => ({
      phrase,
      value: shared(exceptTargets, value, () => ({ except: value })),
    })),
  ];
  const knowledge: KnowledgeBase = {
    language: {
      negators: flag(p.negators),
      negationWindow: l.negationWindow,
      postNegations: flag(p.postNegations),
      postNegationWindow: l.postNegationWindow,
      uncertainty: flag(p.uncertainty),
      hedges: flag(p.hedges),
      notNegating: flag(p.notNegating),
      clauseBreaks: new Set(l.clauseBreaks.map((w) => w.toLowerCase())),
      numberWords: new PhraseMatcher(p.numberWords),
      magnitudes: new Map(Object.entries(l.magnitudes)),
      suffixMultipliers: new Map(Object.entries(l.suffixMultipliers)),
      unitStopWords: new Set(l.unitStopWords),
      impliedQuantity: l.impliedQuantity,
    },
    signals: byId(plan.signals),
    prose: new PhraseMatcher(prose),
    code: new PhraseMatcher(p.code),
    units: new PhraseMatcher(p.units),
    measures: byId(plan.measures),
    productMemoryMeasure: plan.measures.find((x) => x.fromProductMemory)?.id,
    notNear: new Map(p.notNear.map(([measure, phrases]) => [measure, flag(phrases)])),
    criteria: plan.criteria,
    outcomes: plan.outcomes,
    scoring: plan.scoring,
    suggestions: byId(plan.suggestions),
    followUps: plan.followUps,
    dimensions: plan.dimensions,
    frameworks: plan.frameworks,
    catalogue,
    toolRoles: byId(plan.toolRoles),
    mentions: {
      window: m.window,
      plain: m.plain,
      negated: m.negated,
      doubted: m.doubted,
      statuses: byId(m.statuses),
      rank: new Map(m.statuses.map((st, i) => [st.id, i])),
      crossWith: new Set(m.crossWith),
      listJoiners: new Set(m.listJoiners.map((j) => j.toLowerCase())),
      before: new PhraseMatcher(p.before),
      after: new PhraseMatcher(p.after),
    },
    conversation: {
      freshGroups: new Set(plan.conversation.freshGroups),
      freshStatuses: new Set(plan.conversation.freshStatuses),
      chatMemorySeconds: plan.conversation.chatMemorySeconds,
    },
    model: plan.model ? compileModel(plan.model) : undefined,
  };
  return Object.freeze(knowledge);
}
