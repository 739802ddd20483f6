/**
 * The service desk's agent API: JSON over restify under /api/agent, guarded by a bearer token.
 * Agents list and read cases, change status, comment, decide community access requests and
 * manage institutions and their domains. Every change goes through the stores, which record it
 * in the case history and publish it as a domain event.
 *
 * Status codes: 400 invalid body or query (with `fields`), 401 no or wrong token, 404 unknown
 * case/request/institution, 409 a refused transition or a conflict, 201 created.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import { z } from 'zod';
import {
  caseStatusSchema,
  CPR_REFUSAL,
  domainSchema,
  hasCprNumber,
  institutionIdSchema,
  institutionSchema,
  nextStatuses,
  parseCaseNumber,
  STATUS_LABELS,
  type Actor,
  type Attachment,
  type AttachmentStore,
  type Case,
  type CaseStore,
  type CommunityAccessRequest,
  type DirectoryStore,
  type DomainError,
  type ErrorCode,
} from '../../portal/index.js';
import type { Logger } from '../../bot/logger.js';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './failures.js';
import type { HttpLimits } from './http-limits.js';
import type { RouteRegistrar } from './server.js';
import { INSIGHTS_PREFIX, insightsHandlers, type DeskInsightsOptions } from './desk-insights.js';

export const AGENT_API_PREFIX = '/api/agent';

export interface AgentApiOptions {
  /** The bearer token agents send (`Authorization: Bearer <token>`). */
  token: string;
  cases: CaseStore;
  directory: DirectoryStore;
  logger: Logger;
  /** Rate limits: every request counts against its client address, and then against its agent (X-Agent-Id). */
  limits?: HttpLimits;
  /** The desk page's figures under /api/agent/insights. Default: none. */
  insights?: DeskInsightsOptions;
  /** Files on cases: listed with a case and served at …/attachments/:id. Default: none listed. */
  attachments?: AttachmentStore;
}

function attachmentView(a: Attachment): Record<string, unknown> {
  return { id: a.id, name: a.name, contentType: a.contentType, size: a.size, createdAt: a.createdAt.toISOString() };
}

/**
 * A filename for Content-Disposition: the ASCII fallback keeps letters, digits and `._- ` (æ, ø, å
 * spelled out), and `filename*` carries the real name percent-encoded (RFC 6266 / 8187).
 */
export function contentDisposition(name: string): string {
  const ascii =
    name
      .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/Æ/g, 'Ae').replace(/Ø/g, 'Oe').replace(/Å/g, 'Aa')
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._ -]/g, '_')
      .slice(0, 120) || 'fil';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

/** HTTP status for each refusal the stores can answer. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  'CASE.NOT_FOUND': 404,
  'COMMUNITY.NOT_FOUND': 404,
  'INSTITUTION.NOT_FOUND': 404,
  'CASE.INVALID_TRANSITION': 409,
  'CASE.TRANSITION_FORBIDDEN': 409,
  'CASE.CLOSED': 409,
  'COMMUNITY.NOT_PENDING': 409,
  'INSTITUTION.ALREADY_EXISTS': 409,
  'INSTITUTION.DOMAIN_TAKEN': 409,
  'CASE.EMPTY_COMMENT': 400,
  'CASE.COMMENT_TOO_LONG': 400,
};

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.code));
  }
}

function refusal(error: DomainError): HttpProblem {
  return new HttpProblem(STATUS_OF[error.code] ?? 409, { code: error.code, message: error.message });
}

function invalid(what: 'body' | 'query' | 'header', error: z.ZodError): HttpProblem {
  return new HttpProblem(400, {
    code: what === 'body' ? 'API.INVALID_BODY' : what === 'query' ? 'API.INVALID_QUERY' : 'API.INVALID_HEADER',
    message: { da: 'Forespørgslen er ikke gyldig.', en: 'The request is not valid.' },
    fields: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  });
}

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, what: 'body' | 'query' | 'header'): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(what, parsed.error);
  return parsed.data;
}

const caseNotFound = (): HttpProblem => new HttpProblem(404, { code: 'CASE.NOT_FOUND', message: { da: 'Sagen findes ikke.', en: 'The case does not exist.' } });

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

// --- request schemas -----------------------------------------------------------------------------

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((p) => p.trim()).filter((p) => p !== ''))
    .pipe(z.array(item).min(1));

const isoInstant = z.string().datetime({ offset: true });

const caseListQuery = z
  .object({
    status: csv(caseStatusSchema).optional(),
    institution: z.string().min(1).optional(),
    area: z.string().min(1).optional(),
    form: z.string().min(1).optional(),
    /** E-mail or user id. */
    requester: z.string().min(1).optional(),
    /** E-mail or user id of the sender (e.g. a shared mailbox). */
    sentFrom: z.string().min(1).optional(),
    createdFrom: isoInstant.optional(),
    createdTo: isoInstant.optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    after: z.string().regex(/^\d+$/, 'a cursor from "next"').optional(),
  })
  .strict();

/** Free text an agent writes into a case's history: refused (400, naming the field) when it holds a CPR-like number. */
const caseText = (max: number) => z.string().trim().min(1).max(max).refine((t) => !hasCprNumber(t), CPR_REFUSAL.en);

const statusBody = z.object({ status: caseStatusSchema, note: caseText(2000).optional() }).strict();
const commentBody = z.object({ text: caseText(4000) }).strict();
const decisionBody = z.object({ note: caseText(1000).optional() }).strict().default({});
const communityListQuery = z
  .object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), institution: z.string().min(1).optional(), user: z.string().min(1).optional() })
  .strict();
const institutionBody = institutionSchema.extend({ domains: z.array(domainSchema).default([]) });
const institutionPatch = z
  .object({ name: z.string().trim().min(2).max(200).optional(), allowSubdomains: z.boolean().optional() })
  .strict()
  .refine((p) => p.name !== undefined || p.allowSubdomains !== undefined, 'give name and/or allowSubdomains');
const domainBody = z.object({ domain: domainSchema }).strict();
const agentHeader = z
  .string()
  .regex(/^[\w.@-]{1,100}$/, 'letters, digits, . _ @ - (at most 100)')
  .optional();

// --- views -----------------------------------------------------------------------------------------

function caseView(c: Case): Record<string, unknown> {
  return { ...c, statusLabel: STATUS_LABELS[c.status], allowedStatuses: nextStatuses(c.status, 'agent') };
}

// ---------------------------------------------------------------------------------------------------

/** The agent API's routes, for the HTTP server's `routes`. */
export function agentApiRoutes(options: AgentApiOptions): RouteRegistrar {
  const { cases, directory, logger } = options;
  const expected = digest(options.token);

  const authorised = (req: restify.Request): boolean => {
    const header = req.header('authorization');
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    // Compare digests in constant time, so the token's length and prefix do not leak.
    return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
  };

  const actorOf = (req: restify.Request): Actor => {
    const id = parse(agentHeader, req.header('x-agent-id') || undefined, 'header');
    return { kind: 'agent', agentId: id ?? 'servicedesk' };
  };

  /** Looks up a user by e-mail or id; undefined when there is none. */
  const userRef = async (ref: string): Promise<string | undefined> => {
    const user = ref.includes('@') ? await directory.getUserByEmail(ref) : await directory.getUser(ref);
    return user?.id;
  };

  const numberOf = (req: restify.Request): Case['number'] => {
    const number = parseCaseNumber(String(req.params.number ?? ''));
    if (number === undefined) throw caseNotFound();
    return number;
  };

  const communityView = async (r: CommunityAccessRequest): Promise<Record<string, unknown>> => {
    const user = await directory.getUser(r.userId);
    return { ...r, user: user ? { id: user.id, email: user.email, name: user.name, primaryInstitutionId: user.primaryInstitutionId } : null };
  };

  const guard =
    (handler: Handler): Handler =>
    async (req, res) => {
      try {
        if (options.limits && !(await options.limits.admitAddress(req, res))) return;
        if (!authorised(req)) {
          res.header('WWW-Authenticate', 'Bearer realm="agent-api"');
          res.send(401, { code: 'API.UNAUTHORIZED', message: { da: 'Mangler eller forkert adgangsnøgle.', en: 'Missing or wrong access token.' } });
          return;
        }
        if (options.limits && !(await options.limits.admit(res, [['agent', req.header('x-agent-id') || 'servicedesk']]))) return;
        await handler(req, res);
      } catch (error: unknown) {
        if (error instanceof HttpProblem) {
          res.send(error.status, error.body);
          return;
        }
        if (isDatabaseUnavailable(error)) {
          logger.warn({ err: error, method: req.method }, 'agent-api: database unavailable');
          res.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
          res.send(503, { code: 'SERVICE.UNAVAILABLE', message: { da: 'Databasen svarer ikke lige nu. Prøv igen om lidt.', en: 'The database is not answering; try again shortly.' } });
          return;
        }
        logger.error({ err: error, url: req.url, method: req.method }, 'agent-api: request failed');
        res.send(500, { code: 'API.INTERNAL', message: { da: 'Der skete en fejl.', en: 'Internal error.' } });
      }
    };

  const listCases: Handler = async (req, res) => {
    const q = parse(caseListQuery, req.query ?? {}, 'query');
    const requesterId = q.requester === undefined ? undefined : await userRef(q.requester);
    const sentFromId = q.sentFrom === undefined ? undefined : await userRef(q.sentFrom);
    if ((q.requester !== undefined && requesterId === undefined) || (q.sentFrom !== undefined && sentFromId === undefined)) {
      res.send(200, { items: [], next: null });
      return;
    }
    const page = await cases.search(
      {
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.institution !== undefined ? { institutionId: q.institution } : {}),
        ...(q.area !== undefined ? { areaId: q.area } : {}),
        ...(q.form !== undefined ? { formId: q.form } : {}),
        ...(requesterId !== undefined ? { requesterId } : {}),
        ...(sentFromId !== undefined ? { sentFromId } : {}),
        ...(q.createdFrom !== undefined ? { createdFrom: q.createdFrom } : {}),
        ...(q.createdTo !== undefined ? { createdTo: q.createdTo } : {}),
      },
      { limit: q.limit ?? 20, after: q.after ?? null },
    );
    res.send(200, { items: page.items.map(caseView), next: page.next });
  };

  const getCase: Handler = async (req, res) => {
    const number = numberOf(req);
    const found = await cases.getByNumber(number);
    if (!found) throw caseNotFound();
    const [events, attachments] = await Promise.all([cases.events(number), options.attachments?.list(number) ?? []]);
    res.send(200, { case: caseView(found), events: events ?? [], attachments: attachments.map(attachmentView) });
  };

  const getAttachment: Handler = async (req, res) => {
    const number = numberOf(req);
    const id = String(req.params?.id ?? '');
    const found = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await options.attachments?.read(number, id) : undefined;
    if (!found) throw new HttpProblem(404, { code: 'ATTACHMENT.NOT_FOUND', message: { da: 'Sagen har ingen fil med det id.', en: 'The case has no file with that id.' } });
    const body = Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength);
    res.sendRaw(200, body, {
      'Content-Type': found.attachment.contentType,
      'Content-Length': String(body.byteLength),
      'Content-Disposition': contentDisposition(found.attachment.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
  };

  const changeStatus: Handler = async (req, res) => {
    const number = numberOf(req);
    const body = parse(statusBody, req.body, 'body');
    const changed = await cases.changeStatus(number, { to: body.status, actor: actorOf(req), note: body.note });
    if (!changed.ok) throw refusal(changed.error);
    res.send(200, { case: caseView(changed.value.case), events: changed.value.events });
  };

  const addComment: Handler = async (req, res) => {
    const number = numberOf(req);
    const body = parse(commentBody, req.body, 'body');
    const added = await cases.addComment(number, { author: 'agent', actor: actorOf(req), text: body.text });
    if (!added.ok) throw refusal(added.error);
    res.send(201, { case: caseView(added.value.case), events: added.value.events });
  };

  const listCommunity: Handler = async (req, res) => {
    const q = parse(communityListQuery, req.query ?? {}, 'query');
    const userId = q.user === undefined ? undefined : await userRef(q.user);
    if (q.user !== undefined && userId === undefined) {
      res.send(200, { items: [] });
      return;
    }
    const requests = await directory.listCommunityRequests({
      ...(q.status !== undefined ? { status: q.status } : {}),
      ...(q.institution !== undefined ? { institutionId: q.institution } : {}),
      ...(userId !== undefined ? { userId } : {}),
    });
    res.send(200, { items: await Promise.all(requests.map(communityView)) });
  };

  const decide =
    (approve: boolean): Handler =>
    async (req, res) => {
      const body = parse(decisionBody, req.body ?? {}, 'body');
      const decided = await directory.decideCommunityRequest(String(req.params.id ?? ''), { approve, by: actorOf(req), note: body.note });
      if (!decided.ok) throw refusal(decided.error);
      res.send(200, await communityView(decided.value));
    };

  const listInstitutions: Handler = async (_req, res) => {
    res.send(200, { items: await directory.listInstitutions() });
  };

  const institutionId = (req: restify.Request): string => {
    const parsed = institutionIdSchema.safeParse(req.params.id);
    if (!parsed.success) throw new HttpProblem(404, { code: 'INSTITUTION.NOT_FOUND', message: { da: 'Institutionen findes ikke.', en: 'The institution does not exist.' } });
    return parsed.data;
  };

  const getInstitution: Handler = async (req, res) => {
    const found = await directory.getInstitution(institutionId(req));
    if (!found) throw new HttpProblem(404, { code: 'INSTITUTION.NOT_FOUND', message: { da: 'Institutionen findes ikke.', en: 'The institution does not exist.' } });
    res.send(200, found);
  };

  const createInstitution: Handler = async (req, res) => {
    const body = parse(institutionBody, req.body, 'body');
    const created = await directory.createInstitution(body, actorOf(req));
    if (!created.ok) throw refusal(created.error);
    res.header('Location', `${AGENT_API_PREFIX}/institutions/${created.value.id}`);
    res.send(201, created.value);
  };

  const patchInstitution: Handler = async (req, res) => {
    const id = institutionId(req);
    const body = parse(institutionPatch, req.body, 'body');
    const updated = await directory.updateInstitution(id, body, actorOf(req));
    if (!updated.ok) throw refusal(updated.error);
    res.send(200, updated.value);
  };

  const addDomain: Handler = async (req, res) => {
    const id = institutionId(req);
    const body = parse(domainBody, req.body, 'body');
    const updated = await directory.addDomain(id, body.domain, actorOf(req));
    if (!updated.ok) throw refusal(updated.error);
    res.send(200, updated.value);
  };

  const removeDomain: Handler = async (req, res) => {
    const id = institutionId(req);
    const domain = parse(domainSchema, String(req.params.domain ?? ''), 'query');
    const updated = await directory.removeDomain(id, domain, actorOf(req));
    if (!updated.ok) throw refusal(updated.error);
    res.send(200, updated.value);
  };

  return (server) => {
    const p = AGENT_API_PREFIX;
    server.get(`${p}/cases`, guard(listCases));
    server.get(`${p}/cases/:number`, guard(getCase));
    server.get(`${p}/cases/:number/attachments/:id`, guard(getAttachment));
    server.post(`${p}/cases/:number/status`, guard(changeStatus));
    server.post(`${p}/cases/:number/comments`, guard(addComment));
    server.get(`${p}/community-requests`, guard(listCommunity));
    server.post(`${p}/community-requests/:id/approve`, guard(decide(true)));
    server.post(`${p}/community-requests/:id/reject`, guard(decide(false)));
    server.get(`${p}/institutions`, guard(listInstitutions));
    server.post(`${p}/institutions`, guard(createInstitution));
    server.get(`${p}/institutions/:id`, guard(getInstitution));
    server.patch(`${p}/institutions/:id`, guard(patchInstitution));
    server.post(`${p}/institutions/:id/domains`, guard(addDomain));
    server.del(`${p}/institutions/:id/domains/:domain`, guard(removeDomain));
    if (options.insights) {
      for (const [path, handler] of Object.entries(insightsHandlers(options.insights))) server.get(`${INSIGHTS_PREFIX}${path}`, guard(handler));
    }
  };
}
