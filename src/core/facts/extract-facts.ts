import { type KnowledgeBase, type ProseTarget, roleSignal } from '../knowledge/knowledge-base.js';
import { HitList, type PhraseHit } from '../text/phrase.js';
import { readTokens, Tokens } from '../text/tokenize.js';
import type { Fact, Facts, Measurement } from '../types.js';
import { BoundedFacts, boundMeasurements } from './bounded-facts.js';
import { chooseTools, insideTool } from './choose-tools.js';
import { extractMeasurements } from './extract-measurements.js';
import { KEEP_TOKENS } from './per-token.js';
import { cueName, readMarks, strongerCue } from './read-marks.js';

export type ExtractOptions = {
  /** prose uses the signals' `patterns`, code their `codePatterns` */
  readonly mode?: 'prose' | 'code';
  readonly origin?: Fact['origin'];
};

type Polarity = 'asserted' | 'negated' | 'uncertain';

/**
 * How many occurrences of one name or phrase are read: enough for every status and polarity to
 * show up with its quotes (facts keep at most MAX_QUOTES per signal and status), far below what a
 * hostile input repeats.
 */
const MAX_READS_PER_TARGET = 64;

type ToolTarget = Extract<ProseTarget, { implies: unknown }>;

/** Per named product, its own signals then those its name implies, once each: computed once per target. */
const heldByTarget = new WeakMap<ToolTarget, readonly string[]>();
function heldBy(target: ToolTarget): readonly string[] {
  let held = heldByTarget.get(target);
  if (!held) {
    held = [...new Set([...target.tool.signals, ...target.implies])];
    heldByTarget.set(target, held);
  }
  return held;
}

/**
 * How often each name or phrase (its target, from the knowledge) was read in the current text:
 * counts tagged with the text's round, so a new text starts at zero without a new map.
 */
class ReadCounts {
  private readonly counts = new Map<object, number>();
  private round = 0;

  clear(): this {
    this.round++;
    // a count is round * 128 + n: n never passes MAX_READS_PER_TARGET + 1, and the sum stays a small integer
    if (this.round > 4_000_000) {
      this.counts.clear();
      this.round = 1;
    }
    return this;
  }

  /** Counts one more read of `key` and returns how many there were (past MAX_READS_PER_TARGET + 1, that). */
  count(key: object): number {
    const stored = this.counts.get(key);
    const n = stored !== undefined && Math.floor(stored / 128) === this.round ? (stored % 128) + 1 : 1;
    const kept = Math.min(n, MAX_READS_PER_TARGET + 1);
    this.counts.set(key, this.round * 128 + kept);
    return kept;
  }
}
const readCounts = new ReadCounts();

/** The tokens of the text being read and its phrase hits, kept between calls (extractFacts never runs inside itself). */
const scratch = new Tokens();
const proseHits = new HitList<ProseTarget>();

/**
 * Reads facts out of free text (or code) with the knowledge's phrases and its catalogue of
 * named products, in one pass over the tokens: signals with their polarity and status (in use,
 * being replaced, planned, …), products with their role, and measurements (sizes, rows, GPUs,
 * latency) turned into level signals. Every fact keeps the span of the user's words behind it.
 */
export function extractFacts(text: string, kb: KnowledgeBase, options: ExtractOptions = {}): Facts {
  const origin = options.origin ?? 'text';
  const into = text.length <= KEEP_TOKENS * 4 ? scratch : new Tokens();
  const tokens = readTokens(text, { code: options.mode === 'code' }, into);
  const { clause, negatorFrom, negatorDoubt, hedgeEnd, postNegationStart, cueBefore, cueAfter } = readMarks(kb, tokens);
  const { negationWindow, postNegationWindow } = kb.language;
  const { mentions } = kb;
  const stronger = (a: string, b: string | undefined) => strongerCue(kb, a, b);

  // where the last polarityOf found the negation (or the mention itself): the span a negated fact quotes
  let polarFrom = 0;
  let polarTo = 0;
  const polarityOf = (hit: PhraseHit<unknown>): Polarity => {
    const here = clause[hit.from];
    polarFrom = hit.from;
    polarTo = hit.to;
    for (let end = hit.from; end >= 0 && end >= hit.from - negationWindow; end--) {
      if (end < hit.from && clause[end] !== here) break;
      if (hedgeEnd[end]) return 'uncertain';
      const from = negatorFrom[end] as number;
      if (from >= 0 && clause[from] === here) {
        polarFrom = from;
        return negatorDoubt[end] ? 'uncertain' : 'negated';
      }
    }
    for (let start = hit.to; start <= hit.to + postNegationWindow && start < tokens.length; start++) {
      if (clause[start] !== here) break;
      if (postNegationStart[start]) {
        polarTo = start + 1;
        return 'negated';
      }
    }
    return 'asserted';
  };

  // the names chosen in this text and, per token, the name covering it (set once the hits are read)
  let tools: PhraseHit<ProseTarget>[] = [];
  let cover: Int32Array | undefined;

  /**
   * The status cue in the mention's clause, within the window before it (or after it): when several
   * stand there, the status listed first in the knowledge wins ("drop our PySpark": replacing, not
   * "our"); among cues of one status, the nearest.
   */
  const statusOf = (hit: PhraseHit<unknown>): string | undefined => {
    const here = clause[hit.from];
    // a cue with another name between it and this one is that name's: "replacing Spark with
    // DuckDB" replaces Spark, not DuckDB (names in one list share their cue through listStatuses)
    const self = cover?.[hit.from] ?? -1;
    const otherName = (k: number) => {
      const owner = cover?.[k] ?? -1;
      return owner >= 0 && owner !== self;
    };
    let best: string | undefined;
    for (let end = hit.from; end >= 0 && end >= hit.from - mentions.window; end--) {
      if (end < hit.from && (clause[end] !== here || otherName(end))) break;
      const cue = cueName(cueBefore[end] as number);
      if (cue !== undefined && stronger(cue, best)) best = cue;
    }
    for (let start = hit.to; start < tokens.length && start <= hit.to + mentions.window; start++) {
      if (clause[start] !== here || (start > hit.to && otherName(start - 1))) break;
      const cue = cueName(cueAfter[start] as number);
      if (cue !== undefined && stronger(cue, best)) best = cue;
    }
    return best;
  };

  /**
   * Names joined into one list ("Spark, PyTorch, or something else?") share a cue that stands
   * before the list or after it: per name (in `tools` order), the list's status, if it has one.
   */
  const isJoiner = (k: number) => k < tokens.length && mentions.listJoiners.has(tokens.text[k] as string);
  const listStatuses = (names: readonly PhraseHit<ProseTarget>[]): (string | undefined)[] => {
    const out = new Array<string | undefined>(names.length).fill(undefined);
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
        // the list's own cue (before its first name, after its last) or any member's
        let best = cueName(cueAfter[after] as number);
        for (let i = first; i <= last; i++) {
          const cue = statusOf(names[i] as PhraseHit<ProseTarget>);
          if (cue !== undefined && stronger(cue, best)) best = cue;
        }
        for (let i = first; i <= last; i++) out[i] = best;
      }
      first = last + 1;
    }
    return out;
  };

  /** A fact quoting tokens from..to-1. */
  const quoting = (signal: string, from: number, to: number): Fact => {
    const start = tokens.start[from] as number;
    const end = tokens.end[Math.max(from, to - 1)] as number;
    return { signal, origin, evidence: text.slice(start, end), start, end };
  };

  const facts = new BoundedFacts();
  const negated = new BoundedFacts();
  let hits: readonly PhraseHit<ProseTarget>[];
  let hitCount: number;
  if (options.mode === 'code') {
    hits = kb.code.match(tokens).map((h) => ({ ...h, value: { signal: h.value } }));
    hitCount = hits.length;
  } else {
    const list = into === scratch ? proseHits : new HitList<ProseTarget>();
    kb.prose.matchInto(tokens, list);
    hits = list.hits;
    hitCount = list.length;
  }
  ({ tools, cover } = chooseTools(hits, hitCount, tokens.length));
  // per token, the signals an exception phrase over it cancels ("docker image" is not image data)
  let cancelledAt: Map<number, Set<string>> | undefined;
  for (let i = 0; i < hitCount; i++) {
    const h = hits[i] as PhraseHit<ProseTarget>;
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
  // code hits carry targets made for this text: the shared counts would keep them alive
  const reads = options.mode === 'code' ? new ReadCounts().clear() : readCounts.clear();
  const again = (key: object) => reads.count(key) > MAX_READS_PER_TARGET;
  const listed = listStatuses(tools);
  for (let index = 0; index < tools.length; index++) {
    const hit = tools[index] as PhraseHit<ProseTarget>;
    const target = hit.value as ToolTarget;
    if (again(target)) continue;
    const entry = target.tool;
    const polarity = polarityOf(hit);
    const status =
      polarity === 'negated'
        ? mentions.negated
        : polarity === 'uncertain'
          ? mentions.doubted
          : (statusOf(hit) ?? listed[index] ?? mentions.plain);
    // a name repeated past what the facts keep adds nothing: skip building it
    const start = tokens.start[hit.from] as number;
    const end = tokens.end[hit.to - 1] as number;
    const quote = text.slice(start, end);
    const role = roleSignal(entry.role);
    if (!facts.wants(role, status, entry.id, quote)) continue;
    facts.push({ signal: role, origin, status, tool: entry.id, evidence: quote, start, end });
    // what the name implies holds like a phrase would: negated ("no Hadoop") or dropped when in doubt
    if (polarity === 'uncertain') continue;
    if (mentions.statuses.get(status)?.implies === false && !kb.toolRoles.get(entry.role)?.alwaysImplies) continue;
    const held = heldBy(target);
    for (let s = 0; s < held.length; s++) {
      const signal = held[s] as string;
      if (polarity === 'negated') {
        const { evidence, start: from, end: to } = quoting(signal, polarFrom, polarTo);
        negated.push({ signal, origin, tool: entry.id, evidence, start: from, end: to });
        const whenNegated = kb.signals.get(signal)?.whenNegated;
        if (whenNegated) facts.push(quoting(whenNegated, polarFrom, polarTo));
      } else facts.push({ signal, origin, status, tool: entry.id, evidence: quote, start, end });
    }
  }
  for (let i = 0; i < hitCount; i++) {
    const hit = hits[i] as PhraseHit<ProseTarget>;
    const id = hit.value.signal;
    if (id === undefined || (cover && insideTool(hit, tools, cover)) || (cancelledAt && cancelled(hit))) continue;
    if (again(hit.value)) continue;
    const signal = kb.signals.get(id);
    if (!signal) continue;
    const polarity = polarityOf(hit);
    if (polarity === 'uncertain') continue;
    if (polarity === 'asserted') {
      facts.push(quoting(signal.id, hit.from, hit.to));
      continue;
    }
    negated.push(quoting(signal.id, polarFrom, polarTo));
    if (signal.whenNegated) facts.push(quoting(signal.whenNegated, polarFrom, polarTo));
  }

  // a named accelerator brings its memory: "a 7B model on A100s" is compared with 40 GB per device
  const found = extractMeasurements(tokens, text, kb);
  const memoryMeasure = kb.productMemoryMeasure;
  for (let i = 0; i < tools.length; i++) {
    const hit = tools[i] as PhraseHit<ProseTarget>;
    const gb = hit.value.tool?.memoryGb;
    if (gb === undefined || memoryMeasure === undefined) continue;
    const { evidence, start, end } = quoting('', hit.from, hit.to);
    found.push({ measure: memoryMeasure, value: gb * 1e9, evidence, start, end });
  }
  const measurements = boundMeasurements(found);
  const levels = levelFacts(measurements, kb, origin);
  for (let i = 0; i < levels.length; i++) facts.push(levels[i] as Fact);
  return { facts: applyOverrides(facts.list, kb), negated: negated.list, measurements };
}

/** Measurements become signals through each measure's levels ("40 TB" → scale.large). */
export function levelFacts(measurements: readonly Measurement[], kb: KnowledgeBase, origin: Fact['origin']): Fact[] {
  const out: Fact[] = [];
  const largest = new Map<string, number>();
  for (let i = 0; i < measurements.length; i++) {
    const m = measurements[i] as Measurement;
    largest.set(m.measure, Math.max(largest.get(m.measure) ?? 0, m.value));
  }
  const fact = (signal: string, m: Measurement) => {
    const f: Fact = { signal, evidence: m.evidence, origin };
    if (m.start !== undefined) f.start = m.start;
    if (m.end !== undefined) f.end = m.end;
    return f;
  };
  for (let i = 0; i < measurements.length; i++) {
    const m = measurements[i] as Measurement;
    const measure = kb.measures.get(m.measure);
    if (!measure) continue;
    for (let j = 0; j < measure.against.length; j++) {
      const a = measure.against[j] as (typeof measure.against)[number];
      const other = largest.get(a.measure);
      if (!other) continue;
      const ratio = m.value / other;
      if ((a.ratioGte === undefined || ratio >= a.ratioGte) && (a.ratioLt === undefined || ratio < a.ratioLt)) {
        out.push(fact(a.signal, m));
      }
    }
    for (let j = 0; j < measure.levels.length; j++) {
      const level = measure.levels[j] as (typeof measure.levels)[number];
      if ((level.gte === undefined || m.value >= level.gte) && (level.lt === undefined || m.value < level.lt)) {
        out.push(fact(level.signal, m));
      }
    }
  }
  return out;
}

/** Drops, in place, facts that a more specific present signal overrides; returns the list. */
export function applyOverrides(facts: Fact[], kb: KnowledgeBase): Fact[] {
  let overridden: Set<string> | undefined;
  for (let i = 0; i < facts.length; i++) {
    const overrides = kb.signals.get((facts[i] as Fact).signal)?.overrides;
    if (!overrides || overrides.length === 0) continue;
    overridden ??= new Set();
    for (const o of overrides) overridden.add(o);
  }
  if (!overridden) return facts;
  let kept = 0;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (!overridden.has(f.signal)) facts[kept++] = f;
  }
  facts.length = kept;
  return facts;
}
