import { afterEach, describe, expect, it } from 'vitest';
import type { BotServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { startBotServer } from '../support/bot-server.js';
import { eventually, type FakeSlack, startFakeSlack } from './fake-slack.js';
import { envelope, mention } from './payloads.js';
import { json, postSigned, slackEnv } from './signed.js';

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
});
