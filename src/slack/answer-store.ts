import type { Facts, Recommendation } from '../core/index.js';
import type { Store } from '../store/store.js';

/** How long a thread's facts and an answer's buttons stay usable. */
export const THREAD_TTL_SECONDS = 7 * 24 * 3600;

export type StoredAnswer = {
  readonly facts: Facts;
  readonly verdict: Recommendation['verdict'];
  readonly confidence: number;
  readonly channel: string;
  /** the thread to answer in (absent for slash-command answers) */
  readonly threadTs?: string;
  /** where a slash-command answer is delivered */
  readonly responseUrl?: string;
  /** the answer as shown, so that "Why" and "Share" show the same one again */
  readonly recommendation?: Recommendation;
  /** a private (slash-command) answer's question, shown small under its headline */
  readonly question?: string;
};

export const threadKey = (channel: string, threadTs: string) => `slack:thread:${channel}:${threadTs}`;
export const answerKey = (id: string) => `slack:answer:${id}`;
/** A DM's memory: the facts of its last answer, for a follow-up that only adds facts. */
export const dmKey = (channel: string) => `slack:dm:${channel}`;

export async function saveAnswer(store: Store, id: string, answer: StoredAnswer): Promise<void> {
  await store.setJson(answerKey(id), answer, THREAD_TTL_SECONDS);
  if (answer.threadTs)
    await store.setJson(threadKey(answer.channel, answer.threadTs), answer.facts, THREAD_TTL_SECONDS);
}
