import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotServer } from '../../src/server.js';
import { headlineWordAlone, startBotServer } from '../support/bot-server.js';
import { cardOf, headline, postActivity, teamsActivity } from './activities.js';
import { type FakeConnector, type Received, startFakeConnector } from './fake-connector.js';

let connector: FakeConnector;
let server: BotServer;
let base: string;

beforeEach(async () => {
  connector = await startFakeConnector();
  ({ server, base } = await startBotServer({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }));
});
afterEach(async () => {
  await server.close();
  await connector.close();
});

const personal = { conversation: { id: 'a:personal-7', conversationType: 'personal', isGroup: false }, entities: [] };
const say = (text: string) => postActivity(base, teamsActivity(connector.url, { ...personal, text }));
const nth = (i: number) => connector.received[i] as Received;
const cardText = (i: number) => JSON.stringify(cardOf(nth(i)));

describe('Teams conversations in a personal chat', () => {
  it('an unrelated second question gets the verdict it gets asked alone, with nothing carried over', async () => {
    await say('fine-tune a 7B model on 8 A100s, the corpus is 30 GB of text');
    const second = 'I have a 300 MB CSV and need a few pivot tables';
    await say(second);
    expect(headline(nth(1))).toContain(headlineWordAlone(second));
    expect(cardText(1)).not.toContain('Using from earlier');
  });

  it('a message that only adds facts refines the last answer, says what it used and offers to start over', async () => {
    await say('Should we use Spark or PyTorch?');
    expect(headline(nth(0))).toContain('Not enough');
    await say("it's about 40 TB of logs");
    expect(cardText(1)).toContain('Using from earlier');
    const startOver = cardOf(nth(1)).actions?.find((a) => a.data?.kind === 'reset');
    expect(startOver).toBeDefined();
    // the Start over button drops the facts: the next short message is read alone
    await postActivity(base, teamsActivity(connector.url, { ...personal, text: undefined, value: startOver?.data }));
    expect(nth(2).activity.text).toContain('Starting fresh');
    await say('nightly');
    expect(cardText(3)).not.toContain('Using from earlier');
  });

  it('`new` is a command that drops the earlier facts', async () => {
    await say('Should we use Spark or PyTorch?');
    await say('new');
    expect(nth(1).activity.text).toContain('Starting fresh');
    await say("it's about 40 TB of logs");
    expect(cardText(2)).not.toContain('Using from earlier');
  });
});
