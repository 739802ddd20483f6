import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionKey } from '../../../knowledge/index.js';
import { DATABASE_KINDS } from '../../support/database.js';
import { createDeskWorld, DESK_TOKEN, type DeskWorld } from '../../support/desk-world.js';

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week of `at`, as YYYY-MM-DD. */
function mondayOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

describe.each(DATABASE_KINDS)('the desk insights routes on %s', (kind) => {
  let world: DeskWorld;
  const now = new Date();
  beforeAll(async () => {
    world = await createDeskWorld(kind, { now });
  });
  afterAll(async () => world?.dispose());

  const get = async (path: string, token = DESK_TOKEN): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${world.base}/api/agent/insights${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** Rows of a table as plain objects with `at` as a Date. */
  const rows = async <T extends Record<string, unknown>>(sql: string): Promise<T[]> => (await world.database.db.query<T>(sql)).rows;
  /** The first day of a period of `weeks` weeks. */
  const start = (weeks: number): number => new Date(`${mondayOf(now)}T00:00:00Z`).getTime() - (weeks - 1) * 7 * DAY;
  const inPeriod = (at: unknown, weeks: number): boolean => new Date(at as string).getTime() >= start(weeks);

  describe('when the token is missing or wrong', () => {
    it('answers 401 and shows nothing', async () => {
      const response = await get('/deflection', 'wrong-token-0123456789');
      expect(response.status).toBe(401);
      expect(response.body).not.toHaveProperty('weeks');
    });
  });

  describe('when the period is not a number of weeks', () => {
    it('answers 400', async () => {
      expect((await get('/cases?weeks=0')).status).toBe(400);
      expect((await get('/cases?weeks=abc')).status).toBe(400);
    });
  });

  describe.each([4, 12, 52])('over %i weeks', (weeks) => {
    it('counts per week answers that helped, deflected cases and created cases as the tables hold them', async () => {
      const feedback = await rows<{ helpful: boolean; at: unknown }>('SELECT helpful, at FROM kb_feedback');
      const deflections = await rows<{ at: unknown }>('SELECT at FROM case_deflection');
      const cases = await rows<{ created_at: unknown }>('SELECT created_at FROM portal_case');
      const expected = new Map<string, { answeredHelpful: number; deflected: number; casesCreated: number }>();
      for (let w = 0; w < weeks; w++) expected.set(new Date(start(weeks) + w * 7 * DAY).toISOString().slice(0, 10), { answeredHelpful: 0, deflected: 0, casesCreated: 0 });
      const bump = (at: unknown, key: 'answeredHelpful' | 'deflected' | 'casesCreated'): void => {
        if (!inPeriod(at, weeks)) return;
        const week = expected.get(mondayOf(new Date(at as string)));
        if (week) week[key] += 1;
      };
      for (const f of feedback) if (f.helpful) bump(f.at, 'answeredHelpful');
      for (const d of deflections) bump(d.at, 'deflected');
      for (const c of cases) bump(c.created_at, 'casesCreated');

      const { status, body } = await get(`/deflection?weeks=${weeks}`);
      expect(status).toBe(200);
      expect(body.weeks).toEqual([...expected].map(([week, figures]) => ({ week, ...figures })));
      const total = (key: 'answeredHelpful' | 'deflected' | 'casesCreated') => [...expected.values()].reduce((n, w) => n + w[key], 0);
      expect(body.totals).toEqual({ answeredHelpful: total('answeredHelpful'), deflected: total('deflected'), casesCreated: total('casesCreated') });
      expect(total('casesCreated')).toBeGreaterThan(0);
      expect(String(body.svg)).toMatch(/^<svg[^>]*role="img"/);
      expect((String(body.svg).match(/class="bar"/g) ?? []).length).toBe(weeks * 3);
    });

    it('lists the unanswered questions grouped as typed differently, most frequent first, with the article that came closest', async () => {
      const asked = (await rows<{ question: string; at: unknown }>('SELECT question, at FROM kb_unanswered')).filter((r) => inPeriod(r.at, weeks));
      const counts = new Map<string, number>();
      for (const r of asked) counts.set(questionKey(r.question), (counts.get(questionKey(r.question)) ?? 0) + 1);
      const { body } = await get(`/unanswered?weeks=${weeks}`);
      const items = body.items as { question: string; count: number; closestTitle: string | null }[];
      expect(items.map((i) => [questionKey(i.question), i.count]).sort()).toEqual([...counts].sort());
      expect(items.map((i) => i.count)).toEqual([...items.map((i) => i.count)].sort((a, b) => b - a));
      for (const item of items) expect(item.closestTitle).toBe(/løn/i.test(item.question) ? 'Lønseddel' : null);
    });

    it('lists the articles with "not helpful" votes, the largest share first', async () => {
      const votes = (await rows<{ article_id: string; helpful: boolean; at: unknown }>('SELECT article_id, helpful, at FROM kb_feedback')).filter((r) => inPeriod(r.at, weeks));
      const by = new Map<string, { helpful: number; notHelpful: number }>();
      for (const v of votes) {
        const entry = by.get(v.article_id) ?? { helpful: 0, notHelpful: 0 };
        if (v.helpful) entry.helpful += 1;
        else entry.notHelpful += 1;
        by.set(v.article_id, entry);
      }
      const expected = [...by].filter(([, v]) => v.notHelpful > 0).map(([articleId, v]) => ({ articleId, ...v, notHelpfulShare: v.notHelpful / (v.helpful + v.notHelpful) }));
      expected.sort((a, b) => b.notHelpfulShare - a.notHelpfulShare || b.notHelpful - a.notHelpful || a.articleId.localeCompare(b.articleId));
      const { body } = await get(`/articles?weeks=${weeks}`);
      expect((body.items as Record<string, unknown>[]).map(({ title: _t, ...rest }) => rest)).toEqual(expected);
    });

    it('counts the cases created by area, form and channel (cases from outside the chat as such)', async () => {
      const cases = (await rows<{ area_id: string; form_id: string; created_at: unknown; channel_id: string | null }>(
        'SELECT c.area_id, c.form_id, c.created_at, ch.channel_id FROM portal_case c LEFT JOIN case_channel ch ON ch.case_number = c.number',
      )).filter((c) => inPeriod(c.created_at, weeks));
      const tally = (key: (c: (typeof cases)[number]) => string) => {
        const m = new Map<string, number>();
        for (const c of cases) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
        return [...m].sort();
      };
      const { body } = await get(`/cases?weeks=${weeks}`);
      const got = (kind: 'area' | 'form' | 'channel') => (body[kind] as { key: string; count: number }[]).map((r) => [r.key, r.count]).sort();
      expect(got('area')).toEqual(tally((c) => c.area_id));
      expect(got('form')).toEqual(tally((c) => c.form_id));
      expect(got('channel')).toEqual(tally((c) => c.channel_id ?? 'portal'));
      expect((body.channel as { label: string }[]).map((r) => r.label)).toEqual(expect.arrayContaining(['Webchat']));
    });

    it('lists the notification deliveries that failed', async () => {
      const failed = (await rows<{ event_id: string; status: string; created_at: unknown }>('SELECT event_id, status, created_at FROM notification_delivery')).filter(
        (d) => d.status === 'failed' && inPeriod(d.created_at, weeks),
      );
      const { body } = await get(`/notifications?weeks=${weeks}`);
      expect(body.total).toBe(failed.length);
      expect((body.items as { eventId: string }[]).map((i) => i.eventId).sort()).toEqual(failed.map((d) => d.event_id).sort());
    });
  });

  describe('when /desk is opened', () => {
    it('serves the page with a strict content security policy', async () => {
      const response = await fetch(`${world.base}/desk`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<html lang="da">');
      expect(html).toContain('Adgangsnøgle');
    });
  });
});

describe('the desk page without AGENT_API_TOKEN', () => {
  let world: DeskWorld;
  beforeAll(async () => {
    world = await createDeskWorld('pglite', { token: undefined });
  });
  afterAll(async () => world?.dispose());

  it('says it is off, and the insights routes do not exist', async () => {
    const page = await (await fetch(`${world.base}/desk`)).text();
    expect(page).toContain('slået fra');
    expect(page).not.toContain('desk.js');
    expect((await fetch(`${world.base}/api/agent/insights/cases`, { headers: { authorization: `Bearer ${DESK_TOKEN}` } })).status).toBe(404);
  });
});
