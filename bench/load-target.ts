/** A server under bench:load: its own process, its port, and a probe of its live heap after a full GC. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export type LoadTarget = {
  readonly name: string;
  readonly port: number;
  readonly pid: number;
  /** MB live on the heap right after a forced full GC (servers started with the probe), else NaN */
  heapAfterGc(): Promise<number>;
  rssMb(): number;
  stop(): void;
};

const probe = new URL('./heap-probe.mjs', import.meta.url).pathname;

export async function launchTarget(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<LoadTarget> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', probe, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const waiting: ((mb: number) => void)[] = [];
  let early = '';
  const port = await new Promise<number>((resolve, reject) => {
    // every request is logged at info level, as in production: read line by line, keep only what we need
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (line.includes('"msg":"heap-probe"'))
        waiting.shift()?.((JSON.parse(line) as { heapUsed: number }).heapUsed / 2 ** 20);
      const m = /"msg":"listening","port":(\d+)/.exec(line);
      if (m) resolve(Number(m[1]));
      if (early.length < 2000) early += `${line}\n`;
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}): ${early}`)));
  });
  const pid = child.pid as number;
  return {
    name,
    port,
    pid,
    heapAfterGc: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.kill('SIGUSR2');
      }),
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () => child.kill('SIGTERM'),
  };
}
