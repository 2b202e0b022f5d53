import { ConfigError } from '../config.js';
import { startServer } from '../server.js';
import { type Command, UsageError } from './io.js';
import { parseArgs } from './parse-args.js';

/** `serve`: the bot server until SIGTERM/SIGINT, then a graceful stop. */
export const serveCommand: Command = async (args, io) => {
  const { positionals } = parseArgs(args, {});
  if (positionals.length > 0)
    throw new UsageError(
      `serve takes no arguments, got "${positionals[0]?.slice(0, 40)}": configure it with variables`,
    );
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ env: io.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close().then(resolve, resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
};
