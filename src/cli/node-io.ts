import { readFile } from 'node:fs/promises';
import { InputError } from '../input-error.js';
import type { CliIo } from './io.js';

/** Standard input, capped so a runaway pipe cannot exhaust memory. */
async function readStdin(limit = 8 * 1024 * 1024): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new InputError(`standard input is larger than ${limit / 1024 / 1024} MiB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createNodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readStdin(),
    readFile: (path) => readFile(path, 'utf8'),
    cwd: process.cwd(),
    env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR_TTY: '1' } : {}) },
  };
}
