import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botframework-schema';

/**
 * What a call meets instead of a 200: an HTTP status (429 carries Retry-After: 1, 400 a
 * BadArgument error body), 'drop' (the socket is destroyed mid-request) or 'hang' (the request
 * is read and never answered, until the fake closes).
 */
export type Fault = number | 'drop' | 'hang';

/** A call the fake accepted: POST …/activities sends, PUT …/activities/{activityId} updates in place. */
export type Received = { method: string; path: string; activity: Partial<Activity> };
export type FakeConnector = {
  /** the serviceUrl to put on activities */
  url: string;
  /** activities the fake accepted (answered 200) */
  received: Received[];
  /** faults for the next calls, one each, in order */
  faults: Fault[];
  /** a fault for every call it returns one for, after `faults` is used up */
  rule: ((activity: Partial<Activity>) => Fault | undefined) | undefined;
  /** calls that reached the fake, accepted or not */
  readonly attempts: number;
  close(): Promise<void>;
};

function inject(fault: Fault, req: IncomingMessage, res: ServerResponse) {
  if (fault === 'drop') return void req.socket.destroy();
  if (fault === 'hang') return; // held open; the bot's timeout (or close) ends it
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (fault === 429) headers['retry-after'] = '1';
  const code = fault === 400 ? 'BadArgument' : fault === 429 ? 'Throttled' : 'ServiceError';
  res.writeHead(fault, headers).end(JSON.stringify({ error: { code, message: `fake connector: ${fault}` } }));
}

/**
 * A loopback Bot Framework connector with injectable faults: POST /v3/conversations/{id}/activities
 * (send) answers a new activity id, PUT /v3/conversations/{id}/activities/{activityId} (update)
 * answers the updated activity's own id.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  let attempts = 0;
  const fake: Omit<FakeConnector, 'attempts' | 'close' | 'url'> = { received: [], faults: [], rule: undefined };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    attempts++;
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Partial<Activity>;
    const fault = fake.faults.shift() ?? fake.rule?.(activity);
    if (fault !== undefined) return inject(fault, req, res);
    const method = req.method ?? 'POST';
    const updated = method === 'PUT' ? /\/activities\/([^/?]+)$/.exec(req.url ?? '') : null;
    if (method === 'PUT' && !updated) return inject(400, req, res);
    fake.received.push({ method, path: req.url ?? '', activity });
    const id = updated ? decodeURIComponent(updated[1] ?? '') : `reply-${fake.received.length}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // hung requests included
    });
  // a getter, not a copy: `attempts` keeps counting after this returns
  return Object.defineProperties(fake, {
    url: { value: url },
    close: { value: close },
    attempts: { get: () => attempts },
  }) as FakeConnector;
}
