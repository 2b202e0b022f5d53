import type { Activity } from 'botframework-schema';
import type { Received } from './fake-connector.js';

let seq = 0;

/** A Teams channel message mentioning the bot, as Teams posts it, replying to `serviceUrl`. */
export function teamsActivity(serviceUrl: string, overrides: Record<string, unknown> = {}): Partial<Activity> {
  seq++;
  return {
    type: 'message',
    id: `act-${seq}`,
    timestamp: new Date().toISOString() as unknown as Date,
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:user-1', name: 'Ada', aadObjectId: 'aad-1' },
    conversation: { id: '19:conv-1@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'data' },
    recipient: { id: '28:bot-1', name: 'spark-or-pytorch' },
    text: '<at>spark-or-pytorch</at> We have 40 TB of clickstream in HDFS and need nightly joins',
    entities: [
      { type: 'mention', mentioned: { id: '28:bot-1', name: 'spark-or-pytorch' }, text: '<at>spark-or-pytorch</at>' },
    ],
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  };
}

/** POSTs an activity to the bot's /api/messages. */
export const postActivity = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

export type CardJson = {
  body?: {
    type?: string;
    id?: string;
    text?: string;
    choices?: { title: string; value: string }[];
    actions?: { data: Record<string, string> }[];
    items?: CardJson['body'];
  }[];
  actions?: { type: string; title: string; data: Record<string, string> }[];
};
export const cardOf = (r: Received) => (r.activity.attachments?.[0]?.content ?? {}) as CardJson;

/** The first text block of the card: what the user reads first. */
export const headline = (r: Received) => cardOf(r).body?.[0]?.text ?? '';
