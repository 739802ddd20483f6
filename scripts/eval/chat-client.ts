import { ConnectorListener, messageActivity, postActivity, type SentActivity } from './connector-listener.js';

/** One reply activity as the user sees it: its text and the buttons offered under it. */
export interface SeenReply {
  readonly text: string;
  /** Suggested actions' titles (what the button shows). */
  readonly actions: readonly string[];
}

/** The replies of one turn, in the order they were sent, and the HTTP status of the post. */
export interface TurnReplies {
  readonly status: number;
  readonly replies: readonly SeenReply[];
}

export function seenReply(activity: SentActivity): SeenReply {
  const suggested = activity.suggestedActions as { actions?: Array<{ title?: unknown; value?: unknown }> } | undefined;
  const actions = (suggested?.actions ?? []).map((a) => String(a.title ?? a.value ?? ''));
  return { text: activity.text ?? '', actions };
}

/**
 * Types into /api/messages of any assistant (in-process or a child process) as a given user and
 * collects the bot's replies to exactly that activity (by replyToId), so turns of conversations
 * sent at the same time are told apart. With authentication off the replies are posted before
 * /api/messages answers, so they are all in when the post returns.
 */
export class ChatClient {
  readonly connector = new ConnectorListener();
  serviceUrl = '';

  async start(): Promise<this> {
    this.serviceUrl = await this.connector.start();
    return this;
  }

  async turn(baseUrl: string, message: { from: string; conversationId: string; text: string; locale?: string }): Promise<TurnReplies> {
    const activity = messageActivity({ serviceUrl: this.serviceUrl, ...message });
    const response = await postActivity(baseUrl, activity);
    await response.arrayBuffer();
    const replies = this.connector.received.filter((a) => a.replyToId === activity.id).map(seenReply);
    return { status: response.status, replies };
  }

  stop(): Promise<void> {
    return this.connector.stop();
  }
}
