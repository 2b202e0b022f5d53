import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { postJsonWithRetry } from '../http/http-send.js';
import { ask, checkChatMessage, compare, EMPTY_FACTS, InputError } from '../index.js';
import { logAnswer } from '../logger.js';
import { HELP_TEXT, renderComparisonBlocks, renderRecommendationBlocks } from '../render/block-kit.js';
import { ALREADY_NOTED, APOLOGY, RESET_DONE, VOTE_NOT_SAVED } from '../render/labels.js';
import { EXPIRED, registerAnswerActions, shownAnswer } from './answer-actions.js';
import { answerKey, dmKey, type StoredAnswer, saveAnswer, THREAD_TTL_SECONDS, threadKey } from './answer-store.js';
import type { HandlerDeps } from './handler-deps.js';
import { postAnswer } from './post-answer.js';

/** Yields to the event loop's I/O phase: answering waits, acknowledging (Slack's 3 s) does not. */
const afterPendingIo = () => new Promise<void>((resolve) => setImmediate(resolve));

const UNDELIVERED = 'Sorry — Slack did not take my answer to your command in time. Please run it again in a minute.';

/** The slash command and the buttons on answers: follow-ups, feedback, Share in channel. */
export function registerInteractions(app: App, deps: HandlerDeps): void {
  const { store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  /** response_url delivery with the same timeouts and bounded retries as the Web API client */
  const respond = (url: string, message: object) => postJsonWithRetry(url, message, deps.delivery);
  /**
   * A private message through response_url; when that refuses for good, a short note through the
   * Web API (chat.postEphemeral), and when that fails too, the log.
   */
  const tellPrivately = (client: App['client'], to: { url: string; channel: string; user: string }, message: object) =>
    respond(to.url, { response_type: 'ephemeral', ...message }).catch(async (error: Error) => {
      logger.error('slack response undeliverable', { error: error.message });
      await client.chat.postEphemeral({ channel: to.channel, user: to.user, text: UNDELIVERED }).catch((e: Error) => {
        logger.error('slack fallback message failed too', { error: e.message });
      });
    });

  registerAnswerActions(app, deps, respond, tellPrivately);

  app.command('/spark-or-pytorch', async ({ command, ack, client }) => {
    await ack();
    await afterPendingIo(); // requests that arrived meanwhile are acknowledged before this one is answered
    const text = command.text.trim();
    const url = command.response_url;
    const answer = async (): Promise<object> => {
      if (text === '' || /^help$/i.test(text)) return { text: HELP_TEXT };
      const compareMatch = /^compare(?:\s+(.+))?$/i.exec(text);
      if (compareMatch) return renderComparisonBlocks(compare(compareMatch[1]));
      const r = ask(checkChatMessage(text));
      const id = randomUUID();
      const message = renderRecommendationBlocks(r, id, { question: text, share: true });
      await saveAnswer(store, id, {
        facts: r.facts,
        verdict: r.verdict,
        confidence: r.confidence,
        channel: command.channel_id,
        responseUrl: url,
        recommendation: r,
        question: text,
      });
      logAnswer(logger, 'slack', r.verdict);
      return message;
    };
    let message: object;
    try {
      message = await answer();
    } catch (error) {
      if (!(error instanceof InputError)) logger.error('slash command failed', { error: (error as Error).message });
      message = { text: error instanceof InputError ? error.message : APOLOGY };
    }
    await tellPrivately(client, { url, channel: command.channel_id, user: command.user_id }, message);
  });

  app.action<BlockAction<ButtonAction>>(/^feedback:/, async ({ ack, action, body, client }) => {
    await ack();
    const stored = await store.getJson<StoredAnswer>(answerKey(action.value ?? '')).catch(() => undefined);
    const vote = action.action_id === 'feedback:up' ? 'up' : 'down';
    const to = { url: body.response_url, channel: stored?.channel ?? body.channel?.id ?? '', user: body.user.id };
    // one vote per user per answer, the latest wins; a vote the store cannot take is not lost
    // without a word: the voter is told it did not count
    try {
      const outcome = await store.addFeedback({
        platform: 'slack',
        answerId: action.value ?? '',
        vote,
        verdict: stored?.verdict ?? 'unknown',
        confidence: stored?.confidence ?? 0,
        signals: [...new Set(stored?.facts.facts.map((f) => f.signal) ?? [])],
        user: body.user.id,
        at: now().toISOString(),
      });
      if (outcome === 'unchanged') {
        return void (await tellPrivately(client, to, { replace_original: false, text: ALREADY_NOTED }));
      }
    } catch (error) {
      logger.error('slack vote not stored', { error: (error as Error).message });
      return void (await tellPrivately(client, to, { replace_original: false, text: VOTE_NOT_SAVED }));
    }
    const text = vote === 'up' ? 'Thanks — noted 👍' : 'Thanks — noted 👎. Reply in the thread with what was missing.';
    await tellPrivately(client, to, { replace_original: false, text });
  });

  app.action<BlockAction<ButtonAction>>('reset', async ({ ack, action, body, client }) => {
    await ack();
    const stored = await store.getJson<StoredAnswer>(answerKey(action.value ?? ''));
    const channel = stored?.channel ?? body.channel?.id ?? '';
    // the thread's facts and the DM's memory are dropped: the next question starts fresh
    if (stored?.threadTs) await store.setJson(threadKey(channel, stored.threadTs), EMPTY_FACTS, THREAD_TTL_SECONDS);
    if (channel) await store.setJson(dmKey(channel), EMPTY_FACTS, THREAD_TTL_SECONDS);
    await tellPrivately(
      client,
      { url: body.response_url, channel, user: body.user.id },
      {
        replace_original: false,
        text: RESET_DONE,
      },
    );
  });

  app.action<BlockAction<ButtonAction>>('share', async ({ ack, action, body, client }) => {
    await ack();
    const stored = await store.getJson<StoredAnswer>(answerKey(action.value ?? ''));
    const to = { url: body.response_url, channel: stored?.channel ?? body.channel?.id ?? '', user: body.user.id };
    if (!stored) return void (await tellPrivately(client, to, { replace_original: false, text: EXPIRED }));
    const message = renderRecommendationBlocks(shownAnswer(stored), action.value ?? '');
    const posted = await postAnswer(
      deps.poster,
      {
        channel: stored.channel,
        text: `<@${body.user.id}> shared: ${message.text}`,
        blocks: message.blocks as unknown as KnownBlock[],
      },
      action.value ?? '',
      deps.delivery,
      logger,
    ).catch(async (error: Error & { data?: { error?: string } }) => {
      logger.error('share failed', { error: error.message });
      const text =
        error.data?.error === 'not_in_channel' || error.data?.error === 'channel_not_found'
          ? 'I can’t post in this channel yet — invite me with `/invite @spark-or-pytorch`, then press Share again.'
          : APOLOGY;
      await tellPrivately(client, to, { replace_original: false, text });
      return undefined;
    });
    if (!posted) return;
    if (posted.ts) await saveAnswer(store, action.value ?? '', { ...stored, threadTs: posted.ts });
    await respond(body.response_url, { delete_original: true }).catch((error) => {
      logger.warn('could not remove the private answer after sharing it', { error: (error as Error).message });
    });
  });
}
