import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const BIN = new URL('../../bin/spark-or-pytorch.js', import.meta.url).pathname;

export type ServerProcess = {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  /** every log line so far, parsed */
  readonly lines: Record<string, unknown>[];
  /** resolves with the exit code */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then the exit code */
  stop(): Promise<number | null>;
};

/** The built CLI's `serve` in a process of its own — a replica as it runs in production. */
export async function spawnServer(
  env: Record<string, string>,
  options: { readonly nodeArgs?: readonly string[] } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stderr }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (parsed.msg === 'listening') resolve(parsed.port as number);
      } catch {
        lines.push({ msg: 'unparsed', line });
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}): ${JSON.stringify(lines)}`)));
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    lines,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
