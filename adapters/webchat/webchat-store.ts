import type { Activity } from 'botbuilder';

/** A web chat conversation: who it belongs to (from the signed token) and where its sequence is. */
export interface WebChatConversation {
  id: string;
  /** The token's subject: the portal user's id (e-mail). */
  userId: string;
  userName: string;
  locale: string | undefined;
  /** The last activity sequence number (0 when empty). */
  lastSeq: number;
  /** Set once the client has started the conversation. */
  startedAt: string | undefined;
}

/** An activity as stored: its place in the conversation's sequence and the activity itself. */
export interface StoredActivity {
  seq: number;
  activity: Partial<Activity>;
}

/**
 * Where web chat conversations and their activities live, so a page reload resumes a conversation
 * and any process can serve it. Implemented on PostgreSQL/PGlite by PgWebChatStore.
 */
export interface WebChatStore {
  createConversation(conversation: { id: string; userId: string; userName: string; locale?: string }): Promise<WebChatConversation>;
  getConversation(id: string): Promise<WebChatConversation | undefined>;
  /** Marks the conversation started; true only for the call that started it. */
  markStarted(id: string, locale: string | undefined): Promise<boolean>;
  /**
   * Appends an activity with the next sequence number; its `id` becomes `<conversation id>|<seq>`
   * unless `activityId` is given (an update keeps the id it replaces). Undefined when the
   * conversation does not exist.
   */
  append(conversationId: string, activity: Partial<Activity>, activityId?: string): Promise<StoredActivity | undefined>;
  /** Activities after `afterSeq`, in order, at most `limit`. */
  activitiesAfter(conversationId: string, afterSeq: number, limit: number): Promise<StoredActivity[]>;
  /** Removes every stored version of an activity; true when there was one. */
  deleteActivity(conversationId: string, activityId: string): Promise<boolean>;
  /** Wakes every stream of the conversation, in every process. */
  notify(event: WebChatEvent): Promise<void>;
  /** Calls `handler` for every event of every process; the returned function stops it. */
  subscribe(handler: (event: WebChatEvent) => void): Promise<() => Promise<void>>;
  /** A random signing key kept in the database: the same for every process and every restart. */
  sharedSecret(name: string): Promise<string>;
}

/** Something happened in a conversation: new activities up to `seq`, or an ephemeral (typing) one. */
export type WebChatEvent =
  | { conversationId: string; kind: 'appended'; seq: number }
  | { conversationId: string; kind: 'ephemeral'; activity: Partial<Activity> };
