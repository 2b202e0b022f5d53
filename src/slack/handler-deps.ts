import type { webApi } from '@slack/bolt';
import type { DeliveryPolicy } from '../http/delivery-policy.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** What the Slack listeners are given: shared state, the log, delivery limits and a clock. */
export type HandlerDeps = {
  readonly store: Store;
  readonly logger: Logger;
  readonly delivery: DeliveryPolicy;
  /** posts answers: a Web API client that does not retry by itself (postAnswer does, safely) */
  readonly poster: webApi.WebClient;
  readonly now?: () => Date;
};
