import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { PhraseHit, PhraseMatcher } from '../text/phrase.js';
import { type Token, tokenize } from '../text/tokenize.js';
import type { Fact, Facts, Measurement } from '../types.js';
import { extractMeasurements } from './extract-measurements.js';

export type ExtractOptions = {
  /** prose uses the signals' `patterns`, code their `codePatterns` */
  readonly mode?: 'prose' | 'code';
  readonly origin?: Fact['origin'];
};

type Polarity = 'asserted' | 'negated' | 'uncertain';

/** Clause number per token: punctuation and clause-break words ("but") start a new clause. */
function numberClauses(tokens: readonly Token[], breaks: ReadonlySet<string>): Int32Array {
  const clause = new Int32Array(tokens.length);
  let current = 0;
  tokens.forEach((t, i) => {
    if (t.isBreak || breaks.has(t.text)) current++;
    clause[i] = current;
  });
  return clause;
}

/** Negator starts by the token where they end, with whether they only express doubt. */
function findNegators(kb: KnowledgeBase, tokens: readonly Token[]): Map<number, { from: number; doubt: boolean }> {
  const { negators, uncertainty, notNegating } = kb.language;
  const byEnd = new Map<number, { from: number; doubt: boolean }>();
  for (const hit of negators.match(tokens)) {
    if (notNegating.matchAt(tokens, hit.from).length > 0) continue;
    const doubt = uncertainty.matchAt(tokens, hit.from).length > 0;
    byEnd.set(hit.to, { from: hit.from, doubt });
  }
  return byEnd;
}

function startsOf(matcher: PhraseMatcher<true>, tokens: readonly Token[]): Set<number> {
  return new Set(matcher.match(tokens).map((h) => h.from));
}

/**
 * Reads facts out of free text (or code) with the knowledge's phrases: signals with their
 * polarity, and measurements (sizes, rows, GPUs, latency) turned into level signals. Every fact
 * keeps the span of the user's words that produced it.
 */
export function extractFacts(text: string, kb: KnowledgeBase, options: ExtractOptions = {}): Facts {
  const origin = options.origin ?? 'text';
  const tokens = tokenize(text, { code: options.mode === 'code' });
  const clause = numberClauses(tokens, kb.language.clauseBreaks);
  const negatorsByEnd = findNegators(kb, tokens);
  const postNegationStarts = startsOf(kb.language.postNegations, tokens);
  const hedgeEnds = new Set(kb.language.hedges.match(tokens).map((h) => h.to));
  const { negationWindow, postNegationWindow } = kb.language;

  const polarityOf = (hit: PhraseHit<string>): { polarity: Polarity; from: number; to: number } => {
    const here = clause[hit.from];
    for (let end = hit.from; end >= 0 && end >= hit.from - negationWindow; end--) {
      if (end < hit.from && clause[end] !== here) break;
      if (hedgeEnds.has(end)) return { polarity: 'uncertain', from: hit.from, to: hit.to };
      const negator = negatorsByEnd.get(end);
      if (negator && clause[negator.from] === here) {
        return { polarity: negator.doubt ? 'uncertain' : 'negated', from: negator.from, to: hit.to };
      }
    }
    for (let start = hit.to; start <= hit.to + postNegationWindow && start < tokens.length; start++) {
      if (clause[start] !== here) break;
      if (postNegationStarts.has(start)) return { polarity: 'negated', from: hit.from, to: start + 1 };
    }
    return { polarity: 'asserted', from: hit.from, to: hit.to };
  };

  const span = (from: number, to: number) => {
    const start = (tokens[from] as Token).start;
    const end = (tokens[Math.max(from, to - 1)] as Token).end;
    return { evidence: text.slice(start, end), start, end };
  };

  const facts: Fact[] = [];
  const negated: Fact[] = [];
  const matcher = options.mode === 'code' ? kb.code : kb.prose;
  for (const hit of matcher.match(tokens)) {
    const signal = kb.signals.get(hit.value);
    if (!signal) continue;
    const { polarity, from, to } = polarityOf(hit);
    if (polarity === 'uncertain') continue;
    if (polarity === 'asserted') {
      facts.push({ signal: signal.id, origin, ...span(hit.from, hit.to) });
      continue;
    }
    negated.push({ signal: signal.id, origin, ...span(from, to) });
    if (signal.whenNegated) facts.push({ signal: signal.whenNegated, origin, ...span(from, to) });
  }

  const measurements: Measurement[] = extractMeasurements(tokens, text, kb);
  facts.push(...levelFacts(measurements, kb, origin));
  return { facts: applyOverrides(facts, kb), negated, measurements };
}

/** Measurements become signals through each measure's levels ("40 TB" → scale.large). */
export function levelFacts(measurements: readonly Measurement[], kb: KnowledgeBase, origin: Fact['origin']): Fact[] {
  const out: Fact[] = [];
  for (const m of measurements) {
    for (const level of kb.measures.get(m.measure)?.levels ?? []) {
      if ((level.gte === undefined || m.value >= level.gte) && (level.lt === undefined || m.value < level.lt)) {
        out.push({
          signal: level.signal,
          evidence: m.evidence,
          origin,
          ...(m.start === undefined ? {} : { start: m.start }),
          ...(m.end === undefined ? {} : { end: m.end }),
        });
      }
    }
  }
  return out;
}

/** Drops facts that a more specific present signal overrides. */
export function applyOverrides(facts: readonly Fact[], kb: KnowledgeBase): Fact[] {
  const present = new Set(facts.map((f) => f.signal));
  const overridden = new Set<string>();
  for (const id of present) for (const o of kb.signals.get(id)?.overrides ?? []) overridden.add(o);
  return facts.filter((f) => !overridden.has(f.signal));
}
