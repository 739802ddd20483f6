import WebSocket from 'ws';

/** A small Direct Line 3.0 client over real HTTP and WebSocket, for tests. */
export const PORTAL_SECRET = 'portal-secret-for-tests-0123456789abcdef';
export const TOKEN_SECRET = 'token-secret-for-tests-0123456789abcdef';
export const WEBCHAT_ENV = { PORTAL_API_SECRET: PORTAL_SECRET, WEBCHAT_TOKEN_SECRET: TOKEN_SECRET };

export interface DlActivity {
  id?: string;
  type?: string;
  text?: string;
  from?: { id?: string; name?: string; role?: string };
  replyToId?: string;
  channelData?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface DlConversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

export interface ActivityGroup {
  activities: DlActivity[];
  watermark?: string;
}

const dl = (baseUrl: string) => `${baseUrl}/v3/directline`;

export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, body: parsed };
}

/** A user token from the portal's server-side route. */
export async function portalToken(baseUrl: string, user: string, secret = PORTAL_SECRET): Promise<string> {
  const { status, body } = await call(`${baseUrl}/api/webchat/token`, { token: secret, body: { user } });
  if (status !== 200) throw new Error(`portal token: ${status} ${JSON.stringify(body)}`);
  return (body as { token: string }).token;
}

export async function startConversation(baseUrl: string, token: string): Promise<DlConversation> {
  const { status, body } = await call(`${dl(baseUrl)}/conversations`, { method: 'POST', token, raw: '{}' });
  if (status !== 201 && status !== 200) throw new Error(`start: ${status} ${JSON.stringify(body)}`);
  return body as DlConversation;
}

export function postActivity(baseUrl: string, conversation: { conversationId: string; token: string }, activity: DlActivity) {
  return call(`${dl(baseUrl)}/conversations/${encodeURIComponent(conversation.conversationId)}/activities`, {
    token: conversation.token,
    body: activity,
  });
}

export function getActivities(baseUrl: string, conversation: { conversationId: string; token: string }, watermark?: string) {
  const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
  return call(`${dl(baseUrl)}/conversations/${encodeURIComponent(conversation.conversationId)}/activities${query}`, {
    token: conversation.token,
  });
}

export function message(text: string, extra: Partial<DlActivity> = {}): DlActivity {
  return { type: 'message', text, locale: 'da-DK', from: { id: 'whoever', name: 'Whoever' }, ...extra };
}

/** A WebSocket on a conversation's streamUrl that records every activity it receives. */
export class StreamRecorder {
  readonly activities: DlActivity[] = [];
  readonly watermarks: string[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: WebSocket.RawData) => {
      const text = data.toString();
      if (!text) return;
      const group = JSON.parse(text) as ActivityGroup;
      this.activities.push(...group.activities);
      if (group.watermark) this.watermarks.push(group.watermark);
    });
  }

  static open(streamUrl: string): Promise<StreamRecorder> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(streamUrl);
      const recorder = new StreamRecorder(ws);
      ws.once('open', () => resolve(recorder));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** The status a refused upgrade answered with. */
  static refusal(streamUrl: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(streamUrl);
      ws.once('open', () => {
        ws.close();
        reject(new Error('the stream opened'));
      });
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.once('error', () => undefined);
    });
  }

  async waitFor(predicate: (activities: DlActivity[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.activities)) {
      if (Date.now() > deadline) {
        throw new Error(`stream: condition not met in ${timeoutMs} ms; got ${JSON.stringify(this.activities.map((a) => [a.type, a.from?.role, a.text?.slice(0, 30)]))}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

export const isWelcome = (a: DlActivity) => a.from?.role === 'bot' && typeof a.text === 'string' && a.text.startsWith('Hej!');
