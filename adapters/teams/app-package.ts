/**
 * The Teams app package: manifest.json (schema v1.30), its English translation and the two
 * icons, generated in code. Pure: the script scripts/teams-package.ts validates and zips what
 * this builds.
 */
import { deflateSync } from 'node:zlib';

export const MANIFEST_VERSION = '1.30';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;
/** The English translation's file in the package. */
export const ENGLISH_FILE = 'en-us.json';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ManifestOptions {
  /** The bot's Microsoft app id (a GUID); also the Teams app id. */
  appId: string;
  version: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  /** Domains the app's cards link to or load from. Default: the website's domain. */
  validDomains?: readonly string[];
}

type Texts = { short: string; full: string; descriptionShort: string; descriptionFull: string; commands: { personal: Command[]; shared: Command[] } };
interface Command {
  title: string;
  description: string;
}

/**
 * What the manifest says, Danish (the default language) and English. Personal chats list every
 * command; teams and group chats only what is answered there without personal data.
 */
const TEXTS: Record<'da' | 'en', Texts> = {
  da: {
    short: 'Serviceportal',
    full: 'Serviceportalens assistent',
    descriptionShort: 'Spørg om løn og regnskab, opret sager og følg dem i Teams.',
    descriptionFull:
      'Serviceportalens assistent fra Statens Administration svarer på spørgsmål om løn, regnskab og de fællesstatslige ' +
      'systemer ud fra vidensbasen, opretter sager sammen med dig og giver besked, når der sker noget på dine sager. ' +
      'I teams og gruppechats svarer den på spørgsmål; dine sager klarer den i en privat chat.',
    commands: {
      personal: [
        { title: 'opret sag', description: 'Opret en sag til Statens Administration med en formular.' },
        { title: 'mine sager', description: 'Se dine sager og deres status.' },
        { title: 'status', description: 'Status på en sag: skriv sagsnummeret efter.' },
        { title: 'hjælp', description: 'Hvad assistenten kan.' },
      ],
      shared: [
        { title: 'hjælp', description: 'Hvad assistenten kan.' },
        { title: 'stil et spørgsmål', description: 'Få svar fra vidensbasen. Dine sager klares i en privat chat.' },
      ],
    },
  },
  en: {
    short: 'Serviceportal',
    full: 'The Serviceportal assistant',
    descriptionShort: 'Ask about payroll and accounting, create cases and follow them in Teams.',
    descriptionFull:
      'The Serviceportal assistant from Statens Administration answers questions about payroll, accounting and the shared ' +
      'government systems from the knowledge base, creates cases with you and tells you when something happens on your cases. ' +
      'In teams and group chats it answers questions; your cases it handles in a private chat.',
    commands: {
      personal: [
        { title: 'create case', description: 'Create a case for Statens Administration with a form.' },
        { title: 'my cases', description: 'See your cases and their status.' },
        { title: 'status', description: 'The status of a case: write the case number after it.' },
        { title: 'help', description: 'What the assistant can do.' },
      ],
      shared: [
        { title: 'help', description: 'What the assistant can do.' },
        { title: 'ask a question', description: 'Get an answer from the knowledge base. Your cases are handled in a private chat.' },
      ],
    },
  },
};

export class AppPackageError extends Error {
  readonly code = 'TEAMS.PACKAGE_INVALID';
}

export function isAppId(value: string): boolean {
  return GUID.test(value);
}

/** manifest.json for the assistant's bot (personal chat first; teams and group chats too), in Danish. */
export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  if (!isAppId(options.appId)) throw new AppPackageError(`teams-package: the bot id "${options.appId}" is not a GUID (MicrosoftAppId)`);
  const da = TEXTS.da;
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: options.version,
    id: options.appId,
    developer: {
      name: 'Statens Administration',
      websiteUrl: options.websiteUrl,
      privacyUrl: options.privacyUrl,
      termsOfUseUrl: options.termsOfUseUrl,
    },
    name: { short: da.short, full: da.full },
    description: { short: da.descriptionShort, full: da.descriptionFull },
    localizationInfo: { defaultLanguageTag: 'da-dk', additionalLanguages: [{ languageTag: 'en-us', file: ENGLISH_FILE }] },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#14143C',
    bots: [
      {
        botId: options.appId,
        scopes: ['personal', 'team', 'groupChat'],
        // Files sent in the personal chat come as file.download.info attachments (case attachments, issue 16).
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['personal'], commands: da.commands.personal },
          { scopes: ['team', 'groupChat'], commands: da.commands.shared },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [...(options.validDomains ?? [new URL(options.websiteUrl).hostname])],
  };
}

/** The English translation file (en-us.json): every text of the manifest, by its path. */
export function buildEnglishLocalization(): Record<string, unknown> {
  const en = TEXTS.en;
  const commands = [en.commands.personal, en.commands.shared].flatMap((list, i) =>
    list.flatMap((c, j) => [
      [`bots[0].commandLists[${i}].commands[${j}].title`, c.title],
      [`bots[0].commandLists[${i}].commands[${j}].description`, c.description],
    ]),
  );
  return {
    $schema: LOCALIZATION_SCHEMA_URL,
    'name.short': en.short,
    'name.full': en.full,
    'description.short': en.descriptionShort,
    'description.full': en.descriptionFull,
    ...Object.fromEntries(commands),
  };
}

// --- PNG ------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export type Rgba = readonly [number, number, number, number];

/** An RGBA PNG of `width`×`height` whose pixels `paint` decides. */
export function png(width: number, height: number, paint: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = paint(x, y);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A speech bubble: inside a rounded body, or in the tail at the lower left. */
function inBubble(u: number, v: number): boolean {
  const body = u >= 0.18 && u <= 0.82 && v >= 0.2 && v <= 0.68;
  const tail = v > 0.68 && v < 0.84 && u >= 0.3 && u <= 0.3 + (0.84 - v) * 1.1;
  return body || tail;
}

/** The full-colour icon, 192×192: a white speech bubble on the accent colour. */
export function colorIcon(): Buffer {
  return png(192, 192, (x, y) => (inBubble(x / 191, y / 191) ? [255, 255, 255, 255] : [0x14, 0x14, 0x3c, 255]));
}

/** The outline icon, 32×32: the bubble in white on transparent (as Teams requires). */
export function outlineIcon(): Buffer {
  return png(32, 32, (x, y) => (inBubble(x / 31, y / 31) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

/** Width and height from a PNG's IHDR (tests, and a sanity check before zipping). */
export function pngSize(data: Buffer): { width: number; height: number } {
  if (data.subarray(1, 4).toString('ascii') !== 'PNG' || data.subarray(12, 16).toString('ascii') !== 'IHDR') throw new AppPackageError('teams-package: not a PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
