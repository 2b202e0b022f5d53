import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli.js';

/** The CLI run in-process against a recording I/O: what it printed and its exit code. */
export async function runCaptured(
  args: string[],
  options: { stdin?: string; readFile?: CliIo['readFile'] } = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    readStdin: async () => options.stdin ?? '',
    readFile: options.readFile ?? (async () => ''),
    cwd: '/',
    env: {},
  } satisfies CliIo & { out: string; err: string };
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}
