import { ask } from '../../src/index.js';
import { createMemoryLogger } from '../../src/logger.js';
import { type BotServer, startServer } from '../../src/server.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

/** The real bot server on a loopback port, with an in-memory store and logger. */
export async function startBotServer(
  env: NodeJS.ProcessEnv,
  store: Store = createMemoryStore(),
): Promise<{ server: BotServer; base: string }> {
  const server = await startServer({ env, logger: createMemoryLogger(), store, port: 0 });
  return { server, base: `http://127.0.0.1:${server.port}` };
}

/** A word the headline of `question`'s answer holds when it is asked alone (Slack header, Teams card). */
export function headlineWordAlone(question: string): string {
  const words = { spark: 'Spark', pytorch: 'PyTorch', both: 'together', neither: 'Neither', unclear: 'Not enough' };
  return words[ask(question).verdict];
}
