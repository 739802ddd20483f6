/**
 * A person's data (GDPR articles 15 and 17, as a Danish public authority keeps them): everything
 * the assistant stores about one person, found by their e-mail address, exported as one document;
 * and the erasure of what is theirs alone — transcripts, bot state, conversation references,
 * feedback and unanswered questions. Cases, their history and their attached files are the
 * authority's records and stay (they are exported — files as name, type and size — never erased here); so do the user and their notification deliveries,
 * which belong to those cases.
 *
 * How rows map to a person:
 * - portal rows carry the portal user's id (`portal_user.email` is the key in);
 * - web chat conversations carry the subject of the portal's token, the e-mail (older tokens, or
 *   another portal, may have used the user id: both are looked for);
 * - bot state keys are `<channel>/users/<from.id>/` and `<channel>/conversations/<id>/`: from.id
 *   is the e-mail in web chat and the Emulator, the Teams member id in Teams (known from the
 *   stored conversation reference); conversations are the person's web chat conversations and the
 *   personal (1:1) conversations of their references. A group chat's state is not theirs alone
 *   and is never erased.
 */
import type { Database, Queryable } from './database.js';

export interface PersonalDataExport {
  exportedAt: string;
  email: string;
  /** The portal user, or null when the address is not a user's (web chat may still know it). */
  user: Record<string, unknown> | null;
  identities: Record<string, unknown>[];
  institutions: Record<string, unknown>[];
  sharedMailboxes: Record<string, unknown>[];
  communityRequests: Record<string, unknown>[];
  /** Cases they asked for, sent from their mailbox, or acted on; each with its whole history. */
  cases: Array<Record<string, unknown> & { history: Record<string, unknown>[] }>;
  transcripts: Array<Record<string, unknown> & { activities: Record<string, unknown>[] }>;
  /** Bot state documents that are theirs (user state and their conversations' state). */
  state: Record<string, unknown>[];
  /** Other state documents (someone else's conversation) that mention their e-mail or id. */
  stateMentioning: Record<string, unknown>[];
  conversationReferences: Record<string, unknown>[];
  feedback: Record<string, unknown>[];
  unansweredQuestions: Record<string, unknown>[];
  /** Cases the knowledge base solved at submit ("Det løste det"). */
  deflections: Record<string, unknown>[];
  /** Files they attached, and the files on their cases: name, type, size, when (the bytes stay with the case). */
  attachments: Record<string, unknown>[];
  notificationDeliveries: Record<string, unknown>[];
  /** Pending one-time codes sent to the address at registration (the code's hash and salt are not shown). */
  verificationCodes: Record<string, unknown>[];
}

/** What an erasure deleted, by kind. */
export interface ErasureReport {
  erasedAt: string;
  email: string;
  userFound: boolean;
  deleted: {
    webchatConversations: number;
    webchatActivities: number;
    botState: number;
    conversationReferences: number;
    feedback: number;
    unansweredQuestions: number;
    deflections: number;
    verificationCodes: number;
  };
  /** Kept on purpose: the authority's records. */
  kept: { cases: number; attachments: number; notificationDeliveries: number };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Person {
  email: string;
  userId: string | undefined;
  /** The ids this person has in channels (from.id): e-mail, portal id, Teams member ids. */
  channelIds: string[];
  /** Exact-prefix LIKE patterns of the bot state keys that are theirs. */
  statePatterns: string[];
  webchatConversationIds: string[];
}

interface ReferenceRow {
  channel_id: string;
  reference: unknown;
}

function parsed(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

async function findPerson(db: Queryable, rawEmail: string): Promise<Person> {
  const email = rawEmail.trim().toLowerCase();
  const { rows: users } = await db.query<{ id: string }>('SELECT id::text AS id FROM portal_user WHERE email = $1', [email]);
  const userId = users[0]?.id;
  const ids = userId ? [email, userId] : [email];
  const { rows: conversations } = await db.query<{ id: string }>(
    'SELECT id FROM webchat_conversations WHERE user_id = ANY($1::text[]) OR lower(user_id) = $2 ORDER BY created_at',
    [ids, email],
  );
  const references = userId
    ? (await db.query<ReferenceRow>('SELECT channel_id, reference FROM notification_reference WHERE user_id = $1::uuid', [userId])).rows
    : [];
  const channelIds = new Set(ids);
  const statePatterns: string[] = [];
  for (const { id } of conversations) statePatterns.push(`webchat/conversations/${likeLiteral(id)}/%`);
  for (const row of references) {
    const reference = parsed(row.reference) as { user?: { id?: unknown }; conversation?: { id?: unknown; conversationType?: unknown; isGroup?: unknown } };
    if (typeof reference.user?.id === 'string') channelIds.add(reference.user.id);
    const conversation = reference.conversation;
    const personal = conversation?.isGroup !== true && (conversation?.conversationType === undefined || conversation.conversationType === 'personal');
    if (personal && typeof conversation?.id === 'string') statePatterns.push(`${likeLiteral(row.channel_id)}/conversations/${likeLiteral(conversation.id)}/%`);
  }
  for (const id of channelIds) statePatterns.push(`%/users/${likeLiteral(id)}/%`);
  return { email, userId, channelIds: [...channelIds], statePatterns, webchatConversationIds: conversations.map((c) => c.id) };
}

const JSONB_COLUMNS = new Set(['document', 'activity', 'reference', 'event', 'actor', 'data', 'field_values']);

/** The JSON a row becomes: timestamps as ISO strings, jsonb as objects, counts as numbers. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) out[key] = value.toISOString();
    else if (JSONB_COLUMNS.has(key)) out[key] = parsed(value);
    else if (key === 'seq' || key === 'case_seq' || key === 'attempts') out[key] = Number(value);
    else out[key] = value;
  }
  return out;
}

const NO_USER = '00000000-0000-0000-0000-000000000000';

/** Export and erasure of one person's data, on PostgreSQL or PGlite. */
export class PgPersonalData {
  constructor(private readonly db: Database) {}

  async export(email: string): Promise<PersonalDataExport> {
    const db = this.db;
    const person = await findPerson(db, email);
    const uid = person.userId ?? NO_USER;
    const all = async (sql: string, params: unknown[]) => (await db.query<Record<string, unknown>>(sql, params)).rows.map(plain);

    const user = person.userId
      ? ((await all(
          `SELECT id::text, email, name, primary_institution_id, kind, roles, consent_accepted_version, created_at FROM portal_user WHERE id = $1::uuid`,
          [uid],
        ))[0] ?? null)
      : null;
    const cases = await all(
      `SELECT c.number, c.id::text, c.subject, c.status, c.area_id, c.system_id, c.form_id, c.form_version, c.field_values,
              c.institution_id, c.requester_id::text, c.sent_from_id::text, c.created_at, c.updated_at, c.seq
         FROM portal_case c
        WHERE c.requester_id = $1::uuid OR c.sent_from_id = $1::uuid
           OR EXISTS (SELECT 1 FROM portal_case_event e WHERE e.case_seq = c.seq AND e.actor->>'userId' = $2::text)
        ORDER BY c.seq`,
      [uid, uid],
    );
    const history = await all(
      `SELECT case_seq, type, actor, at, data FROM portal_case_event WHERE case_seq = ANY($1::bigint[]) ORDER BY case_seq, id`,
      [cases.map((c) => c.seq)],
    );
    const transcripts = await all(
      `SELECT id, user_id, user_name, locale, created_at, started_at FROM webchat_conversations WHERE id = ANY($1::text[]) ORDER BY created_at`,
      [person.webchatConversationIds],
    );
    const activities = await all(
      `SELECT conversation_id, seq, activity, created_at FROM webchat_activities WHERE conversation_id = ANY($1::text[]) ORDER BY conversation_id, seq`,
      [person.webchatConversationIds],
    );
    const state = await all(`SELECT key, document, updated_at FROM bot_state WHERE key LIKE ANY($1::text[]) ORDER BY key`, [person.statePatterns]);
    const mentions = [person.email, ...(person.userId ? [person.userId] : [])].map((id) => `%${likeLiteral(id)}%`);
    const stateMentioning = await all(
      `SELECT key, document, updated_at FROM bot_state
        WHERE NOT (key LIKE ANY($1::text[])) AND (lower(document::text) LIKE ANY($2::text[]) OR lower(key) LIKE ANY($2::text[])) ORDER BY key`,
      [person.statePatterns, mentions],
    );

    return {
      exportedAt: new Date().toISOString(),
      email: person.email,
      user,
      identities: await all(`SELECT provider, subject FROM portal_user_identity WHERE user_id = $1::uuid ORDER BY provider, subject`, [uid]),
      institutions: await all(
        `SELECT i.id, i.name, i.allow_subdomains, array(SELECT domain FROM portal_institution_domain d WHERE d.institution_id = i.id ORDER BY added_seq) AS domains,
                CASE WHEN i.id = u.primary_institution_id THEN 'primary' ELSE 'community' END AS relation
           FROM portal_institution i JOIN portal_user u ON u.id = $1::uuid
          WHERE i.id = u.primary_institution_id
             OR i.id IN (SELECT institution_id FROM portal_community_request WHERE user_id = $1::uuid AND status = 'approved')
          ORDER BY relation DESC, i.id`,
        [uid],
      ),
      sharedMailboxes: await all(
        `SELECT m.email AS mailbox, mm.added_by, mm.added_at, CASE WHEN mm.member_id = $1::uuid THEN 'member' ELSE 'mailbox' END AS relation,
                (SELECT email FROM portal_user WHERE id = mm.member_id) AS member
           FROM portal_mailbox_member mm JOIN portal_user m ON m.id = mm.mailbox_id
          WHERE mm.member_id = $1::uuid OR mm.mailbox_id = $1::uuid ORDER BY m.email, member`,
        [uid],
      ),
      communityRequests: await all(
        `SELECT id::text, institution_id, status, requested_at, case_number, decided_by, decided_at, decision_note FROM portal_community_request WHERE user_id = $1::uuid ORDER BY seq`,
        [uid],
      ),
      cases: cases.map(({ seq, ...c }) => ({ ...c, history: history.filter((h) => h.case_seq === seq).map(({ case_seq: _seq, ...h }) => h) })),
      transcripts: transcripts.map((t) => ({
        ...t,
        activities: activities.filter((a) => a.conversation_id === t.id).map(({ conversation_id: _id, ...a }) => a),
      })),
      state,
      stateMentioning,
      conversationReferences: await all(`SELECT channel_id, reference, locale, updated_at FROM notification_reference WHERE user_id = $1::uuid ORDER BY channel_id`, [uid]),
      feedback: await all(`SELECT question, article_id, helpful, locale, at FROM kb_feedback WHERE user_id = $1::uuid ORDER BY at, id`, [uid]),
      unansweredQuestions: await all(`SELECT question, locale, at FROM kb_unanswered WHERE user_id = $1::uuid ORDER BY at, id`, [uid]),
      deflections: await all(`SELECT article_id, area_id, form_id, channel_id, locale, at FROM case_deflection WHERE user_id = $1::uuid ORDER BY at, id`, [uid]),
      attachments: await all(
        `SELECT a.id::text, a.case_number, a.name, a.content_type, a.size, (a.uploader_id = $1::uuid) AS uploaded_by_them, a.created_at
           FROM case_attachment a
          WHERE a.uploader_id = $1::uuid
             OR a.case_number IN (SELECT number FROM portal_case WHERE requester_id = $1::uuid OR sent_from_id = $1::uuid)
          ORDER BY a.created_at, a.id`,
        [uid],
      ),
      notificationDeliveries: await all(
        `SELECT event_id, event, status, attempts, channel_id, last_error, created_at, finished_at FROM notification_delivery WHERE user_id = $1::uuid ORDER BY created_at, event_id`,
        [uid],
      ),
      verificationCodes: await all(
        `SELECT subject, reference AS code_reference, tries, sends, window_started_at, sent_at, expires_at FROM address_verification WHERE email = $1 ORDER BY sent_at, subject`,
        [person.email],
      ),
    };
  }

  /** Deletes what is theirs alone, in one transaction, and answers what went. */
  async erase(email: string): Promise<ErasureReport> {
    return this.db.transaction(async (tx) => {
      const person = await findPerson(tx, email);
      const uid = person.userId ?? NO_USER;
      const count = async (sql: string, params: unknown[]) => (await tx.query(sql, params)).rows.length;
      const webchatActivities = await count('DELETE FROM webchat_activities WHERE conversation_id = ANY($1::text[]) RETURNING seq', [person.webchatConversationIds]);
      const webchatConversations = await count('DELETE FROM webchat_conversations WHERE id = ANY($1::text[]) RETURNING id', [person.webchatConversationIds]);
      const botState = await count('DELETE FROM bot_state WHERE key LIKE ANY($1::text[]) RETURNING key', [person.statePatterns]);
      const conversationReferences = await count('DELETE FROM notification_reference WHERE user_id = $1::uuid RETURNING channel_id', [uid]);
      const feedback = await count('DELETE FROM kb_feedback WHERE user_id = $1::uuid RETURNING id', [uid]);
      const unansweredQuestions = await count('DELETE FROM kb_unanswered WHERE user_id = $1::uuid RETURNING id', [uid]);
      const deflections = await count('DELETE FROM case_deflection WHERE user_id = $1::uuid RETURNING id', [uid]);
      const verificationCodes = await count('DELETE FROM address_verification WHERE email = $1 RETURNING subject', [person.email]);
      const kept = async (sql: string) => Number((await tx.query<{ n: unknown }>(sql, [uid])).rows[0]?.n ?? 0);
      return {
        erasedAt: new Date().toISOString(),
        email: person.email,
        userFound: person.userId !== undefined,
        deleted: { webchatConversations, webchatActivities, botState, conversationReferences, feedback, unansweredQuestions, deflections, verificationCodes },
        kept: {
          cases: await kept('SELECT count(*) AS n FROM portal_case WHERE requester_id = $1::uuid OR sent_from_id = $1::uuid'),
          // Files on cases are part of the cases (the authority's records) and stay with them.
          attachments: await kept('SELECT count(*) AS n FROM case_attachment WHERE uploader_id = $1::uuid'),
          notificationDeliveries: await kept('SELECT count(*) AS n FROM notification_delivery WHERE user_id = $1::uuid'),
        },
      };
    });
  }
}
