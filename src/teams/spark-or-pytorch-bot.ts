import { randomUUID } from 'node:crypto';
import { TeamsActivityHandler, TurnContext } from 'botbuilder';
import {
  type Answers,
  ask,
  chatMemorySeconds,
  checkChatMessage,
  compare,
  EMPTY_FACTS,
  type Facts,
  InputError,
  type Recommendation,
} from '../index.js';
import { type Logger, logAnswer } from '../logger.js';
import {
  followUpInputId,
  renderComparisonCard,
  renderRecommendationCard,
  TEAMS_HELP,
} from '../render/adaptive-card.js';
import { isReset, RESET_DONE, VOTE_NOT_SAVED } from '../render/labels.js';
import type { Store, VoteOutcome } from '../store/store.js';
import { sendCard } from './send-card.js';

/** How long an answer's buttons stay usable. */
const TTL_SECONDS = 7 * 24 * 3600;
type StoredAnswer = { facts: Facts; verdict: string; confidence: number };
type SubmitData = { kind?: string; answerId?: string; followUp?: string; option?: string; vote?: string } & Record<
  string,
  unknown
>;
const CHOOSE_FIRST = 'Choose an answer to at least one question, then press Answer.';

/** What a submitted card chose: one value per follow-up drop-down, or (older cards) one button's option. */
function answersOf(data: SubmitData): Answers {
  const prefix = followUpInputId('');
  const chosen = Object.entries(data).flatMap(([key, value]): [string, string][] =>
    key.startsWith(prefix) && typeof value === 'string' && value !== '' ? [[key.slice(prefix.length), value]] : [],
  );
  if (data.followUp && data.option) chosen.push([data.followUp, data.option]);
  return Object.fromEntries(chosen);
}

/** The Teams bot: answers as Adaptive Cards, remembers each conversation's facts, stores votes. */
export class SparkOrPytorchBot extends TeamsActivityHandler {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.onMessage(async (context, next) => {
      const data = context.activity.value as SubmitData | undefined;
      if (data && typeof data === 'object' && data.kind) await this.onSubmit(context, data);
      else await this.onText(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === bot)) {
        const key = `teams:welcomed:${context.activity.conversation.id}`;
        if (await this.store.claimOnce(key, 365 * 24 * 3600)) {
          await context.sendActivity(
            `Hi! I answer "Spark or PyTorch?" with a verdict, reasons and sources. ${TEAMS_HELP}`,
          );
        }
      }
      await next();
    });
  }

  private conversationKey(context: TurnContext) {
    return `teams:conversation:${context.activity.conversation.id}`;
  }

  /** Sends the answer's card, or puts it in place of the card `replaces` names. */
  private async sendAnswer(context: TurnContext, r: Recommendation, replaces?: string) {
    const id = randomUUID();
    // a card the connector rejected has no buttons to come back from: nothing to remember
    if (!(await sendCard(context, renderRecommendationCard(r, id), this.logger, replaces))) return;
    const stored: StoredAnswer = { facts: r.facts, verdict: r.verdict, confidence: r.confidence };
    // the card is out: a store that fails now costs the chat its memory, never an apology
    try {
      await this.store.setJson(`teams:answer:${id}`, stored, TTL_SECONDS);
      await this.store.setJson(this.conversationKey(context), r.facts, chatMemorySeconds());
    } catch (error) {
      this.logger.error('teams answer sent but not remembered', { error: (error as Error).message });
    }
    logAnswer(this.logger, 'teams', r.verdict);
  }

  private async onText(context: TurnContext) {
    const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    try {
      if (text === '' || /^help$/i.test(text)) return void (await context.sendActivity(TEAMS_HELP));
      if (isReset(text)) return void (await this.reset(context));
      const compareMatch = /^compare(?:\s+(.+))?$/i.exec(text);
      if (compareMatch) {
        return void (await sendCard(context, renderComparisonCard(compare(compareMatch[1])), this.logger));
      }
      // a reply in a channel thread continues it; in a chat, only a message that just adds facts does
      // a store that is down costs the chat its memory, never the answer
      const earlier = await this.store.getJson<Facts>(this.conversationKey(context)).catch((error: Error) => {
        this.logger.warn('teams conversation memory unavailable; answering without it', { error: error.message });
        return undefined;
      });
      const follows = this.isChannelThread(context) ? 'thread' : 'chat';
      await this.sendAnswer(context, ask(checkChatMessage(text), earlier ? { context: earlier, follows } : {}));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      await context.sendActivity(error.message);
    }
  }

  /** A channel conversation's id names the thread (";messageid="); chats (personal, group) do not. */
  private isChannelThread(context: TurnContext): boolean {
    const c = context.activity.conversation;
    return c.conversationType === 'channel' && c.id.includes(';messageid=');
  }

  private async reset(context: TurnContext) {
    await this.store.setJson(this.conversationKey(context), EMPTY_FACTS, chatMemorySeconds());
    await context.sendActivity(RESET_DONE);
  }

  private async onSubmit(context: TurnContext, data: SubmitData) {
    if (data.kind === 'reset') return void (await this.reset(context));
    const stored = await this.store.getJson<StoredAnswer>(`teams:answer:${data.answerId ?? ''}`);
    if (!stored) return void (await context.sendActivity('That answer has expired — ask again.'));
    if (data.kind === 'followup') {
      const answers = answersOf(data);
      if (Object.keys(answers).length === 0) return void (await context.sendActivity(CHOOSE_FIRST));
      // the conversation's latest facts, so answers on several cards add up; the answered card is
      // replaced by the new answer, so no stale buttons remain
      const latest = (await this.store.getJson<Facts>(this.conversationKey(context))) ?? stored.facts;
      await this.sendAnswer(context, ask('', { context: latest, answers }), context.activity.replyToId);
      return;
    }
    if (data.kind === 'feedback' && (data.vote === 'up' || data.vote === 'down')) {
      const user = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown';
      // one vote per user per answer, the latest wins, thanked once; a vote the store cannot take
      // is not lost without a word
      let outcome: VoteOutcome;
      try {
        outcome = await this.store.addFeedback({
          platform: 'teams',
          answerId: data.answerId ?? '',
          vote: data.vote,
          verdict: stored.verdict,
          confidence: stored.confidence,
          signals: [...new Set(stored.facts.facts.map((f) => f.signal))],
          user,
          at: this.now().toISOString(),
        });
      } catch (error) {
        this.logger.error('teams vote not stored', { error: (error as Error).message });
        await context.sendActivity(VOTE_NOT_SAVED);
        return;
      }
      if (outcome === 'unchanged') return;
      await context.sendActivity(
        data.vote === 'up' ? 'Thanks — noted 👍' : 'Thanks — noted 👎. Tell me what was missing.',
      );
    }
  }
}
