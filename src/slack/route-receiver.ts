import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, HTTPResponseAck, HTTPModuleFunctions as http, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';

/** Slack refuses request timestamps older than this, so a replay can only come within it. */
const REPLAY_WINDOW_SECONDS = 5 * 60;

/** Slack requests larger than this are refused with 413. */
export const SLACK_BODY_LIMIT = 1024 * 1024;

/**
 * A Bolt receiver that is one route of our own HTTP server: verifies Slack's signature (401 on a
 * bad signature or a stale timestamp), answers url_verification and ssl_check, and hands
 * everything else to Bolt, acknowledging within Slack's 3 seconds.
 */
export class RouteReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly logger: SlackLogger,
    /** true the first time a key is seen within the TTL (the shared store's claimOnce) */
    private readonly firstTime: (key: string, ttlSeconds: number) => Promise<boolean> = async () => true,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await http.parseAndVerifyHTTPRequest(
        { signingSecret: this.signingSecret, logger: this.logger, bodyLimit: SLACK_BODY_LIMIT },
        req,
      );
    } catch (error) {
      const tooLarge = http.isRawBodyError(error) && error.type === 'entity.too.large';
      return http.buildNoBodyResponse(res, tooLarge ? 413 : 401);
    }
    let body: Record<string, unknown>;
    try {
      body = http.parseHTTPRequestBody(buffered) as Record<string, unknown>;
      if (typeof body !== 'object' || body === null) throw new Error('not an object');
    } catch {
      return http.buildNoBodyResponse(res, 400);
    }
    if (body.ssl_check) return http.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    if (!this.app) return http.buildNoBodyResponse(res, 503);
    // a slash command carries no event id: a signed request replayed inside Slack's five-minute
    // window is recognised by its signature and acknowledged without being answered again
    const signature = req.headers['x-slack-signature'];
    if (typeof body.command === 'string' && typeof signature === 'string') {
      if (!(await this.firstTime(`slack:command:${signature}`, REPLAY_WINDOW_SECONDS))) {
        this.logger.info('replayed slash command ignored');
        return http.buildNoBodyResponse(res, 200);
      }
    }

    const ack = new HTTPResponseAck({
      logger: this.logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const retryNum = http.extractRetryNumFromHTTPRequest(req);
    const retryReason = http.extractRetryReasonFromHTTPRequest(req);
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
      customProperties: {},
    };
    try {
      await this.app.processEvent(event);
      if (ack.storedResponse !== undefined) http.buildContentResponse(res, ack.storedResponse);
    } catch (error) {
      const acked = await http.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acked) ack.ack();
    }
  }
}
