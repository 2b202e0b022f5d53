import { type KnowledgeBase, type ProseTarget, roleSignal } from '../knowledge/knowledge-base.js';
import type { PhraseHit, PhraseMatcher } from '../text/phrase.js';
import { readTokens, Tokens } from '../text/tokenize.js';
import type { Fact, Facts, Measurement } from '../types.js';
import { extractMeasurements } from './extract-measurements.js';

export type ExtractOptions = {
  /** prose uses the signals' `patterns`, code their `codePatterns` */
  readonly mode?: 'prose' | 'code';
  readonly origin?: Fact['origin'];
};

type Polarity = 'asserted' | 'negated' | 'uncertain';

/** Clause number per token: punctuation and clause-break words ("but") start a new clause. */
function numberClauses(tokens: Tokens, breaks: ReadonlySet<string>): Int32Array {
  const clause = new Int32Array(tokens.length);
  let current = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.isBreak[i] || breaks.has(tokens.text[i] as string)) current++;
    clause[i] = current;
  }
  return clause;
}

/** Negator starts by the token where they end, with whether they only express doubt. */
function findNegators(kb: KnowledgeBase, tokens: Tokens): Map<number, { from: number; doubt: boolean }> {
  const { negators, uncertainty, notNegating } = kb.language;
  const byEnd = new Map<number, { from: number; doubt: boolean }>();
  for (const hit of negators.match(tokens)) {
    if (notNegating.matchAt(tokens, hit.from).length > 0) continue;
    const doubt = uncertainty.matchAt(tokens, hit.from).length > 0;
    byEnd.set(hit.to, { from: hit.from, doubt });
  }
  return byEnd;
}

function startsOf(matcher: PhraseMatcher<true>, tokens: Tokens): Set<number> {
  return new Set(matcher.match(tokens).map((h) => h.from));
}

/**
 * Longest catalogue names first, never overlapping: "spark nlp" wins over "spark". Returns the
 * chosen names in reading order and, per token, the index of the name covering it (or -1).
 */
function chooseTools(
  hits: readonly PhraseHit<ProseTarget>[],
  tokenCount: number,
): { tools: PhraseHit<ProseTarget>[]; cover: Int32Array | undefined } {
  const candidates = hits.filter((h) => h.value.tool !== undefined);
  if (candidates.length === 0) return { tools: candidates, cover: undefined };
  candidates.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Uint8Array(tokenCount);
  const chosen: PhraseHit<ProseTarget>[] = [];
  for (const t of candidates) {
    let free = true;
    for (let k = t.from; k < t.to && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, t.from, t.to);
    chosen.push(t);
  }
  chosen.sort((a, b) => a.from - b.from);
  const cover = new Int32Array(tokenCount).fill(-1);
  chosen.forEach((t, i) => {
    cover.fill(i, t.from, t.to);
  });
  return { tools: chosen, cover };
}

/**
 * A phrase inside a product name ("tensor" in "TensorFlow"), equal to it or straddling it does not
 * count on its own: the name speaks through the catalogue. A longer phrase around a name does.
 */
function insideTool(hit: PhraseHit<unknown>, tools: readonly PhraseHit<ProseTarget>[], cover: Int32Array): boolean {
  let last = -1;
  for (let k = hit.from; k < hit.to; k++) {
    const i = cover[k] as number;
    if (i < 0 || i === last) continue;
    last = i;
    const t = tools[i] as PhraseHit<ProseTarget>;
    const contains = hit.from <= t.from && hit.to >= t.to && hit.to - hit.from > t.to - t.from;
    if (!contains) return true;
  }
  return false;
}

/**
 * How many occurrences of one name or phrase are read: enough for every status and polarity to
 * show up with its quotes (facts keep at most MAX_QUOTES per signal and status), far below what a
 * hostile input repeats.
 */
const MAX_READS_PER_TARGET = 64;

/** At most this many quotes per signal and status, and measurements per measure: facts stay small. */
const MAX_QUOTES = 3;

/** A list that keeps at most MAX_QUOTES distinct quotes per signal, status and product, as facts arrive. */
class BoundedFacts {
  readonly list: Fact[] = [];
  private readonly quotes = new Map<string, string[]>();

  /** Would a fact with this signal, status, product and quote still be kept? */
  wants(signal: string, status: string | undefined, tool: string | undefined, evidence: string): boolean {
    const seen = this.quotes.get(BoundedFacts.key(signal, status, tool));
    return !seen || (seen.length < MAX_QUOTES && !seen.includes(evidence));
  }

  push(f: Fact): void {
    const key = BoundedFacts.key(f.signal, f.status, f.tool);
    const seen = this.quotes.get(key);
    if (!seen) this.quotes.set(key, [f.evidence]);
    else if (seen.length >= MAX_QUOTES || seen.includes(f.evidence)) return;
    else seen.push(f.evidence);
    this.list.push(f);
  }

  private static key(signal: string, status: string | undefined, tool: string | undefined): string {
    return tool === undefined && status === undefined ? signal : `${signal}|${status ?? ''}|${tool ?? ''}`;
  }
}

function boundMeasurements(measurements: readonly Measurement[]): Measurement[] {
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

/** The tokens of the text being read, kept between calls (extractFacts never runs inside itself). */
const scratch = new Tokens();

/**
 * Reads facts out of free text (or code) with the knowledge's phrases and its catalogue of
 * named products, in one pass over the tokens: signals with their polarity and status (in use,
 * being replaced, planned, …), products with their role, and measurements (sizes, rows, GPUs,
 * latency) turned into level signals. Every fact keeps the span of the user's words behind it.
 */
export function extractFacts(text: string, kb: KnowledgeBase, options: ExtractOptions = {}): Facts {
  const origin = options.origin ?? 'text';
  const tokens = readTokens(text, { code: options.mode === 'code' }, scratch);
  const clause = numberClauses(tokens, kb.language.clauseBreaks);
  const negatorsByEnd = findNegators(kb, tokens);
  const postNegationStarts = startsOf(kb.language.postNegations, tokens);
  const hedgeEnds = new Set(kb.language.hedges.match(tokens).map((h) => h.to));
  const { negationWindow, postNegationWindow } = kb.language;
  const { mentions } = kb;
  const rank = mentions.rank;
  const stronger = (a: string, b: string | undefined) => b === undefined || (rank.get(a) ?? 0) < (rank.get(b) ?? 0);
  const cueBefore = new Map<number, string>();
  for (const h of mentions.before.match(tokens))
    if (stronger(h.value, cueBefore.get(h.to))) cueBefore.set(h.to, h.value);
  const cueAfter = new Map<number, string>();
  for (const h of mentions.after.match(tokens))
    if (stronger(h.value, cueAfter.get(h.from))) cueAfter.set(h.from, h.value);

  const polarityOf = (hit: PhraseHit<unknown>): { polarity: Polarity; from: number; to: number } => {
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

  /**
   * The status cue in the mention's clause, within the window before it (or after it): when several
   * stand there, the status listed first in the knowledge wins ("drop our PySpark": replacing, not
   * "our"); among cues of one status, the nearest.
   */
  const statusOf = (hit: PhraseHit<unknown>): string | undefined => {
    const here = clause[hit.from];
    let best: string | undefined;
    const consider = (cue: string | undefined) => {
      if (cue !== undefined && stronger(cue, best)) best = cue;
    };
    for (let end = hit.from; end >= 0 && end >= hit.from - mentions.window; end--) {
      if (end < hit.from && clause[end] !== here) break;
      consider(cueBefore.get(end));
    }
    for (let start = hit.to; start < tokens.length && start <= hit.to + mentions.window; start++) {
      if (clause[start] !== here) break;
      consider(cueAfter.get(start));
    }
    return best;
  };

  /**
   * Names joined into one list ("Spark, PyTorch, or something else?") share a cue that stands
   * before the list or after it: per name (in `tools` order), the list's status, if it has one.
   */
  const isJoiner = (k: number) => k < tokens.length && mentions.listJoiners.has(tokens.text[k] as string);
  const listStatuses = (names: readonly PhraseHit<ProseTarget>[]): (string | undefined)[] => {
    const out: (string | undefined)[] = names.map(() => undefined);
    if (mentions.listJoiners.size === 0) return out;
    let first = 0;
    while (first < names.length) {
      let last = first;
      for (;;) {
        const a = names[last] as PhraseHit<ProseTarget>;
        const b = names[last + 1];
        let k = a.to;
        while (b && k < b.from && isJoiner(k)) k++;
        if (!b || k !== b.from) break;
        last++;
      }
      if (last > first) {
        let after = (names[last] as PhraseHit<ProseTarget>).to;
        // ", or something else?": the cue after the list may follow a joining comma
        while (after < tokens.length && tokens.isBreak[after] && isJoiner(after)) after++;
        let best: string | undefined;
        // the list's own cue (before its first name, after its last) or any member's
        for (const cue of [cueAfter.get(after), ...names.slice(first, last + 1).map((n) => statusOf(n))]) {
          if (cue !== undefined && stronger(cue, best)) best = cue;
        }
        for (let i = first; i <= last; i++) out[i] = best;
      }
      first = last + 1;
    }
    return out;
  };

  const span = (from: number, to: number) => {
    const start = tokens.start[from] as number;
    const end = tokens.end[Math.max(from, to - 1)] as number;
    return { evidence: text.slice(start, end), start, end };
  };

  const facts = new BoundedFacts();
  const negated = new BoundedFacts();
  const hits: PhraseHit<ProseTarget>[] =
    options.mode === 'code'
      ? kb.code.match(tokens).map((h) => ({ ...h, value: { signal: h.value } }))
      : kb.prose.match(tokens);
  const { tools, cover } = chooseTools(hits, tokens.length);
  // per token, the signals an exception phrase over it cancels ("docker image" is not image data)
  let cancelledAt: Map<number, Set<string>> | undefined;
  for (const h of hits) {
    if (h.value.except === undefined) continue;
    cancelledAt ??= new Map();
    for (let k = h.from; k < h.to; k++) {
      const set = cancelledAt.get(k) ?? new Set<string>();
      set.add(h.value.except);
      cancelledAt.set(k, set);
    }
  }
  const cancelled = (hit: PhraseHit<ProseTarget>) => {
    for (let k = hit.from; k < hit.to; k++) if (cancelledAt?.get(k)?.has(hit.value.signal as string)) return true;
    return false;
  };
  // a name or a phrase repeated past what the facts could keep is not read again: hostile
  // repetition costs a map lookup per hit, not a status and polarity search
  const seen = new Map<unknown, number>();
  const again = (key: unknown) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n > MAX_READS_PER_TARGET;
  };
  const listed = listStatuses(tools);
  tools.forEach((hit, index) => {
    const target = hit.value as Extract<ProseTarget, { implies: unknown }>;
    if (again(target)) return;
    const entry = target.tool;
    const { polarity, from, to } = polarityOf(hit);
    const status =
      polarity === 'negated'
        ? mentions.negated
        : polarity === 'uncertain'
          ? mentions.doubted
          : (statusOf(hit) ?? listed[index] ?? mentions.plain);
    // a name repeated past what the facts keep adds nothing: skip building it
    const quote = text.slice(tokens.start[hit.from] as number, tokens.end[hit.to - 1] as number);
    const role = roleSignal(entry.role);
    if (!facts.wants(role, status, entry.id, quote)) return;
    const where = span(hit.from, hit.to);
    facts.push({ signal: role, origin, status, tool: entry.id, ...where });
    // what the name implies holds like a phrase would: negated ("no Hadoop") or dropped when in doubt
    if (polarity === 'uncertain' || mentions.statuses.get(status)?.implies === false) return;
    for (const signal of new Set([...entry.signals, ...target.implies])) {
      if (polarity === 'negated') {
        negated.push({ signal, origin, tool: entry.id, ...span(from, to) });
        const whenNegated = kb.signals.get(signal)?.whenNegated;
        if (whenNegated) facts.push({ signal: whenNegated, origin, ...span(from, to) });
      } else facts.push({ signal, origin, status, tool: entry.id, ...where });
    }
  });
  for (const hit of hits) {
    const id = hit.value.signal;
    if (id === undefined || (cover && insideTool(hit, tools, cover)) || (cancelledAt && cancelled(hit))) continue;
    if (again(hit.value)) continue;
    const signal = kb.signals.get(id);
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

  // a named accelerator brings its memory: "a 7B model on A100s" is compared with 40 GB per device
  const deviceMemory: Measurement[] = [];
  const memoryMeasure = kb.productMemoryMeasure;
  for (const hit of tools) {
    const gb = hit.value.tool?.memoryGb;
    if (gb === undefined || memoryMeasure === undefined) continue;
    deviceMemory.push({ measure: memoryMeasure, value: gb * 1e9, ...span(hit.from, hit.to) });
  }
  const measurements = boundMeasurements([...extractMeasurements(tokens, text, kb), ...deviceMemory]);
  for (const f of levelFacts(measurements, kb, origin)) facts.push(f);
  return { facts: applyOverrides(facts.list, kb), negated: negated.list, measurements };
}

/** Measurements become signals through each measure's levels ("40 TB" → scale.large). */
export function levelFacts(measurements: readonly Measurement[], kb: KnowledgeBase, origin: Fact['origin']): Fact[] {
  const out: Fact[] = [];
  const largest = new Map<string, number>();
  for (const m of measurements) largest.set(m.measure, Math.max(largest.get(m.measure) ?? 0, m.value));
  const at = (m: Measurement) => ({
    ...(m.start === undefined ? {} : { start: m.start }),
    ...(m.end === undefined ? {} : { end: m.end }),
  });
  for (const m of measurements) {
    for (const a of kb.measures.get(m.measure)?.against ?? []) {
      const other = largest.get(a.measure);
      if (!other) continue;
      const ratio = m.value / other;
      if ((a.ratioGte === undefined || ratio >= a.ratioGte) && (a.ratioLt === undefined || ratio < a.ratioLt)) {
        out.push({ signal: a.signal, evidence: m.evidence, origin, ...at(m) });
      }
    }
    for (const level of kb.measures.get(m.measure)?.levels ?? []) {
      if ((level.gte === undefined || m.value >= level.gte) && (level.lt === undefined || m.value < level.lt)) {
        out.push({ signal: level.signal, evidence: m.evidence, origin, ...at(m) });
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
