import { type Activity, CardFactory, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { CardMessage } from '../render/adaptive-card.js';

export const CARD_FALLBACK = "Sorry — I couldn't deliver the answer card. Please try again.";

/** The HTTP status and error code on a connector error (botbuilder's RestError), if it has them. */
export function connectorErrorOf(error: unknown): { status?: number; code?: string } {
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  return {
    ...(typeof statusCode === 'number' ? { status: statusCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/**
 * A 4xx about the card itself (400 BadArgument, 413 too large, 415, 422). Not 401/403/404 (a text
 * would fail the same way) nor 408/429 (those are retried by the transport).
 */
export function isCardRejection(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && ![401, 403, 404, 408, 429].includes(status);
}

/** The card alone: its one line goes in `summary` (notifications, the chat list), not in a second text bubble. */
const cardActivity = ({ card, text }: CardMessage): Partial<Activity> => ({
  type: 'message',
  summary: text,
  attachments: [CardFactory.adaptiveCard(card)],
});

/**
 * Sends an Adaptive Card, or with `replaces` puts it in place of the card with that activity id
 * (updateActivity), so the old card's buttons are gone. When the connector will not update that
 * card (it is gone, or too old), a new card is sent. When the connector rejects the card itself,
 * the user gets a short plain-text apology instead and this resolves false; other failures propagate.
 */
export async function sendCard(
  context: TurnContext,
  message: CardMessage,
  logger: Logger,
  replaces?: string,
): Promise<boolean> {
  try {
    if (replaces) {
      const updated = await context.updateActivity({ ...cardActivity(message), id: replaces }).then(
        () => true,
        (error: unknown) => {
          const refused = connectorErrorOf(error);
          if (!isCardRejection(refused.status) && refused.status !== 404) throw error;
          logger.warn('teams card not updated in place; sending it anew', refused);
          return false;
        },
      );
      if (updated) return true;
    }
    await context.sendActivity(cardActivity(message));
    return true;
  } catch (error) {
    const rejected = connectorErrorOf(error);
    if (!isCardRejection(rejected.status)) throw error;
    logger.warn('teams card rejected; sent a short text instead', rejected);
    await context.sendActivity(CARD_FALLBACK);
    return false;
  }
}
