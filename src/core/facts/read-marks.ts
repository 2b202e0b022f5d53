import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Tokens } from '../text/tokenize.js';
import { Numbers } from './per-token.js';

const clauses = new Numbers();
const negatorStarts = new Numbers();
const doubts = new Numbers();
const hedges = new Numbers();
const postNegations = new Numbers();
const cuesBefore = new Numbers();
const cuesAfter = new Numbers();

/**
 * Status cues by number, so the per-token marks are numbers too (a list of 100,000 words is slow
 * to build). Statuses come from the knowledge: the list stays short.
 */
const cueNames: string[] = [];
const cueNumbers = new Map<string, number>();
function cueNumber(status: string): number {
  let n = cueNumbers.get(status);
  if (n === undefined) {
    n = cueNames.length;
    cueNames.push(status);
    cueNumbers.set(status, n);
  }
  return n;
}

/** The status a cue mark stands for (undefined for -1, no cue). */
export const cueName = (mark: number): string | undefined => (mark < 0 ? undefined : cueNames[mark]);

/**
 * What the language phrases mark in a text, per token index; the arrays are valid until the next
 * call (extractFacts reads them before it returns, and never runs inside itself).
 */
export type Marks = {
  /** clause number per token: punctuation and clause-break words ("but") start a new clause */
  readonly clause: Int32Array;
  /** per token where a negator ends: where it starts, or -1 */
  readonly negatorFrom: Int32Array;
  /** per token where a negator ends: 1 when it only expresses doubt */
  readonly negatorDoubt: Int32Array;
  /** 1 where a hedge ends */
  readonly hedgeEnd: Int32Array;
  /** 1 where a negation that follows what it negates starts ("GPUs: none") */
  readonly postNegationStart: Int32Array;
  /** the strongest status cue ending at each token (read it with `cueName`), or -1 */
  readonly cueBefore: Int32Array;
  /** the strongest status cue starting at each token (read it with `cueName`), or -1 */
  readonly cueAfter: Int32Array;
};

/** Is status cue `a` stronger than `b`? The status listed first in the knowledge wins. */
export function strongerCue(kb: KnowledgeBase, a: string, b: string | undefined): boolean {
  const { rank } = kb.mentions;
  return b === undefined || (rank.get(a) ?? 0) < (rank.get(b) ?? 0);
}

/** Marks clauses, negators, hedges and status cues in one read of the language matchers each. */
export function readMarks(kb: KnowledgeBase, tokens: Tokens): Marks {
  const { language, mentions } = kb;
  const n = tokens.length;
  // a phrase ending after the last token ends at index n: the arrays have a slot for it
  const clause = clauses.reset(n + 1, 0);
  let current = 0;
  for (let i = 0; i < n; i++) {
    if (tokens.isBreak[i] || language.clauseBreaks.has(tokens.text[i] as string)) current++;
    clause[i] = current;
  }
  const negatorFrom = negatorStarts.reset(n + 1, -1);
  const negatorDoubt = doubts.reset(n + 1, 0);
  language.negators.forEachMatch(tokens, (_, from, to) => {
    if (language.notNegating.matchesAt(tokens, from)) return;
    negatorFrom[to] = from;
    negatorDoubt[to] = language.uncertainty.matchesAt(tokens, from) ? 1 : 0;
  });
  const hedgeEnd = hedges.reset(n + 1, 0);
  language.hedges.forEachMatch(tokens, (_, __, to) => {
    hedgeEnd[to] = 1;
  });
  const postNegationStart = postNegations.reset(n + 1, 0);
  language.postNegations.forEachMatch(tokens, (_, from) => {
    postNegationStart[from] = 1;
  });
  const cueBefore = cuesBefore.reset(n + 1, -1);
  mentions.before.forEachMatch(tokens, (status, _, to) => {
    if (strongerCue(kb, status, cueName(cueBefore[to] as number))) cueBefore[to] = cueNumber(status);
  });
  const cueAfter = cuesAfter.reset(n + 1, -1);
  mentions.after.forEachMatch(tokens, (status, from) => {
    if (strongerCue(kb, status, cueName(cueAfter[from] as number))) cueAfter[from] = cueNumber(status);
  });
  return { clause, negatorFrom, negatorDoubt, hedgeEnd, postNegationStart, cueBefore, cueAfter };
}
