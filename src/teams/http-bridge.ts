import type { IncomingMessage } from 'node:http';

/** Largest activity accepted; Teams activities are a few KB. */
export const TEAMS_BODY_LIMIT = 256 * 1024;

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads and parses a JSON activity from a Node request: 413, 415 and 400 as values, not crashes. */
export async function readActivityBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json'))
    throw new BodyError(415, 'activities are JSON: send Content-Type: application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > TEAMS_BODY_LIMIT) throw new BodyError(413, 'activity too large');
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'the body is not valid JSON');
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    typeof (body as { type?: unknown }).type !== 'string'
  ) {
    throw new BodyError(400, 'an activity needs a type');
  }
  return body as Record<string, unknown>;
}
