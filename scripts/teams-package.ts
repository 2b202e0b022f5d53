/**
 * `npm run teams:package`: builds the Teams app package (manifest.json + colour and outline icons)
 * as build/spark-or-pytorch-teams.zip, for an admin to upload. Needs MICROSOFT_APP_ID (a GUID) and
 * WEBSITE_URL (https); PRIVACY_URL and TERMS_URL default to the server's own /privacy and /terms
 * under WEBSITE_URL. Every problem is reported at once, and nothing is written while there is one.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { z } from 'zod';

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal ZIP (deflate, no directories). */
function zip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const compressed = deflateRawSync(data);
    const nameBuffer = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuffer.length, 26);
    locals.push(local, nameBuffer, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuffer.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuffer);
    offset += 30 + nameBuffer.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export type TeamsPackageInput = {
  readonly appId: string;
  readonly websiteUrl: string;
  /** default: WEBSITE_URL + /privacy (the bot server serves it) */
  readonly privacyUrl?: string;
  /** default: WEBSITE_URL + /terms */
  readonly termsUrl?: string;
};

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** Why `value` is not a usable https URL for the manifest, or undefined when it is. */
function urlProblem(value: string): string | undefined {
  if (value.trim() === '') return 'is not set';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a URL: "${value.slice(0, 60)}"`;
  }
  if (url.protocol !== 'https:') return `must use https (Teams opens these links for users): "${value.slice(0, 60)}"`;
  if (url.username || url.password) return 'must not hold a user name or password';
  if (/(^|\.)example\.(com|org|net)$/.test(url.hostname))
    return `is a placeholder (${url.hostname}): give your organisation's site`;
  if (value.length > 2048) return 'is longer than the 2,048 characters Teams allows';
  return undefined;
}

const HttpsUrl = z.string().superRefine((value, ctx) => {
  const problem = urlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The parts of the Teams manifest schema (v1.17) that a wrong value here could break. */
const ManifestSchema = z.object({
  manifestVersion: z.literal('1.17'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: z.string().regex(GUID),
  developer: z.object({
    name: z.string().min(1).max(32),
    websiteUrl: HttpsUrl,
    privacyUrl: HttpsUrl,
    termsOfUseUrl: HttpsUrl,
  }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  bots: z.array(z.object({ botId: z.string().regex(GUID) })).length(1),
});

/** Every problem with the input, each naming the variable to fix; empty when the package can be built. */
export function teamsPackageProblems(input: TeamsPackageInput): string[] {
  const problems: string[] = [];
  if (!GUID.test(input.appId)) {
    problems.push(
      input.appId === ''
        ? "MICROSOFT_APP_ID is not set: give the Azure Bot's Microsoft App ID (a GUID)"
        : `MICROSOFT_APP_ID must be the bot's app (client) id, a GUID; got "${input.appId.slice(0, 40)}"`,
    );
  }
  const urls: [string, string | undefined][] = [
    ['WEBSITE_URL', input.websiteUrl],
    ['PRIVACY_URL', input.privacyUrl],
    ['TERMS_URL', input.termsUrl],
  ];
  for (const [name, value] of urls) {
    if (value === undefined) continue;
    const problem = urlProblem(value);
    if (problem) problems.push(`${name} ${problem}`);
  }
  return problems;
}

export class TeamsPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'TeamsPackageError';
  }
}

/** The manifest for this bot and site, checked against the Teams schema's limits. */
export function buildTeamsManifest(input: TeamsPackageInput): Record<string, unknown> {
  const problems = teamsPackageProblems(input);
  if (problems.length > 0) throw new TeamsPackageError(problems);
  const site = input.websiteUrl.replace(/\/+$/, '');
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: input.appId.toLowerCase(),
    WEBSITE_URL: site,
    PRIVACY_URL: input.privacyUrl ?? `${site}/privacy`,
    TERMS_URL: input.termsUrl ?? `${site}/terms`,
  };
  const template = JSON.parse(readFileSync(new URL('../teams/manifest.json', import.meta.url), 'utf8')) as unknown;
  // substitute inside parsed strings, so a value can never break the JSON around it
  const filled = JSON.parse(
    JSON.stringify(template, (_key, value: unknown) =>
      typeof value === 'string'
        ? value.replace(/\{\{([A-Z_]+)\}\}/g, (all, name: string) => values[name] ?? all)
        : value,
    ),
  ) as Record<string, unknown>;
  const checked = ManifestSchema.safeParse(filled);
  if (!checked.success) {
    throw new TeamsPackageError(checked.error.issues.map((i) => `manifest ${i.path.join('.')}: ${i.message}`));
  }
  const left = JSON.stringify(filled).match(/\{\{[A-Z_]+\}\}/);
  if (left) throw new TeamsPackageError([`manifest: ${left[0]} has no value`]);
  return filled;
}

export function buildTeamsPackage(input: TeamsPackageInput): Buffer {
  const manifest = buildTeamsManifest(input);
  const orange: [number, number, number, number] = [0xe2, 0x5a, 0x1c, 0xff];
  const color = png(192, (x, y) => ((x - 96) ** 2 + (y - 96) ** 2 < 70 ** 2 ? [255, 255, 255, 255] : orange));
  const outline = png(32, (x, y) =>
    (x - 16) ** 2 + (y - 16) ** 2 < 12 ** 2 && (x - 16) ** 2 + (y - 16) ** 2 > 8 ** 2
      ? [255, 255, 255, 255]
      : [0, 0, 0, 0],
  );
  return zip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: color },
    { name: 'outline.png', data: outline },
  ]);
}

/** The package input from the environment; an empty variable counts as unset. */
export function teamsPackageInputFromEnv(env: NodeJS.ProcessEnv): TeamsPackageInput {
  const set = (name: string) => (env[name]?.trim() ? env[name]?.trim() : undefined);
  return {
    appId: set('MICROSOFT_APP_ID') ?? '',
    websiteUrl: set('WEBSITE_URL') ?? '',
    ...(set('PRIVACY_URL') ? { privacyUrl: set('PRIVACY_URL') as string } : {}),
    ...(set('TERMS_URL') ? { termsUrl: set('TERMS_URL') as string } : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const pkg = buildTeamsPackage(teamsPackageInputFromEnv(process.env));
    mkdirSync('build', { recursive: true });
    writeFileSync('build/spark-or-pytorch-teams.zip', pkg);
    console.log(
      `teams:package: build/spark-or-pytorch-teams.zip (${pkg.length} bytes) — upload it in Teams → Apps → Manage your apps`,
    );
  } catch (error) {
    const problems = error instanceof TeamsPackageError ? error.problems : [(error as Error).message];
    console.error(`teams:package: nothing written —\n${problems.map((p) => `  • ${p}`).join('\n')}`);
    console.error('  e.g. MICROSOFT_APP_ID=<app id> WEBSITE_URL=https://bot.yourcompany.com npm run teams:package');
    process.exitCode = 2;
  }
}
