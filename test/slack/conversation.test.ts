import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotServer } from '../../src/server.js';
import { headlineWordAlone, startBotServer } from '../support/bot-server.js';
import { eventually, type FakeSlack, startFakeSlack } from './fake-slack.js';
import { envelope, mention } from './payloads.js';
import { json, postSigned, slackEnv } from './signed.js';

let slack: FakeSlack;
let server: BotServer;
let base: string;

beforeEach(async () => {
  slack = await startFakeSlack();
  ({ server, base } = await startBotServer(slackEnv(slack.url)));
});
afterEach(async () => {
  await server.close();
  await slack.close();
});

const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');
const header = (i: number) => (posts()[i]?.body.blocks as { text?: { text: string } }[])?.[0]?.text?.text ?? '';
const shown = (i: number) => JSON.stringify(posts()[i]?.body.blocks ?? posts()[i]?.body.text);
let seq = 0;
const dm = (text: string, extra: Record<string, unknown> = {}) =>
  postSigned(
    `${base}/slack/events`,
    envelope({ type: 'message', channel_type: 'im', user: 'U1', text, ts: `9.${++seq}`, channel: 'D1', ...extra }),
    json,
  );

describe('Slack conversations: a new question starts fresh, a refinement builds on the thread', () => {
  it('in a DM, an unrelated second question gets the verdict it gets asked alone', async () => {
    await dm('fine-tune a 7B model on 8 A100s, the corpus is 30 GB of text');
    await eventually(() => posts()[0]);
    const second = 'I have a 300 MB CSV and need a few pivot tables';
    await dm(second);
    await eventually(() => posts()[1]);
    expect(header(1)).toContain(headlineWordAlone(second));
    expect(shown(1)).not.toContain('Using from earlier');
  });

  it('in a DM, a message that only adds facts refines the last answer and says what it used', async () => {
    await dm('Should we use Spark or PyTorch?');
    await eventually(() => posts()[0]);
    expect(header(0)).toContain('Not enough');
    await dm("it's about 40 TB of logs");
    await eventually(() => posts()[1]);
    expect(shown(1)).toContain('Using from earlier');
    expect(shown(1)).toContain('Start over');
  });

  it('`new` drops the earlier facts: the next message is read alone', async () => {
    await dm('Should we use Spark or PyTorch?');
    await eventually(() => posts()[0]);
    await dm('new');
    await eventually(() => posts()[1]);
    expect(posts()[1]?.body.text).toContain('Starting fresh');
    await dm("it's about 40 TB of logs");
    await eventually(() => posts()[2]);
    expect(shown(2)).not.toContain('Using from earlier');
  });

  it('a reply in the bot’s channel thread always continues it, a new mention starts fresh', async () => {
    await postSigned(`${base}/slack/events`, envelope(mention('Spark or PyTorch?', '30.1')), json);
    await eventually(() => posts()[0]);
    const reply = {
      type: 'message',
      channel_type: 'channel',
      user: 'U1',
      text: 'about 2 GB of CSVs on my laptop, just a few group-bys',
      ts: '30.2',
      thread_ts: '30.1',
      channel: 'C1',
    };
    await postSigned(`${base}/slack/events`, envelope(reply), json);
    await eventually(() => posts()[1]);
    expect(header(1)).toContain('Neither');
    expect(shown(1)).toContain('Using from earlier');
    await postSigned(`${base}/slack/events`, envelope(mention('fine-tune a 7B model on 8 A100s', '31.1')), json);
    await eventually(() => posts()[2]);
    expect(header(2)).toContain('PyTorch');
    expect(shown(2)).not.toContain('Using from earlier');
  });

  it('a DM longer than any Slack message gets a short reply naming the limit, not an answer', async () => {
    await dm('We have 40 TB in HDFS. '.repeat(2700));
    await eventually(() => posts()[0]);
    expect(posts()[0]?.body.text).toMatch(/characters; I read up to 40k/);
    expect(posts()[0]?.body.blocks).toBeUndefined();
  });
});
