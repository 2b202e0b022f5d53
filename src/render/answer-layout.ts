import type { FollowUp, Recommendation, Verdict } from '../core/index.js';
import { type ConfidenceLevel, carriedLine, confidenceLevel, NEXT_SECTION_TITLE, VERDICT_EMOJI } from './labels.js';

/**
 * One answer, laid out once for every chat platform: what a reader sees at a glance (headline,
 * one sentence, a confidence badge, a bar per outcome, two or three next steps, the questions
 * that would settle it) and what they open on demand (the reasons, one line each, and the
 * sources, once). Slack, Teams and the preview page render this value; none re-derives it.
 */
export type AnswerLayout = {
  readonly verdict: Verdict;
  readonly headline: string;
  /** the summary's first sentence */
  readonly sentence: string;
  /** the sentence up to its colon, when what follows the colon is listed below it (the questions) */
  readonly lead: string;
  /** absent when the honest answer is a question back */
  readonly badge?: Badge;
  readonly bars: readonly Bar[];
  /** what the next steps are called for this verdict ("How to bridge them", "What to use instead", …) */
  readonly nextTitle: string;
  readonly nextSteps: readonly Link[];
  readonly followUps: readonly FollowUp[];
  readonly carried?: string;
  readonly reasons: readonly ReasonLine[];
  readonly sources: readonly Link[];
  /** the plain-text line a notification or a screen reader gets */
  readonly fallback: string;
};
export type Badge = { readonly level: ConfidenceLevel; readonly label: string };
export type Bar = { readonly outcome: string; readonly label: string; readonly score: number; readonly cells: number };
export type Link = { readonly label: string; readonly url: string };
export type ReasonLine = {
  readonly title: string;
  /** "Spark", "PyTorch", "both", … in words */
  readonly favours: string;
  /** the asker's words, at most two, each once */
  readonly quotes: readonly string[];
  /** true when the quote is an option the asker chose on a button, not words they typed */
  readonly chosen: boolean;
};

/** How many cells a full bar has. */
export const BAR_CELLS = 12;
const NEXT_STEPS = 3;
const MAX_REASONS = 6;
const MAX_QUOTES = 2;
/** The asker's words are shown, not re-read: a quote or the carried line past these is cut. */
const MAX_QUOTE_CHARS = 80;
const MAX_CARRIED_CHARS = 200;
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const OUTCOME_LABEL: Readonly<Record<string, string>> = {
  spark: 'Spark',
  pytorch: 'PyTorch',
  both: 'Both',
  neither: 'Neither',
};
const FAVOURS_LABEL: Readonly<Record<string, string>> = {
  spark: 'Spark',
  pytorch: 'PyTorch',
  both: 'Spark + PyTorch',
  neither: 'neither',
};

/** "high confidence" and its level; no badge for "unclear", which is a question, not a claim. */
export function badgeOf(r: Pick<Recommendation, 'verdict' | 'confidence'>): Badge | undefined {
  if (r.verdict === 'unclear') return undefined;
  const level = confidenceLevel(r.confidence);
  return { level, label: `${level[0]?.toUpperCase()}${level.slice(1)} confidence` };
}

/** The first sentence of a summary (a sentence ends at ". " before a capital letter). */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[A-Z“"])/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/** "What would decide this is not in the question yet: a; b; c." → its part before the colon. */
function leadOf(sentence: string): string {
  const colon = sentence.indexOf(': ');
  return colon > 0 ? `${sentence.slice(0, colon)}.` : sentence;
}

/**
 * One bar per outcome the engine scored (not its abstention), longest first, each the length of its
 * share: when the bot declines to answer, no bar runs full ("Spark 25 %" must not look certain).
 */
function barsOf(scores: Readonly<Record<string, number>>): Bar[] {
  const entries = Object.entries(scores).filter(([k]) => k in OUTCOME_LABEL);
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, score]) => ({
      outcome,
      label: OUTCOME_LABEL[outcome] ?? outcome,
      score,
      cells: Math.max(0, Math.min(BAR_CELLS, Math.round(score * BAR_CELLS))),
    }));
}

/** “a” … “b” … “a” → ['a', 'b']: each quoted span once, at most two. */
export function quotesOf(evidence: string): string[] {
  const spans = evidence
    .split(/\s*…\s*/)
    .map((s) => s.trim().replace(/^[“"]|[”"]$/g, ''))
    .filter((s) => s !== '');
  const unique: string[] = [];
  for (const s of spans) {
    const lower = s.toLowerCase();
    // "PyTorch model" already says "PyTorch": keep the longer one only
    if (unique.some((u) => u.toLowerCase().includes(lower))) continue;
    for (let i = unique.length - 1; i >= 0; i--)
      if (lower.includes((unique[i] ?? '').toLowerCase())) unique.splice(i, 1);
    unique.push(s);
  }
  return unique.slice(0, MAX_QUOTES).map((q) => cut(q, MAX_QUOTE_CHARS));
}

/** The suggestions that come next, each linked to its first source. */
function nextStepsOf(r: Recommendation): Link[] {
  return [...r.bridges, ...r.alternatives, ...r.serving, ...r.practices]
    .slice(0, NEXT_STEPS)
    .map((s) => ({ label: s.name, url: s.sources[0] ?? '' }))
    .filter((l) => l.url !== '');
}

/** "spark.apache.org › predict_batch_udf" — short enough to read, specific enough to tell apart. */
export function sourceLabel(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '');
    // a repository's issue or file says more by its repository than by its number
    const repo = host === 'github.com' ? u.pathname.split('/').slice(1, 3).join('/') : '';
    if (repo) return `github.com › ${repo}`;
    const last =
      u.pathname
        .split('/')
        .filter((p) => p !== '')
        .pop() ?? '';
    const page = last.replace(/\.html?$/, '').replace(/^pyspark\.ml\.functions\./, '');
    return page ? `${host} › ${page.length > 32 ? `${page.slice(0, 31)}…` : page}` : host;
  } catch {
    return url;
  }
}

/** A Recommendation laid out for reading at a glance. Pure. */
export function layoutAnswer(r: Recommendation): AnswerLayout {
  const chosen = new Set(r.facts.facts.filter((f) => f.origin === 'answer').map((f) => f.evidence.toLowerCase()));
  const reasons = r.reasons.slice(0, MAX_REASONS).map((reason) => {
    const quotes = quotesOf(reason.evidence);
    return {
      title: reason.title,
      favours: FAVOURS_LABEL[reason.favours] ?? reason.favours,
      quotes,
      chosen: quotes.length > 0 && quotes.every((q) => chosen.has(q.toLowerCase())),
    };
  });
  const seen = new Set<string>();
  const sources: Link[] = [];
  for (const url of r.reasons.slice(0, MAX_REASONS).map((x) => x.source)) {
    if (!url || seen.has(url)) continue;
    seen.add(url);
    sources.push({ label: sourceLabel(url), url });
  }
  const badge = badgeOf(r);
  const line = carriedLine(r);
  const carried = line ? cut(line, MAX_CARRIED_CHARS) : undefined;
  const headline = `${VERDICT_EMOJI[r.verdict]} ${r.headline}`;
  const sentence = firstSentence(r.summary);
  return {
    verdict: r.verdict,
    headline,
    sentence,
    lead: leadOf(sentence),
    ...(badge ? { badge } : {}),
    bars: barsOf(r.scores),
    nextTitle: NEXT_SECTION_TITLE[r.verdict],
    nextSteps: nextStepsOf(r),
    followUps: r.followUps.slice(0, 3),
    ...(carried ? { carried } : {}),
    reasons,
    sources,
    fallback: `${r.headline}${badge ? ` (${badge.label.toLowerCase()})` : ''}: ${sentence}`,
  };
}

/** "█████░░░" — a bar drawn with two characters every platform shows. */
export const barText = (cells: number) => `${'█'.repeat(cells)}${'░'.repeat(BAR_CELLS - cells)}`;

/** "Favours Spark — you said “40 TB”, “HDFS”" in the words a reader scans, without markup. */
export function reasonTail(line: ReasonLine, quote: (s: string) => string): string {
  if (line.quotes.length === 0) return '';
  return ` — ${line.chosen ? 'you chose' : 'you said'} ${line.quotes.map((q) => `“${quote(q)}”`).join(', ')}`;
}
