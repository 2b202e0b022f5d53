import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { type Answers, ask, compare } from '../index.js';
import { logAnswer } from '../logger.js';
import {
  COMPARE_ACTION,
  renderComparisonBlocks,
  renderRecommendationBlocks,
  type SlackMessage,
  WHY_ACTION,
} from '../render/block-kit.js';
import { APOLOGY } from '../render/labels.js';
import { answerKey, type StoredAnswer, saveAnswer } from './answer-store.js';
import type { HandlerDeps } from './handler-deps.js';

export const EXPIRED = 'That answer has expired — ask again.';
type Click = BlockAction<ButtonAction | StaticSelectAction>;
type Respond = (url: string, message: object) => Promise<unknown>;

/** The answer a stored id stands for, as it was shown (or, for answers stored before that, as its facts give it). */
export const shownAnswer = (stored: StoredAnswer) => stored.recommendation ?? ask('', { context: stored.facts });

/** How a stored answer is drawn: a private answer keeps its question and its Share button. */
export function drawAnswer(stored: StoredAnswer, id: string, expanded: boolean): SlackMessage {
  const isPrivate = stored.threadTs === undefined && stored.responseUrl !== undefined;
  return renderRecommendationBlocks(shownAnswer(stored), id, {
    expanded,
    ...(isPrivate ? { share: true } : {}),
    ...(isPrivate && stored.question ? { question: stored.question } : {}),
  });
}

/**
 * The clicked message, replaced in place: chat.update for a message in a channel, thread or DM;
 * response_url (replace_original) for a private one, which has no ts to update. No old buttons stay.
 */
export async function updateInPlace(client: App['client'], body: Click, message: SlackMessage, respond: Respond) {
  const ts = body.message?.ts ?? body.container?.message_ts;
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (body.container?.is_ephemeral || !ts || !channel || !body.message)
    return void (await respond(body.response_url, { response_type: 'ephemeral', replace_original: true, ...message }));
  await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks as never });
}

/** The follow-up's id and the chosen option, from a select (`answerId|option`) or an older button. */
function chosenOf(action: ButtonAction | StaticSelectAction): { answerId: string; answers: Answers } | undefined {
  const [, followUp, buttonOption] = action.action_id.split(':');
  if (!followUp) return undefined;
  if (action.type === 'static_select') {
    const value = action.selected_option?.value ?? '';
    const cut = value.lastIndexOf('|');
    if (cut < 1) return undefined;
    return { answerId: value.slice(0, cut), answers: { [followUp]: value.slice(cut + 1) } };
  }
  return buttonOption ? { answerId: action.value ?? '', answers: { [followUp]: buttonOption } } : undefined;
}

/** Follow-up answers, "Why" and a comparison's details: each updates the message it was clicked on. */
export function registerAnswerActions(
  app: App,
  deps: HandlerDeps,
  respond: Respond,
  tellPrivately: (
    client: App['client'],
    to: { url: string; channel: string; user: string },
    message: object,
  ) => Promise<unknown>,
): void {
  const { store, logger } = deps;

  app.action<Click>(/^followup:/, async ({ ack, action, body, client }) => {
    await ack();
    const chosen = chosenOf(action);
    const stored = chosen ? await store.getJson<StoredAnswer>(answerKey(chosen.answerId)) : undefined;
    const to = { url: body.response_url, channel: stored?.channel ?? body.channel?.id ?? '', user: body.user.id };
    if (!stored || !chosen) return void (await tellPrivately(client, to, { replace_original: false, text: EXPIRED }));
    const id = randomUUID();
    try {
      const r = ask('', { context: stored.facts, answers: chosen.answers });
      const next: StoredAnswer = {
        ...stored,
        facts: r.facts,
        verdict: r.verdict,
        confidence: r.confidence,
        recommendation: r,
      };
      // remembered before it is shown, so its buttons work at once; a store that fails costs the
      // buttons their memory, never the answer
      await saveAnswer(store, id, next).catch((error: Error) => {
        logger.error('slack follow-up not remembered', { error: error.message });
      });
      await updateInPlace(client, body, drawAnswer(next, id, false), respond);
      logAnswer(logger, 'slack', r.verdict);
    } catch (error) {
      logger.error('follow-up failed', { error: (error as Error).message, user: body.user.id });
      await tellPrivately(client, to, { replace_original: false, text: APOLOGY });
    }
  });

  app.action<BlockAction<ButtonAction>>(/^why(:hide)?$/, async ({ ack, action, body, client }) => {
    await ack();
    const stored = await store.getJson<StoredAnswer>(answerKey(action.value ?? ''));
    const to = { url: body.response_url, channel: stored?.channel ?? body.channel?.id ?? '', user: body.user.id };
    if (!stored) return void (await tellPrivately(client, to, { replace_original: false, text: EXPIRED }));
    const message = drawAnswer(stored, action.value ?? '', action.action_id === WHY_ACTION);
    await updateInPlace(client, body, message, respond).catch(async (error: Error) => {
      logger.error('slack could not update the answer', { error: error.message });
      await tellPrivately(client, to, { replace_original: false, text: APOLOGY });
    });
  });

  app.action<BlockAction<StaticSelectAction>>(COMPARE_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const message = renderComparisonBlocks(compare(), action.selected_option?.value);
    await updateInPlace(client, body, message, respond).catch((error: Error) => {
      logger.error('slack could not update the comparison', { error: error.message });
    });
  });
}
