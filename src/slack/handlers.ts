import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { ask, compare, InputError, type Recommendation } from '../index.js';
import type { Logger } from '../logger.js';
import { HELP_TEXT, renderComparisonBlocks, renderRecommendationBlocks } from '../render/block-kit.js';
import type { Store } from '../store/store.js';
import { answerKey, type StoredAnswer, saveAnswer, threadKey } from './answer-store.js';
import { homeView } from './home-view.js';

export type HandlerDeps = { readonly store: Store; readonly logger: Logger; readonly now?: () => Date };
const APOLOGY = 'Sorry — something went wrong while answering. Please try again in a minute.';
const EVENT_TTL_SECONDS = 3600;

/** `<@U123> text` → `text`. */
export const stripMentions = (text: string) =>
  text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const answerOrHelp = (text: string, context?: Recommendation['facts']): Recommendation | undefined =>
  text === '' || /^help\b/i.test(text) ? undefined : ask(text, context ? { context } : {});

/** Wires every Slack listener. Each failure becomes a short apology, never a stack trace. */
export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { store, logger } = deps;
  const now = deps.now ?? (() => new Date());

  // Slack retries an event it thinks was not acknowledged: answer each event_id once, on any replica
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await store.claimOnce(`slack:event:${eventId}`, EVENT_TTL_SECONDS))) {
      logger.info('duplicate slack event ignored', { eventId });
      return;
    }
    await next();
  });

  const reply = async (
    client: App['client'],
    channel: string,
    threadTs: string | undefined,
    text: string,
    context?: Recommendation['facts'],
  ) => {
    try {
      const r = answerOrHelp(text, context);
      if (!r) {
        await client.chat.postMessage({
          channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          text: HELP_TEXT,
          mrkdwn: true,
        });
        return;
      }
      const id = randomUUID();
      const message = renderRecommendationBlocks(r, id);
      await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...message });
      await saveAnswer(store, id, {
        facts: r.facts,
        verdict: r.verdict,
        confidence: r.confidence,
        channel,
        ...(threadTs ? { threadTs } : {}),
      });
      logger.info('answered', { platform: 'slack', verdict: r.verdict });
    } catch (error) {
      const text = error instanceof InputError ? error.message : APOLOGY;
      if (!(error instanceof InputError)) logger.error('slack answer failed', { error: (error as Error).message });
      await client.chat
        .postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), text })
        .catch(() => undefined);
    }
  };

  app.event('app_mention', async ({ event, client }) => {
    const threadTs = event.thread_ts ?? event.ts;
    const context = event.thread_ts
      ? await store.getJson<Recommendation['facts']>(threadKey(event.channel, event.thread_ts))
      : undefined;
    await reply(client, event.channel, threadTs, stripMentions(event.text ?? ''), context);
  });

  app.message(async ({ message, context, client }) => {
    if (message.subtype !== undefined || 'bot_id' in message) return; // edits, deletions, bots (ourselves included)
    const text = 'text' in message ? (message.text ?? '') : '';
    if (context.botUserId && text.includes(`<@${context.botUserId}>`)) return; // app_mention answers it
    const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
    if (message.channel_type === 'im') {
      const earlier = threadTs
        ? await store.getJson<Recommendation['facts']>(threadKey(message.channel, threadTs))
        : undefined;
      await reply(client, message.channel, threadTs ?? message.ts, stripMentions(text), earlier);
      return;
    }
    if (!threadTs) return;
    const earlier = await store.getJson<Recommendation['facts']>(threadKey(message.channel, threadTs));
    if (earlier) await reply(client, message.channel, threadTs, stripMentions(text), earlier); // only threads we answered
  });

  app.command('/spark-or-pytorch', async ({ command, ack, respond }) => {
    await ack();
    const text = command.text.trim();
    try {
      if (text === '' || /^help$/i.test(text))
        return void (await respond({ response_type: 'ephemeral', text: HELP_TEXT }));
      const compareMatch = /^compare(?:\s+(.+))?$/i.exec(text);
      if (compareMatch)
        return void (await respond({
          response_type: 'ephemeral',
          ...renderComparisonBlocks(compare(compareMatch[1])),
        }));
      const r = ask(text);
      const id = randomUUID();
      const message = renderRecommendationBlocks(r, id, text);
      message.blocks.splice(-1, 0, {
        type: 'actions',
        block_id: 'share',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Share in channel' }, action_id: 'share', value: id },
        ],
      });
      await saveAnswer(store, id, {
        facts: r.facts,
        verdict: r.verdict,
        confidence: r.confidence,
        channel: command.channel_id,
        responseUrl: command.response_url,
      });
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      if (!(error instanceof InputError)) logger.error('slash command failed', { error: (error as Error).message });
      await respond({ response_type: 'ephemeral', text: error instanceof InputError ? error.message : APOLOGY });
    }
  });

  app.action<BlockAction<ButtonAction>>(/^followup:/, async ({ ack, action, body, client, respond }) => {
    await ack();
    const [, followUp, option] = action.action_id.split(':');
    const stored = await store.getJson<StoredAnswer>(answerKey(action.value ?? ''));
    if (!stored || !followUp || !option)
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That answer has expired — ask again.',
      }));
    try {
      const r = ask('', { context: stored.facts, answers: { [followUp]: option } });
      const id = randomUUID();
      const message = renderRecommendationBlocks(r, id);
      if (stored.threadTs)
        await client.chat.postMessage({ channel: stored.channel, thread_ts: stored.threadTs, ...message });
      else await respond({ response_type: 'ephemeral', replace_original: true, ...message });
      await saveAnswer(store, id, { ...stored, facts: r.facts, verdict: r.verdict, confidence: r.confidence });
    } catch (error) {
      logger.error('follow-up failed', { error: (error as Error).message, user: body.user.id });
      await respond({ response_type: 'ephemeral', replace_original: false, text: APOLOGY });
    }
  });

  app.action<BlockAction<ButtonAction>>(/^feedback:/, async ({ ack, action, body, respond }) => {
    await ack();
    const stored = await store.getJson<StoredAnswer>(answerKey(action.value ?? ''));
    const vote = action.action_id === 'feedback:up' ? 'up' : 'down';
    await store.addFeedback({
      platform: 'slack',
      answerId: action.value ?? '',
      vote,
      verdict: stored?.verdict ?? 'unknown',
      confidence: stored?.confidence ?? 0,
      signals: [...new Set(stored?.facts.facts.map((f) => f.signal) ?? [])],
      user: body.user.id,
      at: now().toISOString(),
    });
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: vote === 'up' ? 'Thanks — noted 👍' : 'Thanks — noted 👎. Reply in the thread with what was missing.',
    });
  });

  app.action<BlockAction<ButtonAction>>('share', async ({ ack, action, body, client, respond }) => {
    await ack();
    const stored = await store.getJson<StoredAnswer>(answerKey(action.value ?? ''));
    if (!stored)
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That answer has expired — ask again.',
      }));
    const r = ask('', { context: stored.facts });
    const message = renderRecommendationBlocks(r, action.value ?? '');
    const posted = await client.chat.postMessage({
      channel: stored.channel,
      text: `<@${body.user.id}> shared: ${message.text}`,
      blocks: message.blocks as unknown as KnownBlock[],
    });
    if (posted.ts) await saveAnswer(store, action.value ?? '', { ...stored, threadTs: posted.ts });
    await respond({ delete_original: true });
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView() });
  });

  app.error(async (error) => {
    logger.error('slack error', { error: error.message, code: (error as { code?: string }).code });
  });
}
