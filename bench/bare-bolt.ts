/** A bare Bolt app that only acknowledges the slash command: the baseline for bench:load. */
import { App } from '@slack/bolt';

const app = new App({
  token: 'xoxb-bare',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? 'http://127.0.0.1:9/api/' },
});
app.command('/spark-or-pytorch', async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT ?? 0));
const address = (
  app as unknown as { receiver: { server?: { address(): { port: number } } } }
).receiver.server?.address();
console.error(JSON.stringify({ msg: 'listening', port: address?.port }));
