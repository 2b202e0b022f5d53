/**
 * Shared state that must survive across replicas: event dedupe, conversation facts, feedback
 * votes (and Slack installations). Memory by default; Redis when REDIS_URL is set.
 */
export type FeedbackVote = {
  /** where the vote came from: slack | teams */
  readonly platform: string;
  /** a stable id of the answer that was voted on */
  readonly answerId: string;
  readonly vote: 'up' | 'down';
  readonly verdict: string;
  readonly confidence: number;
  /** signal ids the answer rested on (no message text) */
  readonly signals: readonly string[];
  readonly user: string;
  /** ISO time of the vote */
  readonly at: string;
};

export type Store = {
  /** true the first time `key` is claimed within `ttlSeconds`, false for every repeat (atomic) */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /** a JSON-serialisable value kept for `ttlSeconds` */
  getJson<T>(key: string): Promise<T | undefined>;
  setJson(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /**
   * Feedback is kept durably: it is the data for improving the knowledge base. One vote per user
   * per answer: a later vote replaces an earlier one (atomic), and the result says which happened.
   */
  addFeedback(vote: FeedbackVote): Promise<VoteOutcome>;
  /** every user's latest vote on every answer */
  listFeedback(): Promise<FeedbackVote[]>;
  /** resolves when the store answers; rejects with a reason otherwise (for /readyz) */
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** What a vote did: the user's first on this answer, a change of mind, or the same vote again. */
export type VoteOutcome = 'added' | 'changed' | 'unchanged';

/** Whose vote on which answer: the one slot a later vote by the same user replaces. */
export const voteSlot = (vote: Pick<FeedbackVote, 'platform' | 'answerId' | 'user'>) =>
  JSON.stringify([vote.platform, vote.answerId, vote.user]);

export const voteOutcome = (earlier: FeedbackVote['vote'] | undefined, now: FeedbackVote['vote']): VoteOutcome =>
  earlier === undefined ? 'added' : earlier === now ? 'unchanged' : 'changed';
