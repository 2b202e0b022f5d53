import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';

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

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'bad request',
  401: 'unauthorized: the request needs a valid Bot Framework token',
  403: 'forbidden',
};
const GENERIC_ERROR = 'the bot could not handle this activity; see the server log (request id in x-request-id)';

/** botbuilder's Request/Response over Node's own, so CloudAdapter runs on our server. */
export function bridge(
  req: IncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown>,
  /** told what botbuilder wanted to answer with an error status, for the log */
  onErrorBody?: (status: number, payload: unknown) => void,
): { request: Request; response: Response } {
  let status = 200;
  let payload: unknown;
  const request: Request = {
    body,
    headers: req.headers as Record<string, string | string[] | undefined>,
    method: req.method ?? 'POST',
  };
  const response: Response = {
    socket: res.socket,
    header: (name, value) => res.setHeader(name, String(value)),
    status: (code) => {
      status = code;
    },
    send: (value) => {
      payload = value;
    },
    end: () => {
      if (res.headersSent) return;
      // botbuilder's error bodies name its internals (a failed login URL, a TypeError): callers get
      // a plain reason, the details go to the log only
      if (status >= 400) {
        onErrorBody?.(status, payload);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(ERROR_TEXT[status] ?? GENERIC_ERROR);
        return;
      }
      if (payload === undefined) res.writeHead(status).end();
      else {
        const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
        res
          .writeHead(status, { 'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json' })
          .end(text);
      }
    },
  };
  return { request, response };
}
