import net from 'node:net';
import { AdaptiveCard, SerializationContext } from 'adaptivecards';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { cardOf, headline, postActivity, teamsActivity } from './activities.js';
import { type FakeConnector, type Received, startFakeConnector } from './fake-connector.js';

// Refuse every non-loopback connection this test process tries to open, and remember the attempt.
const refused: string[] = [];
const originalConnect = net.Socket.prototype.connect;
beforeAll(() => {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; port?: number } | number;
    const host = typeof first === 'object' ? (first.host ?? 'localhost') : String(args[1] ?? 'localhost');
    if (!/^(127\.|localhost$|::1$)/.test(host)) {
      refused.push(host);
      throw new Error(`test refused a connection to ${host}`);
    }
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
});
afterAll(() => {
  net.Socket.prototype.connect = originalConnect;
});

let connector: FakeConnector;
let received: Received[];
let server: BotServer;
let store: Store;
let base: string;
let logger: ReturnType<typeof createMemoryLogger>;

async function startConnector() {
  connector = await startFakeConnector();
  received = connector.received;
}

async function startBot(env: NodeJS.ProcessEnv) {
  store = createMemoryStore();
  logger = createMemoryLogger();
  server = await startServer({ env, logger, store, port: 0 });
  base = `http://127.0.0.1:${server.port}`;
}

const activity = (overrides: Record<string, unknown> = {}) => teamsActivity(connector.url, overrides);
const post = (body: unknown, headers: Record<string, string> = {}) => postActivity(base, body, headers);

describe('Teams over real HTTP, unauthenticated local mode', () => {
  beforeEach(async () => {
    await startConnector();
    await startBot({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
  });
  afterEach(async () => {
    await server.close();
    await connector.close();
  });

  it('answers a channel mention with an Adaptive Card, the mention stripped', async () => {
    expect((await post(activity())).status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]?.path).toContain('/v3/conversations/19%3Aconv-1%40thread.tacv2/activities');
    expect(received[0]?.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(headline(received[0] as Received)).toContain('Spark');
    // one message: the card's summary line goes in `summary`, not in a second text bubble
    expect(received[0]?.activity.text).toBeUndefined();
    expect(received[0]?.activity.summary).toContain('Spark');
    expect(cardOf(received[0] as Received)).toMatchObject({ fallbackText: received[0]?.activity.summary });
  });

  it('logs the request once, with its id and the verdict, and never the message text', async () => {
    const res = await post(activity());
    const line = logger.lines.find((l) => l.msg === 'request' && l.path === '/api/messages');
    expect(line).toMatchObject({ requestId: res.headers.get('x-request-id'), status: 200, verdict: 'spark' });
    expect(JSON.stringify(logger.lines)).not.toContain('clickstream'); // the question's own words
  });

  it('answers in a personal chat, and `compare` and `help` are commands', async () => {
    const personal = {
      conversation: { id: 'a:personal-1', conversationType: 'personal', isGroup: false, name: 'Ada' },
      entities: [],
    };
    await post(activity({ ...personal, text: 'we have 2 GB of CSVs and need aggregations' }));
    expect(headline(received[0] as Received)).toContain('Neither');
    await post(activity({ ...personal, text: 'compare execution' }));
    expect(JSON.stringify(received[1]?.activity)).toContain('Execution model');
    await post(activity({ ...personal, text: 'help' }));
    expect(received[2]?.activity.text).toContain('compare [dimension]');
  });

  it('a follow-up answer replaces the card in place (no stale buttons); a feedback vote is stored', async () => {
    await post(activity({ text: '<at>spark-or-pytorch</at> Spark or PyTorch?', id: 'question-1' }));
    const card = cardOf(received[0] as Received);
    const sizes = card.body?.find((b) => b.type === 'Input.ChoiceSet' && b.id === 'followup:data-size');
    expect(sizes?.choices?.map((c) => c.value)).toContain('terabytes');
    const answer = card.actions?.find((a) => a.title === 'Answer');
    expect(answer?.data).toMatchObject({ kind: 'followup' });
    // Teams sends the card's inputs with the button's data, and names the card it came from
    const submit = (value: Record<string, unknown>) => post(activity({ text: undefined, value, replyToId: 'reply-1' }));
    await submit({ ...answer?.data, 'followup:data-size': 'terabytes', 'followup:main-job': 'transform-data' });
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ method: 'PUT' });
    expect(received[1]?.path).toMatch(/\/v3\/conversations\/19%3Aconv-1%40thread.tacv2\/activities\/reply-1$/);
    expect(headline(received[1] as Received)).toContain('Spark');
    expect(JSON.stringify(cardOf(received[1] as Received))).toContain('you chose “Terabytes or more”');
    expect(JSON.stringify(cardOf(received[1] as Received))).not.toContain(answer?.data.answerId);
    // nothing chosen: a word on what to do, the card stays as it is
    await submit({ ...answer?.data });
    expect(received[2]).toMatchObject({ method: 'POST' });
    expect(received[2]?.activity.text).toMatch(/^Choose an answer/);

    const feedback = card.actions?.find((a) => a.data?.vote === 'up');
    await post(activity({ text: undefined, value: feedback?.data }));
    const thanked = received.length;
    // clicking the same vote again counts once and is thanked once
    await post(activity({ text: undefined, value: feedback?.data }));
    await post(activity({ text: undefined, value: feedback?.data }));
    expect(received).toHaveLength(thanked);
    // a change of mind replaces the earlier vote and is thanked
    await post(activity({ text: undefined, value: { ...feedback?.data, vote: 'down' } }));
    expect(received).toHaveLength(thanked + 1);
    const votes = await store.listFeedback();
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ platform: 'teams', vote: 'down', verdict: 'unclear', user: 'aad-1' });
  });

  it('a store that is down costs the conversation its memory, never the answer', async () => {
    const down = () => Promise.reject(new Error('Connection is closed.'));
    store.getJson = down;
    store.setJson = down;
    await post(activity({ text: '<at>spark-or-pytorch</at> 40 TB of logs in HDFS, nightly Hive joins' }));
    expect(received).toHaveLength(1);
    expect(headline(received[0] as Received)).toContain('Spark');
    expect(JSON.stringify(received[0]?.activity)).not.toContain('Sorry');
  });

  it('a vote the store cannot take gets a reply saying so, and the server goes on', async () => {
    await post(activity({ text: '<at>spark-or-pytorch</at> 40 TB of logs in HDFS, nightly Hive joins' }));
    const feedback = cardOf(received[0] as Received).actions?.find((a) => a.data?.vote === 'up');
    store.addFeedback = () => Promise.reject(new Error('Connection is closed.'));
    const response = await post(activity({ text: undefined, value: feedback?.data }));
    expect(response.status).toBe(200);
    expect(received[1]?.activity.text).toContain('could not be saved');
    expect(logger.lines.some((l) => l.msg === 'teams vote not stored')).toBe(true);
  });

  it('a card that can no longer be updated is sent anew; a button from an older card still answers', async () => {
    await post(activity({ text: '<at>spark-or-pytorch</at> Spark or PyTorch?' }));
    const answerId = cardOf(received[0] as Received).actions?.find((a) => a.title === 'Answer')?.data.answerId;
    connector.faults.push(404); // the connector no longer has that card
    await post(
      activity({
        text: undefined,
        replyToId: 'gone',
        value: { kind: 'followup', answerId, followUp: 'main-job', option: 'transform-data' },
      }),
    );
    expect(received[1]).toMatchObject({ method: 'POST' });
    expect(headline(received[1] as Received)).toContain('Spark');
  });

  it('introduces itself once when added to a team', async () => {
    const added = activity({
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '28:bot-1' }],
    });
    await post(added);
    await post({ ...added, id: 'again' });
    expect(received).toHaveLength(1);
    expect(received[0]?.activity.text).toContain('Spark or PyTorch?');
  });

  it('never replies to a service URL an unauthenticated caller chose', async () => {
    const res = await post(activity({ serviceUrl: 'https://connector.example.invalid/' }));
    expect(res.status).toBe(403);
    expect(received).toHaveLength(0);
    expect(refused).toEqual([]);
  });

  it.each([
    ['invalid JSON', '{"type":', 'application/json', 400],
    ['no activity type', '{"text":"hi"}', 'application/json', 400],
    ['a wrong content type', 'type=message', 'application/x-www-form-urlencoded', 415],
  ])('%s → %i and the server keeps serving', async (_what, body, type, status) => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', body, headers: { 'content-type': type } });
    expect(res.status).toBe(status);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('Teams with an app id configured', () => {
  beforeEach(async () => {
    await startConnector();
    await startBot({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      MICROSOFT_APP_TYPE: 'MultiTenant',
      // the start-up credential check goes to a name that never resolves, and is refused in-process
      MICROSOFT_LOGIN_URL: 'https://login.example.invalid',
    });
  });
  afterEach(async () => {
    await server.close();
    await connector.close();
  });

  it.each([
    ['a missing token', {}],
    ['a forged token', { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJtZSJ9.' }],
  ])('%s gets 401 and nothing is answered, and the body names no internals', async (_what, headers) => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await post(activity(), headers);
    expect(printed).not.toHaveBeenCalled(); // no stack trace on stderr: one JSON log line instead
    printed.mockRestore();
    expect(res.status).toBe(401);
    expect(received).toHaveLength(0);
    const body = await res.text();
    expect(JSON.parse(body).error).toMatch(/^unauthorized/);
    expect(body).not.toMatch(/https?:|Error|is not a function|at /);
  });

  it('checks the app credentials at start without anything leaving the machine', async () => {
    const end = Date.now() + 5000;
    while (!refused.includes('login.example.invalid') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect([...new Set(refused)]).toEqual(['login.example.invalid']);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reason: string }).reason).toContain('could not be reached');
  });
});

describe('Adaptive Cards', () => {
  it.each([
    ['We have 40 TB of clickstream in HDFS and need nightly joins', 'spark'],
    ['fine-tune a 7B model on our 8 A100s, data is 30 GB of text', 'pytorch'],
    ['score our 2B-row Hive table with a trained PyTorch model every night', 'both'],
    ['we have 2 GB of CSVs and need some aggregations', 'neither'],
    ['Should we use Spark or PyTorch?', 'unclear'],
  ])('%s → a %s card that the adaptivecards parser accepts (reviewed snapshot)', async (question, verdict) => {
    const { ask } = await import('../../src/index.js');
    const { renderRecommendationCard } = await import('../../src/render/adaptive-card.js');
    const r = ask(question);
    expect(r.verdict).toBe(verdict);
    const { card, text } = renderRecommendationCard(r, 'answer-1');
    expect(text.length).toBeGreaterThan(10);
    const parsed = new AdaptiveCard();
    const context = new SerializationContext();
    parsed.parse(card, context);
    expect(context.eventCount).toBe(0); // no parse warnings or errors: every element and property known
    expect(parsed.validateProperties().validationEvents.map((e) => e.message)).toEqual([]);
    expect(parsed.getItemCount()).toBe((card.body as unknown[]).length);
    // far under the connector's ~100 KB (and Teams' ~28 KB a message)
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    // the reasons are behind "Why": a hidden container that the toggle names
    const why = parsed.getElementById('why');
    if (r.reasons.length > 0) {
      expect(why?.isVisible).toBe(false);
      expect(JSON.stringify(card.actions)).toContain('"targetElements":["why"]');
    }
    // no confidence badge on a question back
    expect(JSON.stringify(card).includes('confidence')).toBe(verdict !== 'unclear');
    // no backslash escapes for Teams mobile to show literally
    expect(JSON.stringify(card)).not.toMatch(/\\\\[()_]/);
    expect(card).toMatchSnapshot();
  });

  it("puts the asker's words in plain TextRuns, never in Markdown", async () => {
    const { ask } = await import('../../src/index.js');
    const { renderRecommendationCard } = await import('../../src/render/adaptive-card.js');
    const r = ask('we keep 40 TB in [HDFS](https://evil.example) **now**, nightly joins');
    const json = JSON.stringify(renderRecommendationCard(r, 'x').card);
    const markdownTexts = [...json.matchAll(/"type":"TextBlock","text":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    for (const t of markdownTexts) expect(t).not.toContain('evil.example');
  });

  it('a comparison card: ten takeaways, each opening its details on a tap', async () => {
    const { compare } = await import('../../src/index.js');
    const { renderComparisonCard } = await import('../../src/render/adaptive-card.js');
    const c = compare();
    const { card } = renderComparisonCard(c);
    const parsed = new AdaptiveCard();
    const context = new SerializationContext();
    parsed.parse(card, context);
    expect(context.eventCount).toBe(0);
    expect(parsed.validateProperties().validationEvents.map((e) => e.message)).toEqual([]);
    for (const d of c.dimensions) {
      expect(parsed.getElementById(`dimension-${d.id}`)?.isVisible).toBe(false);
      expect(JSON.stringify(card)).toContain(d.takeaway.replace(/"/g, '\\"'));
    }
  });
});
