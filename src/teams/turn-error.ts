import type { TurnContext } from 'botbuilder';
import { DeliveryError } from '../http/delivery-policy.js';
import type { Logger } from '../logger.js';
import { APOLOGY } from '../render/labels.js';
import { connectorErrorOf } from './send-card.js';

/** A failure in words fit for a log line: a connector error's status and code, never its body or request. */
function describeFailure(error: unknown): Record<string, unknown> {
  const connector = connectorErrorOf(error);
  if (connector.status !== undefined) return connector;
  return { error: error instanceof Error ? error.message : String(error) };
}

/**
 * The Teams front end's one error exit. A connector that stayed unreachable or failing through
 * every retry gets one error line and nothing more (an apology would meet the same fate); any
 * other failure is logged and the user gets a short apology if it can still be delivered.
 */
export function createTurnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    if (error instanceof DeliveryError) {
      logger.error('teams answer undeliverable', { reason: error.message });
      return;
    }
    logger.error('teams turn failed', describeFailure(error));
    try {
      await context.sendActivity(APOLOGY);
    } catch (apologyError) {
      logger.warn('teams apology undeliverable', describeFailure(apologyError));
    }
  };
}
