import type { DemoWorldKeys } from '../../portal/index.js';
import type { Queryable } from './database.js';

/**
 * True when everything of the demo world is in the database (one query): then seeding would add
 * nothing, and a start on an existing data folder skips its two dozen round trips. Anything
 * missing (a demo user erased, a case deleted) and the start seeds as before.
 */
export async function demoWorldComplete(db: Queryable, keys: DemoWorldKeys): Promise<boolean> {
  return (await demoWorldState(db, keys)) === 'complete';
}

/**
 * How much of the demo world is in the database (one query): all of it, none of it (a new data
 * folder: seeding then need not look for each thing before adding it), or some.
 */
export async function demoWorldState(db: Queryable, keys: DemoWorldKeys): Promise<'complete' | 'empty' | 'partial'> {
  const { rows } = await db.query<{ institutions: string; users: string; members: string; access: string; cases: string }>(
    `SELECT
       (SELECT count(*) FROM portal_institution WHERE id = ANY($1::text[])) AS institutions,
       (SELECT count(*) FROM portal_user WHERE email = ANY($2::text[])) AS users,
       (SELECT count(*) FROM portal_mailbox_member m
          JOIN portal_user b ON b.id = m.mailbox_id JOIN portal_user u ON u.id = m.member_id
          WHERE b.email || ' ' || u.email = ANY($3::text[])) AS members,
       (SELECT count(DISTINCT u.email || ' ' || r.institution_id) FROM portal_community_request r
          JOIN portal_user u ON u.id = r.user_id
          WHERE r.status = 'approved' AND u.email || ' ' || r.institution_id = ANY($4::text[])) AS access,
       (SELECT count(*) FROM portal_case WHERE idempotency_key = ANY($5::text[])) AS cases`,
    [
      keys.institutionIds,
      keys.userEmails,
      keys.mailboxMembers.map((m) => `${m.mailbox} ${m.member}`),
      keys.communityAccess.map((a) => `${a.email} ${a.institutionId}`),
      keys.caseKeys,
    ],
  );
  const row = rows[0];
  if (!row) return 'partial';
  if ([row.institutions, row.users, row.members, row.access, row.cases].every((n) => Number(n) === 0)) return 'empty';
  const complete =
    Number(row.institutions) === new Set(keys.institutionIds).size &&
    Number(row.users) === new Set(keys.userEmails).size &&
    Number(row.members) === new Set(keys.mailboxMembers.map((m) => `${m.mailbox} ${m.member}`)).size &&
    Number(row.access) === new Set(keys.communityAccess.map((a) => `${a.email} ${a.institutionId}`)).size &&
    Number(row.cases) === new Set(keys.caseKeys).size;
  return complete ? 'complete' : 'partial';
}
