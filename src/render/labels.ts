import type { Verdict } from '../core/index.js';

/** Words every renderer uses for a verdict, so Slack, Teams, GitHub and the terminal agree. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  spark: 'Spark',
  pytorch: 'PyTorch',
  both: 'Spark and PyTorch together',
  neither: 'Neither',
  unclear: 'Not enough to go on yet',
};

/** A short emoji per verdict for chat headers. */
export const VERDICT_EMOJI: Readonly<Record<Verdict, string>> = {
  spark: '⚡',
  pytorch: '🔥',
  both: '🤝',
  neither: '🧭',
  unclear: '❓',
};

export type ConfidenceLevel = 'high' | 'moderate' | 'low';

/** Where confidence changes its word: every renderer uses these, so a badge and a sentence agree. */
export const confidenceLevel = (confidence: number): ConfidenceLevel =>
  confidence >= 0.75 ? 'high' : confidence >= 0.5 ? 'moderate' : 'low';

/** "high (0.82)" — confidence in words a reader can weigh. */
export function describeConfidence(confidence: number): string {
  return `${confidenceLevel(confidence)} (${confidence.toFixed(2)})`;
}

/** What the part after the reasons is called, by verdict. */
export const NEXT_SECTION_TITLE: Readonly<Record<Verdict, string>> = {
  spark: 'Worth knowing',
  pytorch: 'Worth knowing',
  both: 'How to bridge them',
  neither: 'What to use instead',
  unclear: 'What would settle it',
};

/** What every front end says when an answer could not be made or delivered. */
export const APOLOGY = 'Sorry — something went wrong while answering. Please try again in a minute.';

/** The words that drop a conversation's earlier facts, in Slack and Teams. */
export const RESET_WORDS: readonly string[] = ['new', 'reset', 'start over'];

/** What a person sees when they reset a conversation. */
export const RESET_DONE = 'Starting fresh — earlier facts are dropped. Ask your next question.';

/** "Using from earlier: 40 TB, nightly joins" — the earlier words an answer used, or nothing. */
export function carriedLine(r: { readonly carried: readonly string[] }): string | undefined {
  return r.carried.length > 0 ? `Using from earlier: ${r.carried.join(', ')}` : undefined;
}

/** Is this message a request to drop the conversation's earlier facts? */
export function isReset(text: string): boolean {
  return RESET_WORDS.includes(
    text
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, ''),
  );
}

/** What a voter hears when the same vote on the same answer was already counted. */
export const ALREADY_NOTED = 'Already noted — one vote per answer counts.';

/** What a voter hears when the vote could not be stored (the store is down). */
export const VOTE_NOT_SAVED = 'Sorry — your vote could not be saved just now. Please press it again in a minute.';
