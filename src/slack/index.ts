import { App, webApi } from '@slack/bolt';
import { z } from 'zod';
import { startCredentialCheck } from '../http/credential-check.js';
import type { Integration } from '../http/integration.js';
import { registerHandlers } from './handlers.js';
import { RouteReceiver } from './route-receiver.js';
import { toSlackLogger } from './slack-logger.js';

const SlackConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb-'),
    SLACK_SIGNING_SECRET: z.string().min(8).optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
      .optional(),
    SLACK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((c) => c.SLACK_APP_TOKEN !== undefined || c.SLACK_SIGNING_SECRET !== undefined, {
    path: ['SLACK_SIGNING_SECRET'],
    message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
  });
export type SlackConfig = z.infer<typeof SlackConfigSchema>;

/** Slack's auth.test: undefined when Slack accepts the bot token, or what to do about it. */
async function slackTokenProblem(client: InstanceType<typeof webApi.WebClient>): Promise<string | undefined> {
  try {
    await client.auth.test();
    return undefined;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    return code
      ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from OAuth & Permissions`
      : `Slack could not be reached to check the token: ${(error as Error).message}`;
  }
}

/** The Slack bot: HTTP mode at POST /slack/events, or Socket Mode when SLACK_APP_TOKEN is set. */
export const slackIntegration: Integration<SlackConfig> = {
  name: 'Slack',
  offReason: (env) =>
    env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN
      ? undefined
      : 'set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) to turn it on',
  configSchema: SlackConfigSchema,
  fixes: {
    SLACK_BOT_TOKEN: 'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
    SLACK_SIGNING_SECRET: 'copy the Signing Secret from Basic Information → App Credentials',
    SLACK_APP_TOKEN: 'create an app-level token with connections:write under Basic Information (xapp-…)',
    SLACK_API_URL: 'set a full URL such as https://slack.com/api/, or unset it',
  },
  async create(config, { store, logger, delivery }) {
    const slackLogger = toSlackLogger(logger);
    const clientOptions = {
      ...(config.SLACK_API_URL
        ? { slackApiUrl: config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/` }
        : {}),
      timeout: delivery.timeoutMs,
      retryConfig: {
        retries: delivery.retries,
        factor: 2,
        minTimeout: delivery.minBackoffMs,
        maxTimeout: delivery.maxBackoffMs,
      },
    };
    // answers go through a client without retries of its own: postAnswer retries only once the
    // thread shows a lost answer did not land, so a retry never posts it twice
    const poster = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
      ...clientOptions,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: slackLogger,
    });
    const credentials = startCredentialCheck({
      what: 'the Slack bot token (auth.test)',
      check: () => slackTokenProblem(poster),
      logger,
    });
    const appOptions = {
      token: config.SLACK_BOT_TOKEN,
      // Bolt would call auth.test at construction and crash the process on an unhandled rejection
      // when Slack refuses the token or cannot be reached; we check it ourselves (below) instead
      tokenVerificationEnabled: false,
      // thread state lives in our Store, shared by every replica; Bolt's own per-process
      // conversation store would only build a "not found" Error for every event
      convoStore: false as const,
      logger: slackLogger,
      clientOptions,
    };
    if (config.SLACK_APP_TOKEN) {
      const app = new App({ ...appOptions, appToken: config.SLACK_APP_TOKEN, socketMode: true });
      registerHandlers(app, { store, logger, delivery, poster });
      return {
        routes: [],
        description: 'Slack: Socket Mode',
        start: async () => {
          // a refused token or an unreachable Slack must not take the server down: /readyz says why
          await app.start().catch((error: Error) => {
            logger.error('Slack Socket Mode could not connect', { error: error.message });
            credentials.fail(`Slack Socket Mode could not connect: ${error.message}`);
          });
        },
        close: async () => {
          credentials.stop();
          await app.stop().catch(() => undefined);
        },
        notReady: credentials.notReady,
      };
    }
    const receiver = new RouteReceiver(config.SLACK_SIGNING_SECRET as string, slackLogger, (key, ttl) =>
      store.claimOnce(key, ttl),
    );
    const app = new App({ ...appOptions, receiver });
    registerHandlers(app, { store, logger, delivery, poster });
    return {
      routes: [{ method: 'POST', path: '/slack/events', handle: (req, res) => receiver.handle(req, res) }],
      description: 'Slack: HTTP mode at POST /slack/events',
      notReady: credentials.notReady,
      close: async () => credentials.stop(),
    };
  },
};
