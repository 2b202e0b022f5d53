/** What a CLI command may touch: injected so commands can be tested without a process. */
export type CliIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** all of standard input as UTF-8 (resolves '' when stdin is a terminal) */
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
};

/** A command returns its exit code: 0 ok, 2 bad usage or input, 1 unexpected failure. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Thrown for bad usage; the CLI prints the message and the usage line, exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
