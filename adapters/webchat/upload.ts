/**
 * The Direct Line 3.0 upload (`POST /v3/directline/conversations/{id}/upload`), as Web Chat's
 * upload button sends it: multipart/form-data with one `file` part per file and an optional
 * `activity` part (JSON, `application/vnd.microsoft.activity`). The body is read here with its own
 * limit (the JSON body parser leaves this path alone); the files are checked and staged by the
 * caller, and the activity the bot sees carries what became of each in `channelData`.
 */
import type { IncomingMessage } from 'node:http';
import type { Localized } from '../../portal/index.js';
import { cleanStrings, cleanText, depthOf, MAX_JSON_DEPTH } from '../http/activity-schema.js';

/** The upload path, for the server's list of routes that read their own body. */
export const UPLOAD_PATH = /^\/v3\/directline\/conversations\/[^/]+\/upload\/?$/;

/** Where the outcome of each uploaded file is put in the activity (set by the server, never taken from the client). */
export const FILES_CHANNEL_DATA_KEY = 'serviceportalFiles';

export type UploadedFileOutcome =
  | { id: string; name: string; contentType: string; size: number }
  | { name: string; refused: Localized };

export interface UploadOptions {
  /** Checks a file by size and content and keeps it until it is attached; or says why not. */
  stage(file: { name: string; bytes: Uint8Array }): Promise<{ ok: true; value: { id: string; name: string; contentType: string; size: number } } | { ok: false; error: { message: Localized } }>;
  /** Most files in one upload (the per-case limit). */
  maxFiles: number;
  /** Largest upload body, in bytes (the files and the activity part together). */
  maxRequestBytes: number;
}

export type UploadProblem = { status: 400 | 413 | 415; code: string; message: string };

/** Reads the body up to `max` bytes; more is refused without reading it all. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | UploadProblem> {
  const tooLarge: UploadProblem = { status: 413, code: 'WEBCHAT.UPLOAD_TOO_LARGE', message: `The upload is larger than ${max} bytes.` };
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        chunks.length = 0;
        req.resume();
        resolve(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!done) reject(error);
    });
  });
}

export interface ParsedUpload {
  /** The activity part, cleaned like a JSON body; undefined when there is none. */
  activity: Record<string, unknown> | undefined;
  files: { name: string; contentType: string; bytes: Uint8Array }[];
}

/** Parses the multipart body (the platform's FormData parser); a malformed body is a 400. */
export async function parseUpload(body: Buffer, contentType: string, maxFiles: number): Promise<ParsedUpload | UploadProblem> {
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) {
    return { status: 415, code: 'WEBCHAT.UPLOAD_NOT_MULTIPART', message: 'An upload is multipart/form-data with a boundary.' };
  }
  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(body)]), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { status: 400, code: 'WEBCHAT.UPLOAD_MALFORMED', message: 'The multipart body could not be read.' };
  }
  let activity: Record<string, unknown> | undefined;
  const files: ParsedUpload['files'] = [];
  for (const [field, value] of (form as unknown as { entries(): IterableIterator<[string, string | File]> }).entries()) {
    if (field === 'activity') {
      const text = typeof value === 'string' ? value : await value.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { status: 400, code: 'WEBCHAT.UPLOAD_MALFORMED', message: 'activity: not JSON.' };
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return { status: 400, code: 'WEBCHAT.UPLOAD_MALFORMED', message: 'activity: must be an object.' };
      if (depthOf(json) > MAX_JSON_DEPTH) return { status: 400, code: 'WEBCHAT.BAD_REQUEST', message: `The activity nests deeper than ${MAX_JSON_DEPTH} levels.` };
      activity = cleanStrings(json) as Record<string, unknown>;
      continue;
    }
    if (typeof value === 'string') continue;
    if (files.length >= maxFiles) return { status: 400, code: 'WEBCHAT.UPLOAD_TOO_MANY_FILES', message: `At most ${maxFiles} files in one upload.` };
    files.push({ name: cleanText(value.name || 'fil').slice(0, 500), contentType: cleanText(value.type).slice(0, 200), bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  if (files.length === 0) return { status: 400, code: 'WEBCHAT.UPLOAD_NO_FILES', message: 'The upload has no file part.' };
  return { activity, files };
}

/** A thumbnail Web Chat made of an image, kept for the user's own bubble: a small data: URL of an image only. */
export function safeThumbnail(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 262_144 && /^data:image\/(?:jpeg|png);base64,[A-Za-z0-9+/=]+$/.test(value) ? value : undefined;
}
