/**
 * bench:load's Slack Web API, response_url and Teams connector, in a process of its own: the
 * answers the servers send must not cost the load driver time, or the driver's own event loop would
 * add to the latencies of the servers that answer (ours) and not to those that only acknowledge.
 */
import { startFakeSlack } from '../test/slack/fake-slack.js';

const fake = await startFakeSlack({ record: false });
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
process.on('SIGTERM', () => {
  void fake.close().then(() => process.exit(0));
});
