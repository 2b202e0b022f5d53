import type { webApi } from '@slack/bolt';
import { DeliveryError, type DeliveryPolicy } from '../http/delivery-policy.js';
import { retryDelay } from '../http/retry-decision.js';
import type { Logger } from '../logger.js';

type WebClient = webApi.WebClient;
type Message = webApi.ChatPostMessageArguments & { channel: string; thread_ts?: string };
type Posted = { ts?: string | undefined };

/** Answers carry this in their message metadata, so that a lost reply can be looked for. */
const EVENT_TYPE = 'spark_or_pytorch_answer';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How one chat.postMessage ended, for the decision what to do next. */
function classify(error: unknown): { kind: 'final' } | { kind: 'later'; retryAfterS?: number } | { kind: 'unknown' } {
  const e = error as { code?: string; statusCode?: number; retryAfter?: number };
  if (e.code === 'slack_webapi_rate_limited_error') return { kind: 'later', retryAfterS: e.retryAfter ?? 1 };
  // a timeout, a dropped connection or a 5xx: Slack may have posted the message before the answer was lost
  if (e.code === 'slack_webapi_request_error' || (e.code === 'slack_webapi_http_error' && (e.statusCode ?? 0) >= 500))
    return { kind: 'unknown' };
  return { kind: 'final' }; // Slack refused the message (invalid_blocks, not_in_channel, …): asking again won't help
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
export async function postAnswer(
  client: WebClient,
  message: Message,
  answerId: string,
  policy: DeliveryPolicy,
  logger: Logger,
): Promise<Posted> {
  const tagged = { ...message, metadata: { event_type: EVENT_TYPE, event_payload: { answer_id: answerId } } };
  for (let attempt = 1; ; attempt++) {
    try {
      const posted = await client.chat.postMessage(tagged as webApi.ChatPostMessageArguments);
      return { ts: posted.ts };
    } catch (error) {
      const outcome = classify(error);
      if (outcome.kind === 'final') throw error;
      if (outcome.kind === 'unknown') {
        const landed = await findPosted(client, message, answerId).catch((e: Error) => {
          logger.warn('slack: could not look for a lost answer; posting it again', { error: e.message });
          return undefined;
        });
        if (landed) {
          logger.info('slack answer had landed: not posted again', { attempt });
          return landed;
        }
      }
      const wait =
        outcome.kind === 'later'
          ? retryDelay({ kind: 'answered', status: 429, retryAfter: String(outcome.retryAfterS) }, attempt, policy)
          : retryDelay({ kind: 'timeout' }, attempt, policy);
      if (wait === undefined)
        throw new DeliveryError(`Slack did not take the answer: ${(error as Error).message} (${attempt} attempts)`);
      logger.warn('slack answer retry', { attempt, reason: (error as Error).message, waitMs: wait });
      await sleep(wait);
    }
  }
}
