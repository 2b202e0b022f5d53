import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import {
  ask,
  chatMemorySeconds,
  checkChatMessage,
  EMPTY_FACTS,
  type Facts,
  InputError,
  type Recommendation,
} from '../index.js';
import { logAnswer } from '../logger.js';
import { HELP_TEXT, renderRecommendationBlocks } from '../render/block-kit.js';
import { APOLOGY, isReset, RESET_DONE } from '../render/labels.js';
import { dmKey, saveAnswer, threadKey } from './answer-store.js';
import type { HandlerDeps } from './handler-deps.js';
import { homeView } from './home-view.js';
import { registerInteractions } from './interactions.js';
import { postAnswer } from './post-answer.js';

const EVENT_TTL_SECONDS = 3600;

/** `<@U123> text` → `text`. */
export const stripMentions = (text: string) =>
  text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** How a message relates to earlier facts: a thread reply always continues, a DM only when it adds facts. */
type Earlier = { readonly facts?: Facts; readonly follows: 'thread' | 'chat'; readonly rememberAs?: string };

const answerOrHelp = (text: string, earlier: Earlier): Recommendation | undefined =>
  text === '' || /^help\b/i.test(text)
    ? undefined
    : ask(text, earlier.facts ? { context: earlier.facts, follows: earlier.follows } : {});

/** Wires every Slack listener. Each failure becomes a short apology, never a stack trace. */
export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { store, logger } = deps;

  // Slack retries an event it thinks was not acknowledged: answer each event_id once, on any replica
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    // the event is acknowledged already and Slack will not send it again: when the store cannot say
    // whether it was handled, answer it (a rare duplicate) rather than lose it without a word
    const first = eventId
      ? await store.claimOnce(`slack:event:${eventId}`, EVENT_TTL_SECONDS).catch((error: Error) => {
          logger.warn('slack event dedupe unavailable: answering anyway', { eventId, error: error.message });
          return true;
        })
      : true;
    if (!first) {
      logger.info('duplicate slack event ignored', { eventId });
      return;
    }
    await next();
  });

  const rememberAnswer = async (
    id: string,
    r: Recommendation,
    channel: string,
    threadTs: string | undefined,
    rememberAs: string | undefined,
  ) => {
    await saveAnswer(store, id, {
      facts: r.facts,
      verdict: r.verdict,
      confidence: r.confidence,
      channel,
      ...(threadTs ? { threadTs } : {}),
      recommendation: r,
    });
    if (rememberAs) await store.setJson(rememberAs, r.facts, chatMemorySeconds());
  };

  /** A thread's or a DM's facts; when the store is down, none (the question is answered on its own). */
  const readFacts = (key: string) =>
    store.getJson<Facts>(key).catch((error: Error) => {
      logger.warn('slack earlier facts unavailable: answering without them', { error: error.message });
      return undefined;
    });

  /** Every message goes out through postAnswer: once, never twice, whatever the network does. */
  const post = (message: Parameters<typeof postAnswer>[1]) =>
    postAnswer(deps.poster, message, randomUUID(), deps.delivery, logger);
  const reply = async (channel: string, threadTs: string | undefined, text: string, earlier: Earlier) => {
    const where = { channel, ...(threadTs ? { thread_ts: threadTs } : {}) };
    try {
      if (isReset(text)) {
        // a thread's facts, or a DM's memory: dropped, so the next question starts fresh
        const key = earlier.rememberAs ?? (threadTs ? threadKey(channel, threadTs) : undefined);
        if (key) await store.setJson(key, EMPTY_FACTS, chatMemorySeconds());
        await post({ ...where, text: RESET_DONE });
        return;
      }
      const r = answerOrHelp(checkChatMessage(text), earlier);
      if (!r) {
        await post({ ...where, text: HELP_TEXT, mrkdwn: true });
        return;
      }
      const id = randomUUID();
      await postAnswer(deps.poster, { ...where, ...renderRecommendationBlocks(r, id) }, id, deps.delivery, logger);
      // the answer is out: a store that fails now costs the thread its memory, never an apology
      await rememberAnswer(id, r, channel, threadTs, earlier.rememberAs).catch((error: Error) => {
        logger.error('slack answer posted but not remembered', { error: error.message });
      });
      logAnswer(logger, 'slack', r.verdict);
    } catch (error) {
      // the answer could not be delivered (or made): say so in a short plain message, which Slack
      // accepts even when it refused the full answer; when Slack takes nothing, the log says so
      const text = error instanceof InputError ? error.message : APOLOGY;
      if (!(error instanceof InputError)) logger.error('slack answer failed', { error: (error as Error).message });
      await post({ ...where, text }).catch((e: Error) => {
        logger.error('slack answer undeliverable: the apology failed too', { error: e.message });
      });
    }
  };

  app.event('app_mention', async ({ event }) => {
    const threadTs = event.thread_ts ?? event.ts;
    const facts = event.thread_ts ? await readFacts(threadKey(event.channel, event.thread_ts)) : undefined;
    await reply(event.channel, threadTs, stripMentions(event.text ?? ''), {
      follows: 'thread',
      ...(facts ? { facts } : {}),
    });
  });

  app.message(async ({ message, context }) => {
    if (message.subtype !== undefined || 'bot_id' in message) return; // edits, deletions, bots (ourselves included)
    const text = 'text' in message ? (message.text ?? '') : '';
    if (context.botUserId && text.includes(`<@${context.botUserId}>`)) return; // app_mention answers it
    const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
    if (message.channel_type === 'im') {
      if (threadTs) {
        const facts = await readFacts(threadKey(message.channel, threadTs));
        await reply(message.channel, threadTs, stripMentions(text), { follows: 'thread', ...(facts ? { facts } : {}) });
        return;
      }
      // a new DM message: the DM's memory applies only if this message just adds facts to it
      const rememberAs = dmKey(message.channel);
      const facts = await readFacts(rememberAs);
      await reply(message.channel, message.ts, stripMentions(text), {
        follows: 'chat',
        rememberAs,
        ...(facts ? { facts } : {}),
      });
      return;
    }
    if (!threadTs) return;
    const facts = await readFacts(threadKey(message.channel, threadTs));
    if (facts) await reply(message.channel, threadTs, stripMentions(text), { follows: 'thread', facts }); // only threads we answered
  });

  registerInteractions(app, deps);

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView() });
  });

  app.error(async (error) => {
    logger.error('slack error', { error: error.message, code: (error as { code?: string }).code });
  });
}
