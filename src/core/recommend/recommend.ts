import { conditionHolds, deriveFacts } from '../facts/derive-facts.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { CriterionData } from '../knowledge/schema.js';
import type { Fact, Facts, FollowUp, Reason, Recommendation, Suggestion, Verdict } from '../types.js';

type Scored = { id: string; score: number };

const round = (n: number) => Math.round(n * 100) / 100;

/** The user's words behind a criterion: every fact among its `all` and `any` signals. */
function evidenceFor(c: CriterionData, facts: readonly Fact[]): string {
  const wanted = new Set([...c.when.all, ...c.when.any]);
  // where each quote stands in the question, so reasons quote the user in reading order
  const position = new Map<string, number>();
  for (const f of facts) {
    if (f.start !== undefined && !position.has(f.evidence.trim())) position.set(f.evidence.trim(), f.start);
  }
  // derived facts quote their basis joined by " … ": split so each quote appears once
  const quotes = [
    ...new Set(
      facts
        .filter((f) => wanted.has(f.signal))
        .flatMap((f) => f.evidence.split(' … '))
        .map((q) => q.trim())
        .filter(Boolean),
    ),
  ];
  const at = (q: string) => position.get(q) ?? Number.MAX_SAFE_INTEGER;
  return quotes
    .sort((a, b) => at(a) - at(b))
    .map((q) => `“${q}”`)
    .join(' … ');
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

/** Sums criterion weights per outcome, then adds each composite outcome's share of its parts. */
export function scoreOutcomes(kb: KnowledgeBase, matched: readonly CriterionData[]): Scored[] {
  const base = new Map<string, number>(kb.outcomes.map((o) => [o.id, 0]));
  for (const c of matched) base.set(c.favours, (base.get(c.favours) ?? 0) + c.weight);
  return kb.outcomes
    .map((o) => {
      const own = base.get(o.id) ?? 0;
      const parts = o.composite?.of.map((p) => base.get(p) ?? 0) ?? [];
      const shared = o.composite ? o.composite.factor * Math.min(...parts) : 0;
      const absorbed = o.composite && own > 0 ? o.composite.absorb * parts.reduce((a, b) => a + b, 0) : 0;
      return { id: o.id, score: round(own + shared + absorbed) };
    })
    .sort((a, b) => b.score - a.score);
}

function pickFollowUps(kb: KnowledgeBase, facts: Facts, limit: number): FollowUp[] {
  const knownGroups = new Set(
    [...facts.facts, ...facts.negated].map((f) => kb.signals.get(f.signal)?.group).filter(Boolean),
  );
  return kb.followUps
    .filter((f) => !f.asksAbout.some((g) => knownGroups.has(g)))
    .slice(0, limit)
    .map((f) => ({ id: f.id, question: f.question, options: f.options.map((o) => ({ id: o.id, label: o.label })) }));
}

function suggestionsFor(kb: KnowledgeBase, criteria: readonly CriterionData[]): Suggestion[] {
  const ids = [...new Set(criteria.flatMap((c) => c.suggests))];
  return ids.flatMap((id) => {
    const s = kb.suggestions.get(id);
    return s ? [{ id: s.id, name: s.name, kind: s.kind, why: s.why, sources: s.sources }] : [];
  });
}

/**
 * The verdict for a set of facts. Criteria that hold add their weight to the outcome they
 * favour; the best outcome wins unless the evidence is too thin or too evenly split, in which
 * case the honest answer is `unclear` with the follow-up questions that would settle it.
 */
export function recommend(kb: KnowledgeBase, given: Facts): Recommendation {
  const { scoring } = kb;
  const facts = deriveFacts(kb, given);
  const present = new Set(facts.facts.map((f) => f.signal));
  const matched = kb.criteria.filter((c) => conditionHolds(c.when, present));
  const scored = scoreOutcomes(kb, matched);
  const top = scored[0] ?? { id: scoring.abstain, score: 0 };
  // a composite winner's parts are part of its answer, not rivals to it
  const parts = kb.outcomes.find((o) => o.id === top.id)?.composite?.of ?? [];
  const runnerUp = scored.find((s) => s.id !== top.id && !parts.includes(s.id)) ?? { id: scoring.abstain, score: 0 };
  const margin = top.score > 0 ? (top.score - runnerUp.score) / top.score : 0;
  const strength = 1 - Math.exp(-top.score / scoring.strengthScale);
  const decided = top.score >= scoring.minScore && margin >= scoring.minMargin;
  const confidence = round(decided ? strength * (0.5 + 0.5 * margin) : Math.min(0.35, strength * margin));
  const outcome = kb.outcomes.find((o) => o.id === top.id);
  const verdict = (decided ? top.id : scoring.abstain) as Verdict;

  const composite = outcome?.composite;
  const backing = matched.filter((c) => c.favours === verdict || (composite?.of.includes(c.favours) ?? false));
  const reasons = [...matched]
    .sort((a, b) => Number(backing.includes(b)) - Number(backing.includes(a)) || b.weight - a.weight)
    .map((c) => toReason(c, facts.facts));
  const suggestions = decided ? suggestionsFor(kb, backing) : [];
  const wantFollowUps = !decided || confidence < scoring.followUpBelow;
  const followUps = wantFollowUps
    ? pickFollowUps(kb, facts, decided ? Math.min(2, scoring.maxFollowUps) : scoring.maxFollowUps)
    : [];

  const because = backing
    .slice()
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 2)
    .map((c) => c.title.charAt(0).toLowerCase() + c.title.slice(1));
  const summary =
    decided && outcome
      ? `${outcome.summary}${because.length ? ` Deciding: ${because.join('; ')}.` : ''}`
      : scoring.abstainSummary;

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
    scores: Object.fromEntries(scored.map((s) => [s.id, s.score])),
    facts: given,
  };
}
