import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
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

/**
 * Sends an Adaptive Card with its text summary. When the connector rejects the card, the user gets
 * a short plain-text apology instead and this resolves false; other failures propagate.
 */
export async function sendCard(context: TurnContext, { card, text }: CardMessage, logger: Logger): Promise<boolean> {
  try {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), text));
    return true;
  } catch (error) {
    const rejected = connectorErrorOf(error);
    if (!isCardRejection(rejected.status)) throw error;
    logger.warn('teams card rejected; sent a short text instead', rejected);
    await context.sendActivity(CARD_FALLBACK);
    return false;
  }
}
