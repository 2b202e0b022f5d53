import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** POSTs a body to the server signed the way Slack signs (v0 HMAC-SHA256 of v0:timestamp:body). */
export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...options.headers,
    },
  });
}

export const json = 'application/json';
export const form = 'application/x-www-form-urlencoded';

/** The variables that turn the Slack bot on in HTTP mode against a loopback Slack at `slackUrl`. */
export const slackEnv = (slackUrl: string) => ({
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: `${slackUrl}/api/`,
});
