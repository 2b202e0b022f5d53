import { webApi } from '@slack/bolt';
import type { DeliveryPolicy } from '../http/delivery-policy.js';
import { type Attempt, type AttemptOutcome, deliverWithRetries } from '../http/retry-decision.js';
import type { Logger } from '../logger.js';

type WebClient = webApi.WebClient;
type Message = webApi.ChatPostMessageArguments & { channel: string; thread_ts?: string };
type Posted = { ts?: string | undefined };

/** Answers carry this in their message metadata, so that a lost reply can be looked for. */
const EVENT_TYPE = 'spark_or_pytorch_answer';

/**
 * How a failed chat.postMessage ended, or undefined when Slack refused the message itself
 * (invalid_blocks, not_in_channel, …), which asking again won't change.
 */
function outcomeOf(error: unknown): AttemptOutcome | undefined {
  const e = error as { code?: string; statusCode?: number; retryAfter?: number; message?: string };
  if (e.code === webApi.ErrorCode.RateLimitedError)
    return { kind: 'answered', status: 429, retryAfter: String(e.retryAfter ?? 1) };
  if (e.code === webApi.ErrorCode.HTTPError && (e.statusCode ?? 0) >= 500)
    return { kind: 'answered', status: e.statusCode ?? 500 };
  if (e.code === webApi.ErrorCode.RequestError) return { kind: 'dropped', code: e.message ?? 'request error' };
  return undefined;
}

/** The message carrying `answerId`, if Slack has it in the thread (or the channel). */
async function findPosted(client: WebClient, message: Message, answerId: string): Promise<Posted | undefined> {
  const found = message.thread_ts
    ? await client.conversations.replies({
        channel: message.channel,
        ts: message.thread_ts,
        include_all_metadata: true,
        limit: 50,
      })
    : await client.conversations.history({ channel: message.channel, include_all_metadata: true, limit: 50 });
  const hit = found.messages?.find(
    (m) =>
      m.metadata?.event_type === EVENT_TYPE &&
      (m.metadata.event_payload as Record<string, unknown> | undefined)?.answer_id === answerId,
  );
  return hit ? { ts: hit.ts } : undefined;
}

/**
 * chat.postMessage exactly once. `client` must not retry on its own (retries: 0,
 * rejectRateLimitedCalls): this does, under `policy` — after Retry-After on a 429, and after a
 * timeout, a dropped connection or a 5xx only once the thread shows the message did not land.
 */
export function postAnswer(
  client: WebClient,
  message: Message,
  answerId: string,
  policy: DeliveryPolicy,
  logger: Logger,
): Promise<Posted> {
  const tagged = { ...message, metadata: { event_type: EVENT_TYPE, event_payload: { answer_id: answerId } } };
  const attempt = async (n: number): Promise<Attempt<Posted>> => {
    try {
      const posted = await client.chat.postMessage(tagged as webApi.ChatPostMessageArguments);
      return { outcome: { kind: 'answered', status: 200 }, value: { ts: posted.ts } };
    } catch (error) {
      const outcome = outcomeOf(error);
      if (!outcome) throw error;
      if (outcome.kind === 'answered' && outcome.status === 429) return { outcome }; // not posted: Slack said so
      // a timeout, a dropped connection or a 5xx: Slack may have posted it before the answer was lost
      const landed = await findPosted(client, message, answerId).catch((e: Error) => {
        logger.warn('slack: could not look for a lost answer; posting it again', { error: e.message });
        return undefined;
      });
      if (landed) logger.info('slack answer had landed: not posted again', { attempt: n });
      return landed ? { outcome, value: landed } : { outcome };
    }
  };
  return deliverWithRetries('Slack', policy, attempt, {
    onRetry: (n, reason, waitMs) => logger.warn('slack answer retry', { attempt: n, reason, waitMs }),
  });
}
