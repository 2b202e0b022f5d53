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
  /** feedback is kept durably: it is the data for improving the knowledge base */
  addFeedback(vote: FeedbackVote): Promise<void>;
  listFeedback(): Promise<FeedbackVote[]>;
  /** resolves when the store answers; rejects with a reason otherwise (for /readyz) */
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** The key that lets one user's vote on one answer count once (claimed with `claimOnce`). */
export const voteKey = (platform: string, answerId: string, user: string, vote: string) =>
  `${platform}:vote:${answerId}:${user}:${vote}`;
