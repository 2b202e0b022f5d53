import { afterEach, describe, expect, it } from 'vitest';
import type { BotServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { startBotServer } from '../support/bot-server.js';
import { eventually, type FakeSlack, startFakeSlack } from './fake-slack.js';
import { buttonClick, envelope, mention, selectChoice } from './payloads.js';
import { form, json, postSigned, slackEnv } from './signed.js';

let slack: FakeSlack;
let server: BotServer;

afterEach(async () => {
  await server.close();
  await slack.close();
});

/** A store that stalls and fails on writes (as Redis does when it goes away), after dedupe worked. */
function failingWrites(): Store {
  const store = createMemoryStore();
  return {
    ...store,
    setJson: async () => {
      throw new Error('Command timed out');
    },
  } satisfies Store;
}

describe('a store that fails right after an answer is posted', () => {
  it('leaves the answer alone: no apology follows it', async () => {
    slack = await startFakeSlack();
    let base: string;
    ({ server, base } = await startBotServer(slackEnv(slack.url), failingWrites()));
    await postSigned(
      `${base}/slack/events`,
      envelope(mention('We have 40 TB in HDFS and need nightly joins', '50.1')),
      json,
    );
    await eventually(() => slack.calls.find((c) => c.method === 'chat.postMessage'));
    await new Promise((r) => setTimeout(r, 300));
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.body)).not.toContain('Sorry');
  });

  it('a store that is down (Redis gone): a mention is still answered, and a vote says it did not count', async () => {
    slack = await startFakeSlack();
    const down = (): Promise<never> => Promise.reject(new Error('Connection is closed.'));
    const store = {
      ...createMemoryStore(),
      claimOnce: down,
      getJson: down,
      setJson: down,
      addFeedback: down,
    } satisfies Store;
    let base: string;
    ({ server, base } = await startBotServer(slackEnv(slack.url), store));
    await postSigned(
      `${base}/slack/events`,
      envelope(mention('We have 40 TB in HDFS and need nightly joins', '60.1')),
      json,
    );
    await eventually(() => slack.calls.find((c) => c.method === 'chat.postMessage'));
    const vote = buttonClick({ actionId: 'feedback:up', value: 'answer-1', responseUrl: `${slack.url}/response/60` });
    await postSigned(`${base}/slack/events`, vote, form);
    await eventually(() => slack.responses.find((r) => String(r.text).includes('could not be saved')));
  });

  it('a follow-up answered while the store fails to write: the answer is updated in place, no apology', async () => {
    slack = await startFakeSlack();
    const memory = createMemoryStore();
    let writesFail = false;
    const store = {
      ...memory,
      setJson: (key, value, ttl) =>
        writesFail ? Promise.reject(new Error('Command timed out')) : memory.setJson(key, value, ttl),
    } satisfies Store;
    let base: string;
    ({ server, base } = await startBotServer(slackEnv(slack.url), store));
    await postSigned(`${base}/slack/events`, envelope(mention('Spark or PyTorch?', '70.1')), json);
    const shown = await eventually(() => slack.messages[0]);
    type Select = { action_id: string; options: { text: { type: string; text: string }; value: string }[] };
    const select = (shown.blocks as { accessory?: Select }[]).find(
      (b) => b.accessory?.action_id === 'followup:main-job',
    )?.accessory as Select;
    writesFail = true;
    const choose = selectChoice({
      actionId: select.action_id,
      option: select.options[0] as Select['options'][number],
      messageTs: shown.ts,
      responseUrl: `${slack.url}/response/70`,
    });
    await postSigned(`${base}/slack/events`, choose, form);
    await eventually(() => slack.calls.find((c) => c.method === 'chat.update'));
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(slack.responses)).not.toContain('Sorry');
    expect(JSON.stringify(shown.blocks)).not.toContain('followup:main-job');
  });
});
