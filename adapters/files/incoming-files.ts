/**
 * The files a message brings, per channel, handed to the dialogs as {@link ArrivedFile}s:
 * - web chat: the upload route has checked and staged them already; the activity says what
 *   became of each (`channelData.serviceportalFiles`, written by the server only);
 * - Teams: a file sent in a personal chat arrives as a `file.download.info` attachment with a
 *   short-lived `downloadUrl`; it is fetched now (with the size limit) and checked and staged.
 */
import type { MiddlewareHandler, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../bot/logger.js';
import type { RateLimits } from '../../bot/rate-limits.js';
import { turnSubject } from '../../bot/rate-limits.js';
import { setArrivedFiles, type ArrivedFile } from '../../dialogs/files.js';
import type { Localized } from '../../portal/index.js';
import { cleanText } from '../http/activity-schema.js';
import { FILES_CHANNEL_DATA_KEY } from '../webchat/upload.js';

/** The attachment Teams sends for a file the user shared in a chat with the bot. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface IncomingFilesOptions {
  /** Checks a file by size and content and keeps it until attached (PortalService.stageFile). */
  stage(file: { name: string; bytes: Uint8Array }): Promise<{ ok: true; value: { id: string; name: string; contentType: string; size: number } } | { ok: false; error: { message: Localized } }>;
  /** Largest file; a download is cut off past it. */
  maxBytes: number;
  /** Most files taken from one message. */
  maxFiles: number;
  logger: Logger;
  /** Counts each Teams file against the user's uploads (web chat counts at its upload route). */
  limits?: RateLimits;
  /** How long a download may take. Default 20 s. */
  downloadTimeoutMs?: number;
}

const localized = z.object({ da: z.string(), en: z.string() });
const webChatFiles = z.array(
  z.union([
    z.object({ id: z.string().uuid(), name: z.string(), contentType: z.string(), size: z.number().int().nonnegative() }),
    z.object({ name: z.string(), refused: localized }),
  ]),
);

const teamsFile = z.object({
  contentType: z.literal(TEAMS_FILE_DOWNLOAD_INFO),
  name: z.string().max(1000).optional(),
  content: z.object({ downloadUrl: z.string().url(), fileType: z.string().max(20).optional() }).passthrough(),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Teams hands out https links; plain http only to this machine (a local test or emulator). */
function allowedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
  } catch {
    return false;
  }
}

type Download = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'tooLarge' | 'failed' };

async function download(url: string, maxBytes: number, timeoutMs: number): Promise<Download> {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) return { ok: false, reason: 'failed' };
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    return { ok: false, reason: 'tooLarge' };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'tooLarge' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes };
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace('.', ',');
}

/** The middleware that turns a message's files into {@link ArrivedFile}s for the dialogs. */
export function incomingFiles(options: IncomingFilesOptions): MiddlewareHandler {
  const timeoutMs = options.downloadTimeoutMs ?? 20_000;
  return async (context: TurnContext, next) => {
    const activity = context.activity;
    if (activity.type === 'message') {
      const files = activity.channelId === 'msteams' ? await fromTeams(context) : fromWebChat(activity.channelData as Record<string, unknown> | undefined);
      if (files.length > 0) setArrivedFiles(context, files);
    }
    await next();
  };

  function fromWebChat(channelData: Record<string, unknown> | undefined): ArrivedFile[] {
    const listed = channelData?.[FILES_CHANNEL_DATA_KEY];
    // Most messages carry no files: no parse (a failed zod parse builds its error, ≈ 20 µs a turn).
    if (listed === undefined) return [];
    const parsed = webChatFiles.safeParse(listed);
    if (!parsed.success) return [];
    return parsed.data.map((f) => ('refused' in f ? { kind: 'refused', name: f.name, reason: f.refused } : { kind: 'staged', ...f }));
  }

  async function fromTeams(context: TurnContext): Promise<ArrivedFile[]> {
    const out: ArrivedFile[] = [];
    const candidates = (context.activity.attachments ?? []).map((a) => teamsFile.safeParse(a)).filter((p) => p.success);
    for (const candidate of candidates.slice(0, options.maxFiles)) {
      if (!candidate.success) continue;
      const name = cleanText(candidate.data.name ?? 'fil');
      if (options.limits) {
        const decision = await options.limits.take('upload', turnSubject(context.activity));
        if (!decision.ok) {
          out.push({ kind: 'refused', name, reason: { da: `Du har sendt mange filer på kort tid. Prøv igen om lidt med ${name}.`, en: `You have sent many files in a short time. Try ${name} again in a while.` } });
          continue;
        }
      }
      const url = candidate.data.content.downloadUrl;
      let fetched: Download;
      try {
        fetched = allowedUrl(url) ? await download(url, options.maxBytes, timeoutMs) : { ok: false, reason: 'failed' };
      } catch (error: unknown) {
        options.logger.warn({ err: error, activityId: context.activity.id }, 'files: Teams file could not be downloaded');
        fetched = { ok: false, reason: 'failed' };
      }
      if (!fetched.ok) {
        out.push({
          kind: 'refused',
          name,
          reason:
            fetched.reason === 'tooLarge'
              ? { da: `Filen ${name} er for stor: en fil må højst fylde ${megabytes(options.maxBytes)} MB.`, en: `The file ${name} is too large: a file may be at most ${megabytes(options.maxBytes)} MB.` }
              : { da: `Jeg kunne ikke hente filen ${name} fra Teams. Prøv at sende den igen.`, en: `I could not fetch the file ${name} from Teams. Try sending it again.` },
        });
        continue;
      }
      const staged = await options.stage({ name, bytes: fetched.bytes });
      out.push(staged.ok ? { kind: 'staged', ...staged.value } : { kind: 'refused', name, reason: staged.error.message });
    }
    return out;
  }
}
