import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { DeliveryPolicy } from './delivery-policy.js';

/** One route the bot server mounts. The handler owns the response (status, headers, body). */
export type Route = {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
};

export type IntegrationDeps = {
  readonly store: Store;
  readonly logger: Logger;
  /** timeouts and retries for calls to the platform APIs (tests shorten them) */
  readonly delivery: DeliveryPolicy;
};

export type StartedIntegration = {
  readonly routes: readonly Route[];
  /** extra work for start-up (e.g. Socket Mode connects) and shutdown */
  start?(): Promise<void>;
  close?(): Promise<void>;
  /** a line for the start-up log: "Slack: HTTP mode at /slack/events" */
  readonly description: string;
  /** why it cannot serve yet (credentials rejected, platform unreachable), or undefined when it can: /readyz */
  notReady?(): string | undefined;
};

/**
 * A front end the server can host (Slack, Teams). It reads its own variables from the
 * environment with a zod schema; `enabled` decides from the raw environment whether it is on.
 */
export type Integration<C> = {
  readonly name: string;
  /** why it is off, or undefined when the environment turns it on */
  offReason(env: NodeJS.ProcessEnv): string | undefined;
  readonly configSchema: z.ZodType<C>;
  /** how to fix each variable, keyed by variable name, for start-up messages */
  readonly fixes: Readonly<Record<string, string>>;
  create(config: C, deps: IntegrationDeps): Promise<StartedIntegration>;
};
