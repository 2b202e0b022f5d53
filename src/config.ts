import { z } from 'zod';
import type { Integration } from './http/integration.js';
import type { LogLevel } from './logger.js';

const ServerSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** the address to listen on; unset: every interface (as in a container) */
  HOST: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')]).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
});

const SERVER_FIXES: Record<string, string> = {
  PORT: 'set PORT to a TCP port number such as 3000',
  HOST: 'set HOST to an IP address such as 127.0.0.1 (loopback only, for local testing) or 0.0.0.0, or unset it',
  LOG_LEVEL: 'set LOG_LEVEL to debug, info, warn or error',
  REDIS_URL: 'set REDIS_URL to redis://host:6379 (or rediss:// for TLS), or unset it to keep state in memory',
};

export type ServerConfig = { port: number; host: string | undefined; logLevel: LogLevel; redisUrl: string | undefined };
export type EnabledIntegration = { integration: Integration<unknown>; config: unknown };
export type Config = { server: ServerConfig; enabled: EnabledIntegration[]; off: { name: string; reason: string }[] };

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the bot server cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(issues: readonly z.core.$ZodIssue[], fixes: Readonly<Record<string, string>>): string[] {
  return issues.map((i) => {
    const name = String(i.path[0] ?? '');
    const fix = fixes[name];
    return `${name || 'environment'}: ${i.message}${fix ? ` — ${fix}` : ''}`;
  });
}

/** Reads and validates every variable at once; throws one ConfigError naming each problem and its fix. */
export function loadConfig(env: NodeJS.ProcessEnv, integrations: readonly Integration<unknown>[]): Config {
  const problems: string[] = [];
  const server = ServerSchema.safeParse(env);
  if (!server.success) problems.push(...describe(server.error.issues, SERVER_FIXES));
  const enabled: EnabledIntegration[] = [];
  const off: { name: string; reason: string }[] = [];
  for (const integration of integrations) {
    const reason = integration.offReason(env);
    if (reason) {
      off.push({ name: integration.name, reason });
      continue;
    }
    const parsed = integration.configSchema.safeParse(env);
    if (parsed.success) enabled.push({ integration, config: parsed.data });
    else problems.push(...describe(parsed.error.issues, integration.fixes).map((p) => `${integration.name} ${p}`));
  }
  if (problems.length > 0 || !server.success) throw new ConfigError(problems);
  return {
    server: {
      port: server.data.PORT,
      host: server.data.HOST,
      logLevel: server.data.LOG_LEVEL,
      redisUrl: server.data.REDIS_URL,
    },
    enabled,
    off,
  };
}
