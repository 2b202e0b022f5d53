import type { GenericMessageEvent } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { eventually, type FakeSlack, startFakeSlack } from './fake-slack.js';
import { buttonClick, envelope, mention, selectChoice, slashCommand } from './payloads.js';

type Option = { text: { type: string; text: string }; value: string };
type Element = { action_id: string; value?: string; text?: { text: string }; options?: Option[] };
type Block = { type: string; elements?: Element[]; accessory?: Element };
const QUESTION_BOTH = 'score our 2B-row Hive table with a trained PyTorch model every night';

import { form, json, postSigned, slackEnv } from './signed.js';

let slack: FakeSlack;
let server: BotServer;
let store: Store;
let base: string;
let logger: ReturnType<typeof createMemoryLogger>;

beforeEach(async () => {
  slack = await startFakeSlack();
  store = createMemoryStore();
  logger = createMemoryLogger();
  server = await startServer({
    env: slackEnv(slack.url),
    logger,
    store,
    port: 0,
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
  await slack.close();
});

const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');
const headerOf = (call: { body: Record<string, unknown> }) =>
  (call.body.blocks as { text?: { text: string } }[])[0]?.text?.text ?? '';

describe('Slack over real HTTP, signed like Slack', () => {
  it('answers a mention in a thread, and refines it when someone replies in the thread', async () => {
    const res = await postSigned(`${base}/slack/events`, envelope(mention('Should we use Spark or PyTorch?')), json);
    expect(res.status).toBe(200);
    const first = await eventually(() => posts()[0]);
    expect(first.body.thread_ts).toBe('1700000001.000100');
    expect(headerOf(first)).toContain('Not enough to go on yet');
    expect(typeof first.body.text).toBe('string');

    const replyEvent = {
      type: 'message',
      channel_type: 'channel',
      user: 'U1',
      text: 'about 40 TB of logs in HDFS, nightly joins',
      ts: '1700000002.000100',
      thread_ts: '1700000001.000100',
      channel: 'C1',
      event_ts: '1700000002.000100',
    } as GenericMessageEvent;
    await postSigned(`${base}/slack/events`, envelope(replyEvent), json);
    const second = await eventually(() => posts()[1]);
    expect(second.body.thread_ts).toBe('1700000001.000100');
    expect(headerOf(second)).toContain('Spark');
  });

  it('a retried event (same event_id) is answered once', async () => {
    const body = envelope(mention('40 TB in HDFS, nightly joins'), 'EvRetry');
    await postSigned(`${base}/slack/events`, body, json);
    await eventually(() => posts()[0]);
    const retry = await postSigned(`${base}/slack/events`, body, json, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts()).toHaveLength(1);
  });

  it('ignores its own messages, edits, and channel messages that also arrive as mentions', async () => {
    await postSigned(
      `${base}/slack/events`,
      envelope({ type: 'message', subtype: 'bot_message', bot_id: 'BBOT', text: 'hi', ts: '1.1', channel: 'C1' }),
      json,
    );
    await postSigned(
      `${base}/slack/events`,
      envelope({ type: 'message', subtype: 'message_changed', channel: 'C1', ts: '1.2' }),
      json,
    );
    await postSigned(
      `${base}/slack/events`,
      envelope({
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        text: '<@UBOT> 40 TB joins',
        ts: '1.3',
        channel: 'C1',
      }),
      json,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(posts()).toHaveLength(0);
  });

  it('answers a DM without a mention', async () => {
    await postSigned(
      `${base}/slack/events`,
      envelope({
        type: 'message',
        channel_type: 'im',
        user: 'U1',
        text: 'we have 2 GB of CSVs and need aggregations',
        ts: '1.4',
        channel: 'D1',
      }),
      json,
    );
    const post = await eventually(() => posts()[0]);
    expect(post.body.channel).toBe('D1');
    expect(headerOf(post)).toContain('Neither');
  });

  it('acknowledges a slash command at once and answers privately through response_url, with Share in channel', async () => {
    const body = slashCommand(
      'score our 2B-row Hive table with a trained PyTorch model every night',
      `${slack.url}/response/1`,
    );
    const res = await postSigned(`${base}/slack/events`, body, form);
    expect(res.status).toBe(200);
    const answer = await eventually(() => slack.responses[0]);
    expect(answer.response_type).toBe('ephemeral');
    const blocks = answer.blocks as { type: string; text?: { text: string }; elements?: { action_id: string }[] }[];
    expect(blocks[0]?.text?.text).toContain('Spark and PyTorch together');
    expect(JSON.stringify(blocks)).toContain('You asked:');
    expect(blocks.some((b) => b.elements?.some((e) => e.action_id === 'share'))).toBe(true);
  });

  it('a signed slash command replayed inside the five-minute window is answered once', async () => {
    const body = slashCommand('we have 2 GB of CSVs and need aggregations', `${slack.url}/response/11`);
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await postSigned(`${base}/slack/events`, body, form, { timestamp });
    const replay = await postSigned(`${base}/slack/events`, body, form, { timestamp });
    expect([first.status, replay.status]).toEqual([200, 200]);
    await eventually(() => slack.responses[0]);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.responses).toHaveLength(1);
  });

  it('logs one JSON line per request with its id; the answer logged later carries the same id and the verdict, never the text', async () => {
    const question = 'score our 2B-row Hive table with a trained PyTorch model every night';
    const res = await postSigned(`${base}/slack/events`, slashCommand(question, `${slack.url}/response/9`), form);
    const requestId = res.headers.get('x-request-id');
    await eventually(() => slack.responses[0]);
    await eventually(() => logger.lines.find((l) => l.msg === 'request' && l.path === '/slack/events'));
    const request = logger.lines.find((l) => l.msg === 'request' && l.path === '/slack/events');
    expect(request).toMatchObject({ level: 'info', requestId, method: 'POST', status: 200, verdict: 'both' });
    expect(logger.lines.find((l) => l.msg === 'answered')).toMatchObject({ requestId, verdict: 'both' });
    const info = JSON.stringify(logger.lines.filter((l) => l.level !== 'debug'));
    expect(info).not.toContain('Hive table');
    expect(info).not.toContain('xoxb-test-token');
  });

  it.each([
    ['compare execution', 'Execution model'],
    ['help', 'Ask me'],
  ])('slash command %j', async (text, expected) => {
    await postSigned(`${base}/slack/events`, slashCommand(text, `${slack.url}/response/2`), form);
    const answer = await eventually(() => slack.responses[0]);
    expect(JSON.stringify(answer)).toContain(expected);
  });

  it('a follow-up choice updates the answer in place (chat.update, no stale choices); feedback is stored with the facts', async () => {
    await postSigned(`${base}/slack/events`, envelope(mention('Spark or PyTorch?', '1700000009.000100')), json);
    const first = await eventually(() => posts()[0]);
    expect(first.body.thread_ts).toBe('1700000009.000100');
    const shown = await eventually(() => slack.messages[0]);
    const blocks = first.body.blocks as Block[];
    const select = blocks.find((b) => b.accessory?.action_id === 'followup:data-size')?.accessory;
    const terabytes = select?.options?.find((o) => o.value.endsWith('|terabytes'));
    expect(terabytes).toBeDefined();
    const answerId = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'feedback:up')?.value;
    const on = { responseUrl: `${slack.url}/response/3`, messageTs: shown.ts };
    const choose = selectChoice({ ...on, actionId: 'followup:data-size', option: terabytes as Option });
    expect((await postSigned(`${base}/slack/events`, choose, form)).status).toBe(200);
    const update = await eventually(() => slack.calls.find((c) => c.method === 'chat.update'));
    expect(update.body).toMatchObject({ channel: 'C1', ts: shown.ts });
    expect(posts()).toHaveLength(1); // the answer changed where it stands: no second message
    const refined = JSON.stringify(shown.blocks);
    expect(refined).not.toContain('followup:data-size'); // answered: the question is gone
    expect(refined).toContain('followup:main-job');
    expect(refined).not.toContain(answerId); // no button of the old answer is left
    // the refined answer is remembered for the thread: a reply there builds on it
    const thread = await store.getJson<{ facts: { signal: string }[] }>('slack:thread:C1:1700000009.000100');
    expect(thread?.facts.some((f) => f.signal === 'scale.large')).toBe(true);

    const click = (actionId: string) => buttonClick({ ...on, actionId, value: answerId });
    await postSigned(`${base}/slack/events`, click('feedback:up'), form);
    await eventually(() => slack.responses.find((r) => String(r.text).includes('Thanks')));
    // the same vote clicked again counts once, and the voter is told so
    await postSigned(`${base}/slack/events`, click('feedback:up'), form);
    await eventually(() => slack.responses.find((r) => String(r.text).includes('Already noted')));
    // a change of mind replaces the earlier vote: one vote per user per answer, the latest wins
    const thanked = slack.responses.filter((r) => String(r.text).includes('Thanks')).length;
    await postSigned(`${base}/slack/events`, click('feedback:down'), form);
    await eventually(
      () => slack.responses.filter((r) => String(r.text).includes('Thanks')).length > thanked || undefined,
    );
    const stored = await store.listFeedback();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ platform: 'slack', vote: 'down', verdict: 'unclear', user: 'U2' });
    expect(JSON.stringify(stored[0])).not.toContain('Spark or PyTorch?');
  });

  it('"Why" opens the reasons in place and "Hide why" closes them, within ten blocks collapsed', async () => {
    await postSigned(`${base}/slack/events`, envelope(mention(QUESTION_BOTH, '1700000010.000100')), json);
    const shown = await eventually(() => slack.messages[0]);
    const collapsed = shown.blocks as Block[];
    expect(collapsed.length).toBeLessThanOrEqual(10);
    const why = collapsed.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'why');
    expect(why?.text?.text).toMatch(/^Why \(\d+\)$/);
    const on = { responseUrl: `${slack.url}/response/4`, messageTs: shown.ts };
    await postSigned(`${base}/slack/events`, buttonClick({ ...on, actionId: 'why', value: why?.value }), form);
    await eventually(() => (JSON.stringify(shown.blocks).includes('Sources:') ? true : undefined));
    expect(JSON.stringify(shown.blocks)).toContain('A trained network scored over a large table');
    await postSigned(`${base}/slack/events`, buttonClick({ ...on, actionId: 'why:hide', value: why?.value }), form);
    await eventually(() => (JSON.stringify(shown.blocks).includes('Sources:') ? undefined : true));
    expect(shown.blocks).toEqual(collapsed);
  });

  it('a private slash-command answer opens "Why" through response_url (replace_original)', async () => {
    await postSigned(`${base}/slack/events`, slashCommand(QUESTION_BOTH, `${slack.url}/response/5`), form);
    const answer = await eventually(() => slack.responses[0]);
    const why = (answer.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'why');
    const click = buttonClick({
      actionId: 'why',
      value: why?.value,
      responseUrl: `${slack.url}/response/5`,
      ephemeral: true,
    });
    await postSigned(`${base}/slack/events`, click, form);
    const open = await eventually(() => slack.responses[1]);
    expect(open).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(JSON.stringify(open.blocks)).toContain('Sources:');
    expect(JSON.stringify(open.blocks)).toContain('You asked:'); // still the same private answer
    expect(JSON.stringify(open.blocks)).toContain('"action_id":"share"');
  });

  it('a comparison lists the takeaways; choosing a dimension opens it in place', async () => {
    await postSigned(`${base}/slack/events`, slashCommand('compare', `${slack.url}/response/6`), form);
    const answer = await eventually(() => slack.responses[0]);
    expect((answer.blocks as Block[]).length).toBeLessThanOrEqual(10);
    const select = (answer.blocks as Block[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'compare:detail');
    const latency = select?.options?.find((o) => o.value === 'latency') as Option;
    const choose = selectChoice({
      actionId: 'compare:detail',
      option: latency,
      responseUrl: `${slack.url}/response/6`,
      ephemeral: true,
    });
    await postSigned(`${base}/slack/events`, choose, form);
    const open = await eventually(() => slack.responses[1]);
    expect(open.replace_original).toBe(true);
    expect(JSON.stringify(open.blocks)).toContain('*Latency and serving*');
  });

  it.each([
    ['a bad signature', { secret: 'wrong-secret' }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
  ])('rejects %s with 401', async (_what, options) => {
    const res = await postSigned(`${base}/slack/events`, envelope(mention('hi')), json, options);
    expect(res.status).toBe(401);
  });

  it.each([
    ['invalid JSON', '{"type": "event_callback", ', json],
    ['a form body without payload', 'nonsense=1', form],
  ])('answers %s with 4xx and keeps serving', async (_what, body, type) => {
    const res = await postSigned(`${base}/slack/events`, body, type);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await postSigned(`${base}/slack/events`, JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }), json);
    expect(res.status).toBe(413);
  });

  it('serves /healthz and /readyz, 404 and 405', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/slack/events`)).status).toBe(405);
  });
});
