import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { startCredentialCheck } from '../http/credential-check.js';
import type { Integration } from '../http/integration.js';
import { createConnectorHttpClient } from './connector-http-client.js';
import { BodyError, readActivityBody } from './http-bridge.js';
import { SparkOrPytorchBot } from './spark-or-pytorch-bot.js';
import { createTurnErrorHandler } from './turn-error.js';
import { withinTurn } from './within-turn.js';

const TeamsConfigSchema = z.object({
  MICROSOFT_APP_ID: z.guid("must be the bot registration's app (client) id, a GUID").optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['true', 'false']).optional(),
  MICROSOFT_LOGIN_URL: z
    .url()
    .refine((u) => u.startsWith('https://') || isLoopbackUrl(u), 'must be an https URL (http only on loopback)')
    .optional(),
});
export type TeamsConfig = z.infer<typeof TeamsConfigSchema>;

/** Loopback hosts only: an unauthenticated caller must never choose where the bot sends replies. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** CloudAdapter with its activity processing reachable without process()'s stderr stack traces. */
class QuietCloudAdapter extends CloudAdapter {
  processAuthorized(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** Where app credentials are exchanged for a token, as botbuilder does it (public cloud by default). */
const DEFAULT_LOGIN_URL = 'https://login.microsoftonline.com';
const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

/**
 * The client-credentials exchange botbuilder will make before its first reply: undefined when
 * Microsoft Entra issues a token for the app id and password, or what to fix.
 */
async function teamsCredentialProblem(config: TeamsConfig, tenant: string): Promise<string | undefined> {
  const login = (config.MICROSOFT_LOGIN_URL ?? DEFAULT_LOGIN_URL).replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${login}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: config.MICROSOFT_APP_ID ?? '',
        client_secret: config.MICROSOFT_APP_PASSWORD ?? '',
        scope: BOT_FRAMEWORK_SCOPE,
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return `Microsoft Entra (${new URL(login).host}) could not be reached to check the app credentials: ${cause ?? (error as Error).message}`;
  }
  if (res.ok) return undefined;
  const body = (await res.json().catch(() => ({}))) as { error?: string; error_description?: string };
  const detail = body.error_description?.split(/\r?\n/)[0]?.slice(0, 160);
  return `Microsoft Entra refused MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD (${body.error ?? `HTTP ${res.status}`}${detail ? `: ${detail}` : ''}): copy the app id and a current client secret from the Azure Bot resource`;
}

const UNAUTHORIZED = 'unauthorized: the request needs a valid Bot Framework token';
const GENERIC_ERROR = 'the bot could not handle this activity; see the server log (request id in x-request-id)';

/** The Bot Framework sends times as strings; botbuilder's turn logic expects Dates, as its own process() makes them. */
function withDates(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = body[field];
    if (typeof value === 'string') {
      out[raw] = value;
      out[field] = new Date(value);
    }
  }
  return out;
}

function send(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
}

/** The Teams bot at POST /api/messages (botbuilder stays inside src/teams). */
export const teamsIntegration: Integration<TeamsConfig> = {
  name: 'Teams',
  offReason: (env) =>
    env.MICROSOFT_APP_ID || env.TEAMS_ALLOW_UNAUTHENTICATED === 'true'
      ? undefined
      : 'set MICROSOFT_APP_ID (and its password or managed identity) to turn it on, or TEAMS_ALLOW_UNAUTHENTICATED=true for local testing',
  configSchema: TeamsConfigSchema,
  fixes: {
    MICROSOFT_APP_ID: 'copy the Microsoft App ID from the Azure Bot resource → Configuration',
    MICROSOFT_APP_TYPE: 'use MultiTenant, SingleTenant or UserAssignedMSI, as registered',
    TEAMS_ALLOW_UNAUTHENTICATED: 'use true or false',
    MICROSOFT_LOGIN_URL:
      'unset it for the public cloud, or set the Entra login host, e.g. https://login.microsoftonline.us',
  },
  async create(config, { store, logger, delivery }) {
    const unauthenticated = !config.MICROSOFT_APP_ID;
    if (unauthenticated)
      logger.warn(
        'Teams: TEAMS_ALLOW_UNAUTHENTICATED=true — requests are not authenticated; replies go to loopback service URLs only',
      );
    const appType = config.MICROSOFT_APP_TYPE ?? (config.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant');
    const tenant = appType === 'SingleTenant' ? (config.MICROSOFT_APP_TENANT_ID ?? '') : 'botframework.com';
    // an app id and password are checked now, as botbuilder would use them: a refused secret is
    // a reason on /readyz and one log line, not a failure at the first reply (managed identities are not checked)
    const credentials =
      !unauthenticated && config.MICROSOFT_APP_PASSWORD && appType !== 'UserAssignedMSI'
        ? startCredentialCheck({
            what: 'the Teams app credentials (Microsoft Entra token)',
            check: () => teamsCredentialProblem(config, tenant),
            logger,
          })
        : undefined;
    const auth = new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
        MicrosoftAppType: appType,
        ...(config.MICROSOFT_LOGIN_URL
          ? { ToChannelFromBotLoginUrl: `${config.MICROSOFT_LOGIN_URL.replace(/\/+$/, '')}/${tenant}` }
          : {}),
      },
      undefined,
      undefined,
      undefined,
      // replies go through our transport: every attempt timed out, retries bounded by `delivery`
      { httpClient: createConnectorHttpClient(withinTurn(delivery), logger) },
    );
    const adapter = new QuietCloudAdapter(auth);
    adapter.onTurnError = createTurnErrorHandler(logger);
    const bot = new SparkOrPytorchBot(store, logger);
    const handle = async (req: IncomingMessage, res: ServerResponse) => {
      let body: Record<string, unknown>;
      try {
        body = await readActivityBody(req);
      } catch (error) {
        if (error instanceof BodyError) return send(res, error.status, error.message);
        throw error;
      }
      if (unauthenticated && !isLoopbackUrl(String(body.serviceUrl ?? ''))) {
        logger.warn('Teams: refused an unauthenticated activity whose serviceUrl is not loopback');
        return send(res, 403, 'unauthenticated mode replies only to loopback service URLs');
      }
      // processActivity rather than process(): botbuilder's process() prints every refused request
      // to stderr as a stack trace and answers with its internals; we log one line and say little
      try {
        const invoke = await adapter.processAuthorized(
          String(req.headers.authorization ?? ''),
          withDates(body) as unknown as Activity,
          (context) => bot.run(context),
        );
        if (invoke?.body === undefined) res.writeHead(invoke?.status ?? 200).end();
        else res.writeHead(invoke.status, { 'content-type': 'application/json' }).end(JSON.stringify(invoke.body));
      } catch (error) {
        const unauthorized = (error as { statusCode?: number }).statusCode === 401;
        const status = unauthorized ? 401 : 500;
        logger.warn('Teams: activity refused', { status, detail: String((error as Error).message).slice(0, 200) });
        send(res, status, unauthorized ? UNAUTHORIZED : GENERIC_ERROR);
      }
    };
    return {
      routes: [{ method: 'POST', path: '/api/messages', handle }],
      description: unauthenticated
        ? 'Teams: /api/messages (UNAUTHENTICATED, loopback replies only)'
        : 'Teams: /api/messages (authenticated)',
      notReady: () => credentials?.notReady(),
      close: async () => credentials?.stop(),
    };
  },
};
