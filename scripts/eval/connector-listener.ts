import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity as the bot sent it to the Bot Connector. */
export type SentActivity = Record<string, unknown> & { type?: string; text?: string; conversation?: { id?: string } };

/**
 * Stands in for the Bot Connector service: the bot's replies (POST …/v3/conversations/{id}/
 * activities[/{replyToId}]) arrive here and are recorded per conversation.
 */
export class ConnectorListener {
  readonly received: SentActivity[] = [];
  private readonly server: Server;
  private waiters: Array<() => void> = [];
  /** Status to answer with; a function may fail some requests on purpose. */
  respond: (activity: SentActivity, attempt: number) => number = () => 200;
  /** Headers of a failure answer (e.g. Retry-After). */
  failureHeaders: Record<string, string> = {};
  /** Every request that reached the listener, failed ones included: method and path. */
  readonly requests: Array<{ method: string; url: string; status: number; activity?: SentActivity }> = [];
  /** Card updates (PUT …/activities/{activityId}), with the id they replace. */
  readonly updated: Array<SentActivity & { replacedId: string }> = [];
  /** Roster for TeamsInfo.getMember (GET …/conversations/{id}/members/{memberId}); unknown members get 404. */
  readonly members = new Map<string, Record<string, unknown>>();
  private attempts = 0;
  /** Conversations created (POST …/v3/conversations): the parameters and the id answered. */
  readonly created: Array<{ parameters: Record<string, unknown>; id: string; status: number }> = [];
  /** Status for a createConversation call (e.g. 403: the user does not have the app). Default 200. */
  respondCreate: (parameters: Record<string, unknown>) => number = () => 200;

  constructor() {
    this.server = createServer((req, res) => {
      readBody(req).then((body) => {
        const url = req.url ?? '';
        if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(url)) {
          const activity = JSON.parse(body || '{}') as SentActivity;
          const status = this.respond(activity, ++this.attempts);
          this.requests.push({ method: 'POST', url, status, activity });
          if (status < 300) {
            this.received.push(activity);
            for (const w of this.waiters.splice(0)) w();
          }
          res.writeHead(status, { 'content-type': 'application/json', ...(status < 300 ? {} : this.failureHeaders) });
          res.end(JSON.stringify({ id: `sent-${this.received.length}` }));
          return;
        }
        const update = /\/v3\/conversations\/[^/]+\/activities\/([^/?]+)/.exec(url);
        if (req.method === 'PUT' && update) {
          const activity = JSON.parse(body || '{}') as SentActivity;
          this.requests.push({ method: 'PUT', url, status: 200, activity });
          this.updated.push({ ...activity, replacedId: decodeURIComponent(update[1] ?? '') });
          for (const w of this.waiters.splice(0)) w();
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: decodeURIComponent(update[1] ?? '') }));
          return;
        }
        const member = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(url);
        if (req.method === 'GET' && member) {
          const found = this.members.get(decodeURIComponent(member[1] ?? ''));
          this.requests.push({ method: 'GET', url, status: found ? 200 : 404 });
          res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
          res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
          return;
        }
        if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url ?? '')) {
          const parameters = JSON.parse(body || '{}') as Record<string, unknown>;
          const status = this.respondCreate(parameters);
          // Like Teams: a 1:1 conversation with the same member is the same conversation.
          const members = (parameters.members as Array<{ id?: string }> | undefined) ?? [];
          const id = parameters.isGroup === false && members.length === 1 ? `a:personal:${members[0]?.id ?? ''}` : `conv-${Date.now()}-${this.created.length}`;
          this.created.push({ parameters, id, status });
          this.requests.push({ method: 'POST', url, status });
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(status < 300 ? { id } : { error: { code: 'Forbidden', message: 'refused' } }));
          return;
        }
        res.writeHead(404);
        res.end();
      }, () => res.destroy());
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  for(conversationId: string): SentActivity[] {
    return this.received.filter((a) => a.conversation?.id === conversationId);
  }

  /** Resolves when `predicate` holds for the received activities, or rejects after `timeoutMs`. */
  async waitFor(predicate: (all: SentActivity[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`ConnectorListener: condition not met within ${timeoutMs} ms; got ${this.received.length} activities`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

let counter = 0;

/** A Bot Framework message activity as the Emulator would post it. */
export function messageActivity(options: {
  serviceUrl: string;
  conversationId: string;
  text?: string;
  from?: string;
  channelId?: string;
  locale?: string;
  value?: unknown;
}): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `act-${process.pid}-${counter}`,
    channelId: options.channelId ?? 'emulator',
    serviceUrl: options.serviceUrl,
    conversation: { id: options.conversationId },
    from: { id: options.from ?? 'user-1', name: 'Test' },
    recipient: { id: 'bot', name: 'Assistent' },
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'da-DK',
    text: options.text,
    ...(options.value === undefined ? {} : { value: options.value }),
  };
}

export async function postActivity(baseUrl: string, activity: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}
