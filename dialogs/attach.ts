/**
 * Files on cases in the conversation (issue 16): what is said when files arrive, the question in
 * the case dialog, attaching to an existing case ("vedhæft en fil til SA-…"), and a file sent with
 * nothing waiting for it. The case and router dialogs call these; the rules (kinds, sizes, how
 * many, who may) are the PortalService's.
 */
import type { Activity } from 'botbuilder';
import { describeAttachment, type AttachmentPolicy, type Localized, type PortalService } from '../portal/index.js';
import type { ArrivedFile } from './files.js';
import type { Language } from './ports.js';
import { markdownText, reply } from './render.js';

/** A staged file as the dialogs keep it in their state (plain JSON). */
export interface FileRef {
  id: string;
  name: string;
  size: number;
}

export function stagedOf(files: readonly ArrivedFile[]): FileRef[] {
  return files.flatMap((f) => (f.kind === 'staged' ? [{ id: f.id, name: f.name, size: f.size }] : []));
}

export function refusedOf(files: readonly ArrivedFile[]): Localized[] {
  return files.flatMap((f) => (f.kind === 'refused' ? [f.reason] : []));
}

function list(files: readonly FileRef[], lang: Language): string {
  return files.map((f) => markdownText(describeAttachment(f, lang))).join(', ');
}

const t = {
  da: {
    filesQuestion: 'Vil du vedhæfte filer, fx et skærmbillede eller et dokument?',
    filesHow: (p: AttachmentPolicy) => `Send dem her i chatten (papirclipsen ved skrivefeltet), før du bekræfter. Højst ${p.perCase} filer på hver ${mb(p.maxBytes)} MB.`,
    moreHow: (p: AttachmentPolicy) => `Du kan sende flere filer, før du bekræfter (højst ${p.perCase} i alt).`,
    received: (names: string) => `Modtaget: ${names}.`,
    notSaved: 'Filen er ikke gemt.',
    tooManyOnCase: (perCase: number) => `En sag kan have højst ${perCase} filer, så de sidste er ikke taget med.`,
    summaryLabel: 'Vedhæftede filer',
    attachedTo: (number: string, names: string) => `Vedhæftet til ${number}: ${names}.`,
    alsoAttached: (names: string) => `Vedhæftede filer: ${names}.`,
    sendFilesFor: (number: string, p: AttachmentPolicy) =>
      `**Send filen til ${number} nu** – her i chatten (papirclipsen ved skrivefeltet). Højst ${p.perCase} filer på en sag og ${mb(p.maxBytes)} MB pr. fil.`,
    whichCaseForFiles: 'Hvilken sag skal filen vedhæftes? Skriv sagsnummeret, fx "vedhæft en fil til SA-2026-000123".',
    offerFiles: (one: boolean) => `**Vil du vedhæfte ${one ? 'den' : 'dem'} til en af dine sager, eller oprette en ny sag med ${one ? 'den' : 'dem'}?** Vælg en sag eller skriv sagsnummeret.`,
    newCaseWithFiles: 'Opret en ny sag',
    filesDropped: 'Okay, filerne er ikke gemt på nogen sag.',
    notEnabled: 'Filer kan desværre ikke vedhæftes her.',
    notNow: 'Filen er ikke gemt: jeg kan ikke tage imod filer lige nu. Gør det færdigt, du er i gang med, og skriv så "vedhæft en fil til SA-…".',
  },
  en: {
    filesQuestion: 'Do you want to attach files, e.g. a screenshot or a document?',
    filesHow: (p: AttachmentPolicy) => `Send them here in the chat (the paper clip by the text box) before you confirm. At most ${p.perCase} files of ${mb(p.maxBytes)} MB each.`,
    moreHow: (p: AttachmentPolicy) => `You can send more files before you confirm (at most ${p.perCase} in all).`,
    received: (names: string) => `Received: ${names}.`,
    notSaved: 'The file is not saved.',
    tooManyOnCase: (perCase: number) => `A case can have at most ${perCase} files, so the last ones are not included.`,
    summaryLabel: 'Attached files',
    attachedTo: (number: string, names: string) => `Attached to ${number}: ${names}.`,
    alsoAttached: (names: string) => `Attached files: ${names}.`,
    sendFilesFor: (number: string, p: AttachmentPolicy) =>
      `**Send the file for ${number} now** – here in the chat (the paper clip by the text box). At most ${p.perCase} files on a case and ${mb(p.maxBytes)} MB per file.`,
    whichCaseForFiles: 'Which case should the file be attached to? Type the case number, e.g. "attach a file to SA-2026-000123".',
    offerFiles: (one: boolean) => `**Do you want to attach ${one ? 'it' : 'them'} to one of your cases, or create a new case with ${one ? 'it' : 'them'}?** Choose a case or type the case number.`,
    newCaseWithFiles: 'Create a new case',
    filesDropped: 'Okay, the files are not saved on any case.',
    notEnabled: 'Files cannot be attached here, sorry.',
    notNow: 'The file is not saved: I cannot take files right now. Finish what you are doing, then write "attach a file to SA-…".',
  },
} as const;

function mb(bytes: number): string {
  const v = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return String(v).replace('.', ',');
}

export function attachTexts(lang: Language) {
  return t[lang];
}

/** "Modtaget: a.png (12 kB)." and the reason for each refused file, one paragraph each. */
export function receipt(staged: readonly FileRef[], refused: readonly Localized[], lang: Language): string {
  const parts: string[] = [];
  if (staged.length > 0) parts.push(t[lang].received(list(staged, lang)));
  for (const r of refused) parts.push(markdownText(r[lang]));
  return parts.join('\n\n');
}

/** Said with the summary until it is confirmed: files may be sent now (none are needed). */
export function filesHint(policy: AttachmentPolicy, have: readonly FileRef[], lang: Language): string {
  return have.length === 0 ? `**${t[lang].filesQuestion}** ${t[lang].filesHow(policy)}` : t[lang].moreHow(policy);
}

/** The summary's line for the files that go with the case. */
export function summaryFilesLine(files: readonly FileRef[]): { label: Localized; value: Localized } | undefined {
  if (files.length === 0) return undefined;
  return { label: { da: t.da.summaryLabel, en: t.en.summaryLabel }, value: { da: files.map((f) => describeAttachment(f, 'da')).join(', '), en: files.map((f) => describeAttachment(f, 'en')).join(', ') } };
}

/** Attaches staged files to a case and says how it went (in one message, after `lead`). */
export async function attachAndTell(
  portal: PortalService,
  send: (activity: Partial<Activity>) => Promise<unknown>,
  userId: string,
  number: string,
  files: readonly FileRef[],
  lang: Language,
  lead?: string,
): Promise<boolean> {
  const attached = await portal.attachFiles(userId, number, files.map((f) => f.id));
  const parts = [...(lead ? [lead] : [])];
  if (attached.ok) parts.push(t[lang].attachedTo(number, list(attached.value, lang)));
  else parts.push(markdownText(attached.error.message[lang]));
  await send(reply(parts.join('\n\n'), attached.ok ? [`Status ${number}`] : []));
  return attached.ok;
}
