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

/** "high (0.82)" — confidence in words a reader can weigh. */
export function describeConfidence(confidence: number): string {
  const word = confidence >= 0.75 ? 'high' : confidence >= 0.5 ? 'moderate' : 'low';
  return `${word} (${confidence.toFixed(2)})`;
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
