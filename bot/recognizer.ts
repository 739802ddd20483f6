/**
 * What a user turn asks for. Rules where they are exact (case numbers, whole-text commands,
 * membership changes by e-mail, community access by institution name), and for the free phrasings
 * a classifier trained at start on the utterances in bot/nlu/data/ (with typo variants). The
 * classifier returns its best label and that label's share; it does not decide that a weak
 * guess is a question — the router weighs the share against the knowledge answer. Every text gets
 * the catalogue slots it names (area, system, form).
 */
import type { Intent, IntentKind, IntentRecognizer, Recognition, Slots } from '../dialogs/ports.js';
import { editDistanceWithin } from '../dialogs/matching.js';
import { type Catalogue, catalogue as portalCatalogue, findCaseNumbers, mentionedSystems } from '../portal/index.js';
import { SoftmaxClassifier, type ClassifierModel, type ClassifierOptions } from './nlu/classifier.js';
import { cleanWords, features, stemmers } from './nlu/features.js';
import { isDanishWord } from '../knowledge/analysis/danish-words.js';
import { extractSlots, type SlotOptions } from './nlu/slots.js';
import { augment, parseUtteranceFiles, readUtteranceFiles, type NluLabel, type Utterance } from './nlu/training-data.js';
import { asksAboutMaking, asksHowItStands, STOPPED_THING, toldAsMadeBefore } from './routing.js';
import { complainsAboutTheConversation, languageAskedFor } from './meta-talk.js';

/** A cancel said first, before a remark ("glem det, …", "forget it, …", "never mind – …"). */
const LEADING_CANCEL =
  /^(?:(?:nej|no)[\s,]+)?(?:glem det|glem det bare|glem alt|forget it|forget about it|never ?mind|ligegyldigt|drop it|annuller det|cancel that|afbryd(?:\s+det)?|annuller|annullér|fortryd(?:\s+fortryd)?|(?:jeg\s+)?fortryder(?=\s*[,.!;:–—-])|stop(?:\s+det)?|cancel(?:\s+it)?)(?:\s+(?:venligst|please|bare|lige))?[\s,.!;:–—-]+(?=\S)/iu;
/**
 * A cancel said last, after a remark that asks nothing ("problemet er væk, afbryd", "det har løst sig selv, glem det",
 * "solved it myself, never mind"): the remark says why, the command is what the user wants.
 */
const TRAILING_CANCEL =
  /[,.!;:–—-]\s*(?:(?:så|so|just|bare|nej|no)\s+)?(?:(?:kan|vil|gider)\s+(?:du|i)\s+(?:(?:lige|godt|bare)\s+)?(?:afbryde|stoppe|annullere)(?:\s+(?:det|den|sagen))?|(?:can|could|would)\s+you\s+(?:(?:just|please)\s+)?(?:cancel|stop)(?:\s+(?:it|this|that))?|du\s+kan\s+(?:godt\s+)?(?:stoppe|afbryde)|stop|stop det|afbryd|afbryd det|annuller|annuller det|annullér|fortryd|glem det|glem det bare|drop det|cancel|cancel it|cancel that|forget it|never ?mind|nvm)$/iu;
/**
 * Stopping with the thing stopped as its object, said as an order and nothing else: the case, the inquiry or the form ("drop den
 * sag", "glem sagen om RejsUd", "annuller henvendelsen om lønnen", "scrap that ticket"), or "it" with what it was about ("drop
 * det med rejsud"). Not "luk"/"slet" (closing or deleting a case is asked of the desk) and not the user's own case ("annuller min
 * sag" withdraws a case that exists). Round 27: these were read as questions about the case's subject.
 */
const CANCEL_WITH_OBJECT =
  /^(?:(?:nej|no|ok|okay)[\s,]+)?(?:glem|drop|dropper|annuller|annullér|anuller|afbryd|stop|stopper|fortryd|forget|cancel|scrap|abort)\s+(?:(?:(?:den|denne|det|the|that|this)\s+)?(?:der\s+)?(?:sag|sagen|henvendelse|henvendelsen|formular|formularen|skema|skemaet|ticket|case|request|form)|(?:det|den)\s+(?:med|om)(?=\s))(?:\s+(?:om|med|vedr|vedrørende|angående|about|with|on|for|regarding)\s+[\p{L}\d/ -]{1,40})?$/iu;
/** At most this many words before a trailing cancel: a longer message is about more than stopping. */
const TRAILING_CANCEL_WORDS = 10;
/** What asks something or for something after it ("glem det, hvordan opretter jeg …", "forget it, can you …"). */
const ASKS_AFTER = /^\s*(?:hvordan|hvad|hvor|hvem|hvornår|hvorfor|hvilk\p{L}*|kan|vil|skal|how|what|where|who|when|why|which|can|could|would|will|please|opret|create|open)(?![\p{L}\d])/iu;

/** Requests to make something: a case, a registration, access, a file or a comment on a case, a mailbox's members. */
const MAKING: ReadonlySet<IntentKind> = new Set(['createCase', 'register', 'communityAccess', 'attachFile', 'addComment', 'membership', 'mailboxMembers']);

export interface RecognizerOptions {
  /** Training utterances. Default: every .jsonl in bot/nlu/data/. */
  utterances?: readonly Utterance[];
  /** Typo variants made per training utterance. Default 1. */
  typoVariants?: number;
  /** The catalogue slots are read from. Default the portal's. */
  catalogue?: Catalogue;
  classifier?: ClassifierOptions;
  /** Where a model trained on the same data is kept between starts. Default: none (trained at every construction). */
  modelCache?: ClassifierModelCache;
}

/**
 * Keeps trained models between starts. `training` describes everything training reads (the
 * utterances and the options, as JSON): the cache must answer a model only for the same
 * `training` and the same training code (an adapter hashes both; see adapters/cache).
 */
export interface ClassifierModelCache {
  load(training: string): ClassifierModel | undefined;
  save(training: string, model: ClassifierModel): void;
}

/** The Intent kind each classifier label stands for. */
export const LABEL_KIND: Readonly<Record<NluLabel, IntentKind>> = {
  create_case: 'createCase',
  status: 'status',
  my_cases: 'myCases',
  kb_question: 'question',
  human: 'human',
  greeting: 'greeting',
  thanks: 'thanks',
  help: 'help',
  cancel: 'cancel',
  add_comment: 'addComment',
  attach_file: 'attachFile',
  community_access: 'communityAccess',
  register: 'register',
};

/** Lower case, punctuation at the ends dropped, spaces collapsed. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!?.,;:]+$/g, '')
    .replace(/^[!?.,;:\s]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const COMMANDS: ReadonlyArray<[Intent, readonly string[]]> = [
  [{ kind: 'help' }, ['hjælp', 'hjaelp', 'help', '?', 'hvad kan du', 'what can you do', 'menu']],
  [{ kind: 'cancel' }, ['annuller', 'annullér', 'annuler', 'afbryd', 'stop', 'fortryd', 'glem det', 'cancel', 'quit', 'abort', 'exit', 'nvm', 'hop ud', 'afslut samtalen', 'end chat']],
  [{ kind: 'restart' }, ['forfra', 'start forfra', 'begynd forfra', 'start om', 'start over', 'restart', 'begin again']],
  [{ kind: 'myCases' }, ['mine sager', 'vis mine sager', 'se mine sager', 'mine henvendelser', 'vis mine henvendelser', 'my cases', 'show my cases', 'list my cases', 'my tickets', 'show my tickets', 'my requests']],
  [{ kind: 'showMore' }, ['vis flere', 'flere', 'vis mere', 'show more', 'more', 'næste side', 'next page']],
  [{ kind: 'status' }, ['status', 'sagsstatus', 'case status']],
  [{ kind: 'createCase' }, ['opret sag', 'opret en sag', 'opret ny sag', 'ny sag', 'create a case', 'create case', 'new case', 'opret en ny sag', 'ticket', 'new ticket', 'open ticket', 'open a ticket', 'support ticket', 'ny henvendelse']],
  [{ kind: 'addComment' }, ['tilføj kommentar', 'tilføj en kommentar', 'add comment', 'add a comment']],
  [{ kind: 'attachFile' }, ['vedhæft fil', 'vedhæft en fil', 'vedhæft filer', 'attach file', 'attach a file', 'attach files']],
  [{ kind: 'ask' }, ['stil et spørgsmål', 'ask a question']],
  [{ kind: 'register' }, ['opret mig', 'registrer mig', 'register', 'register me', 'sign up']],
  [{ kind: 'yes' }, ['ja', 'jo', 'ja tak', 'ja gerne', 'gerne', 'yes', 'yes please', 'ok', 'okay', 'yep', 'jep']],
  [{ kind: 'no' }, ['nej', 'nej tak', 'no', 'no thanks', 'nope']],
  [{ kind: 'greeting' }, ['hej', 'hejsa', 'hej hej', 'goddag', 'godmorgen', 'hallo', 'hi', 'hello', 'hey', 'start']],
  [{ kind: 'thanks' }, ['tak', 'mange tak', 'tusind tak', 'tak for hjælpen', 'thanks', 'thank you', 'thank you very much']],
];

const COMMAND_INDEX = new Map<string, Intent>(COMMANDS.flatMap(([intent, phrases]) => phrases.map((p) => [p, intent] as const)));

/** Commands long enough to be recognised with a typo or two ("opreet en sagg", "min sagr", "nyy sag"). */
const TYPO_COMMANDS = [...COMMAND_INDEX]
  .filter(([phrase]) => phrase.length >= 6 && phrase.includes(' '))
  .map(([phrase, intent]) => ({ phrase, words: phrase.split(' '), intent, allowed: phrase.length >= 10 ? 2 : 1 }));
/** The longest of them, in words: a longer text is never one (checked before any work). */
const TYPO_COMMAND_WORDS = Math.max(...TYPO_COMMANDS.map((c) => c.words.length));

/** Politeness around a command ("opret sag tak", "please show my cases"). */
const POLITENESS = /^(?:(?:please|pls|venligst|lige)\s+)+|(?:\s+(?:tak|please|pls|venligst|lige|tack))+$/g;

/** Edits between a text and a command, word by word: each word within one edit of the command's, or undefined. */
function wordEdits(text: readonly string[], phrase: readonly string[]): number | undefined {
  if (text.length !== phrase.length) return undefined;
  let total = 0;
  for (const [i, word] of text.entries()) {
    const d = editDistanceWithin(word, phrase[i] ?? '', 1);
    // A word of one or two letters is one of its own ("en", "ny", "my"), never a typo of another.
    if (d > 1 || (d === 1 && Math.min(word.length, (phrase[i] ?? '').length) < 2)) return undefined;
    total += d;
  }
  return total;
}

/**
 * The command a short text means with a typo or two: the nearest command of two words or more and
 * six letters or more, each word within one edit of the command's (one edit in all for fewer than ten letters, two for
 * ten or more), when no command of another kind is as near. "min sagr" is "mine sager"; a name typed
 * at a field ("Anne Sager") is two edits in one word and is not.
 */
function nearCommand(raw: string): Intent | undefined {
  // Cheap rejections first: this runs for every text.
  if (raw.length > 40 || raw.split(' ', TYPO_COMMAND_WORDS + 3).length > TYPO_COMMAND_WORDS + 2) return undefined;
  const text = raw.replace(POLITENESS, '');
  const words = text.split(' ');
  if (text.length < 6 || words.length > TYPO_COMMAND_WORDS) return undefined;
  let best: { intent: Intent; distance: number } | undefined;
  let tied = false;
  for (const { phrase, words: phraseWords, intent, allowed } of TYPO_COMMANDS) {
    if (phraseWords.length !== words.length || Math.abs(phrase.length - text.length) > allowed) continue;
    const distance = text === phrase ? undefined : wordEdits(words, phraseWords);
    if (distance === undefined || distance > allowed) continue;
    if (!best || distance < best.distance) {
      best = { intent, distance };
      tied = false;
    } else if (distance === best.distance && best.intent.kind !== intent.kind) {
      tied = true;
    }
  }
  return best && !tied ? best.intent : undefined;
}

/** One-word commands of five letters or more ("hjælp", "afbryd", "fortryd", "cancel"), for {@link swappedCommand}. */
const ONE_WORD_COMMANDS = [...COMMAND_INDEX].filter(([phrase]) => phrase.length >= 5 && !phrase.includes(' '));
/** One-word thanks and greetings of three or four letters ("tak", "hej", "hey"), for {@link swappedCommand}. */
const SHORT_SMALL_TALK = [...COMMAND_INDEX].filter(([phrase, intent]) => phrase.length >= 3 && phrase.length < 5 && !phrase.includes(' ') && (intent.kind === 'thanks' || intent.kind === 'greeting'));

/**
 * A one-word command typed with two neighbouring letters swapped ("hjlæp", "afbyrd", "cancle", "fortyrd"): the
 * slip of a fast typist, which edit distance counts as two edits. One word of five letters or more, one command only;
 * a thanks or a greeting of three or four letters too ("tka", "hje").
 */
function swappedCommand(text: string): Intent | undefined {
  if (text.length < 3 || text.length > 12 || text.includes(' ')) return undefined;
  // Three or four letters ("tka", "hje"): only small talk, and not the first letter swapped — too many short words are
  // one swap from another; a thanks or a greeting misread costs a reply, never a form.
  const candidates = text.length < 5 ? SHORT_SMALL_TALK.filter(([phrase]) => phrase[0] === text[0]) : ONE_WORD_COMMANDS;
  const found = candidates.filter(([phrase]) => phrase.length === text.length && isOneSwap(text, phrase));
  const kinds = new Set(found.map(([, intent]) => intent.kind));
  return kinds.size === 1 ? found[0]?.[1] : undefined;
}

/** Whether `a` is `b` with two neighbouring, different letters swapped. */
function isOneSwap(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

const EMAIL = String.raw`[^\s@]+@[^\s@]+\.[a-zæøå]{2,}`;
/** Verbs of attaching a member, any inflection: tilføje, (til)knytte, tilmelde, sætte på, give adgang; add, attach, include, connect, link, subscribe, put, give, grant. */
const ATTACH_VERB = /^(?:tilføj\p{L}*|tilknyt\p{L}*|knyt\p{L}*|tilmeld\p{L}*|sæt\p{L}*|sat|giv\p{L}*|add\p{L}*|attach\p{L}*|includ\p{L}*|connect\p{L}*|link\p{L}*|subscrib\p{L}*|put|give|grant\p{L}*)$/iu;
/** Verbs of detaching one: fjerne, afmelde, frakoble, slette, tage af, udmelde; remove, detach, disconnect, unsubscribe, take off, drop, delete. */
const DETACH_VERB = /^(?:fjern\p{L}*|afmeld\p{L}*|frakobl\p{L}*|slet\p{L}*|tag|tage|tager|udmeld\p{L}*|remov\p{L}*|detach\p{L}*|disconnect\p{L}*|unsubscrib\p{L}*|take|drop|delet\p{L}*)$/iu;
/** "Meld … ind i / ud af": the preposition says which. */
const EITHER_VERB = /^(?:meld\p{L}*|sign)$/iu;
/** Between the member and the mailbox, words saying out of it ("fra", "ud af", "from", "off"). */
const OUT_OF = /(?<![\p{L}\d])(?:fra|ud\s+af|from|off|out\s+of)(?![\p{L}\d])/iu;
/** Between them, words saying into it ("til", "i", "på", "som medlem af", "to", "into", "as a member of"). */
const INTO = /(?<![\p{L}\d])(?:til|i|ind\s+i|på|af|to|into|in|on|of)(?![\p{L}\d])/iu;
const EMAILS = new RegExp(EMAIL, 'giu');

/**
 * A member attached to or detached from a shared mailbox, both named by address, asked in any form: "tilføj x@… til
 * y@…", "kan du knytte x@… til y@…?", "vil du fjerne brugeren x@… fra y@…", "please add x@… to the shared mailbox
 * y@…", "giv x@… adgang til y@…". A verb of attaching or detaching before the first address, at most a few words
 * and a preposition between the two.
 */
export function membershipChange(raw: string): { op: 'attach' | 'detach'; member: string; mailbox: string } | undefined {
  const found = [...raw.matchAll(EMAILS)];
  const [first, second] = found;
  if (found.length !== 2 || !first || !second || first.index === undefined || second.index === undefined) return undefined;
  const before = raw.slice(0, first.index).split(/[.!?;]\s/u).at(-1) ?? '';
  const verbs = before.match(/[\p{L}]+/gu) ?? [];
  const between = raw.slice(first.index + first[0].length, second.index);
  if ((between.match(/[\p{L}\d]+/gu) ?? []).length > 6) return undefined;
  const out = OUT_OF.test(between);
  const into = INTO.test(between);
  const verb = [...verbs].reverse().find((w) => ATTACH_VERB.test(w) || DETACH_VERB.test(w) || EITHER_VERB.test(w));
  if (!verb || (!out && !into)) return undefined;
  const op = DETACH_VERB.test(verb) || (out && !ATTACH_VERB.test(verb)) ? 'detach' : 'attach';
  const clean = (email: string): string => email.replace(/[.,;:!?]+$/u, '').toLowerCase();
  return { op, member: clean(first[0]), mailbox: clean(second[0]) };
}
const MEMBERS_ASKED = /\b(?:hvem|who|vis|se|list|show|see)\b/i;
const MEMBERS_WORD = /\b(?:tilknyttet|tilknyttede|medlem|medlemmer|members?|attached|adgang til|access to)\b/i;
const MAILBOX_EMAIL = new RegExp(EMAIL, 'i');
const ACCESS = /\b(?:adgang til|access to)\s+(?:institutionen\s+|the institution\s+)?(.+?)\s*[.!?]*$/i;
const ACCESS_VERBS = /\b(skal have|vil have|vil gerne have|bestil|bestille|ønsker|mangler|need|want|request|order|give me)\b/i;
const COMMENT_WORDS = /\b(kommentar|kommenter|kommentere|comment)\b/i;
/** Words that ask to attach a file to the case named ("vedhæft et skærmbillede til SA-…"). */
const ATTACH_WORDS = /(?:vedhæft|vedlæg|upload|attach|\bfil(?:en|er|erne)?\b|\bfiles?\b|skærmbillede|screenshot|bilag\b)/i;
/** A phrase that opens with an article or a possessive ("et system for en kollega", "en anden institution") describes, it does not name an institution. */
const NOT_A_NAME = /^(?:en|et|den|det|de|min|mit|mine|vores|jeres|deres|nogle|flere|endnu|a|an|the|my|our|your|some|another|one)\s/i;
/** A name written like a product's, in mixed case or with digits ("ServiceNow", "F2"): a system, never an institution. */
const SYSTEM_LIKE = /\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u;
/**
 * A name followed by whom the access is for ("Jira for min kollega", "X til en ny medarbejder", "X for my
 * colleague"): access for someone else is that person's own request or a user-administration case, and
 * what precedes it is not known to be an institution.
 */
const FOR_SOMEONE = /\s(?:for|til|to|på vegne af|on behalf of)\s+(?:min|mit|mine|vores|en|et|my|our|a|an|the|new)\s/iu;
/**
 * Before a case number, words that ask to write on the case: a comment, a reply, a message or a note, or writing,
 * adding, telling ("tilføj kommentar til", "skriv til sagen", "kan du fortælle", "add a note to", "please tell").
 */
const WRITE_ON_CASE =
  /(?<![\p{L}\d])(?:kommentar\p{L}*|kommenter\p{L}*|skriv\p{L}*|svar\p{L}*|besvar\p{L}*|besked\p{L}*|note\p{L}*|tilføj\p{L}*|meddel\p{L}*|fortæl\p{L}*|oplys\p{L}*|informer\p{L}*|comment\p{L}*|write|reply|answer|respond|message|add|tell|inform|update)(?![\p{L}\d])/iu;
/** A case number as a user writes it ("SA-2026-000001", "sag 2026-12"; see findCaseNumbers): where it ends. */
const CASE_NUMBER_AT = /\b(?:SA[\s-]?\d{4}[\s-]?|SAG[\s-]?\d{4}[\s-])\d{1,6}\b/i;
/** After the case number, the comment's text: after a colon or dash, or said as "at …", "om at …", "that …". */
const COMMENT_TEXT_AFTER = /^\s*(?:[:–—-]\s*|[,.]?\s+(?:om\s+at|at|that|saying(?:\s+that)?|med\s+(?:teksten|beskeden))\s+|,?\s*(?:følgende|the\s+following)\s*:\s*)(\S[\s\S]*)$/iu;
/** Writing told as done ("jeg har svaret på SA-… – hvornår …", "I have already replied to SA-…"): no comment asked for. */
const WRITTEN_BEFORE = /(?<![\p{L}\d])(?:har|havde|has|have|had|'ve)\s+(?:\p{L}+\s+)?(?:skrevet|svaret|besvaret|kommenteret|tilføjet|sendt|noteret|written|wrote|replied|answered|commented|added|sent)(?![\p{L}\d])/iu;
/** The comment's text quoted before the case number: 'tilføj "kvitteringen er sendt" til SA-…'. */
const QUOTED_BEFORE = /["“”«»„]([^"“”«»„]{3,})["“”«»„]/u;

/**
 * The comment written in the same message as the request to comment on a case: "tilføj kommentar til SA-…: Jeg har
 * nu vedhæftet kvitteringen", "skriv til sagen SA-… at jeg har fundet kvitteringen", "add a note to SA-…: …", "tell
 * SA-… that …". Undefined when the message asks to write but gives no text ("tilføj en kommentar til SA-…").
 */
export function commentWritten(raw: string): string | undefined {
  const at = CASE_NUMBER_AT.exec(raw);
  if (!at) return undefined;
  const before = raw.slice(0, at.index);
  if ((!WRITE_ON_CASE.test(before) && !COMMENT_WORDS.test(before)) || WRITTEN_BEFORE.test(before)) return undefined;
  const after = COMMENT_TEXT_AFTER.exec(raw.slice(at.index + at[0].length))?.[1] ?? QUOTED_BEFORE.exec(before)?.[1];
  const text = after?.trim().replace(/^["“”«»„']+|["“”«»„']+$/gu, '').trim();
  if (!text || text.length < 2) return undefined;
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

/** "Svar på SA-…", "answer SA-…": the user answers the desk on the case. */
const ANSWER_OPENING = /^\s*(?:svar|besvar|answer|reply(?: to)?)\b/i;


/**
 * Help asked for with a thing ("kan du hjælpe mig med Excel", "kan I hjælpe med at oprette en sag",
 * "can you help me with my payslip"): the thing is what the text is about, not the assistant. Group 1 is
 * the thing. "Hvad kan du hjælpe med", "what can you help me with" name none.
 */
const HELP_WITH = /(?<![\p{L}\d])(?:hjælpe?|hjælper|hjaelpe?|help|assist)(?:\s+(?:mig|os|me|us))?\s+(?:med|with|on)\s+(.+)$/iu;
/** An object of "help with" that names nothing: a pronoun, a question word, a time ("i dag"), here, getting started ("med at komme i gang"; round 29). */
const NO_THING = /^(?:(?:at|to|det|dette|den|noget|nogle|alt|andet|hvad|her|herinde|derinde|i|dag|nu|lige|komme|gang|igang|starte|get|getting|started|going|this|that|it|something|anything|what|today|now|please|tak|here|in)(?:\s+|$))+$/iu;

/** The thing help is asked with, when the text asks for help with one (see {@link HELP_WITH}). */
export function helpWithThing(text: string): string | undefined {
  const thing = HELP_WITH.exec(text.replace(/[?!.]+\s*$/u, ''))?.[1]?.trim();
  if (!thing || NO_THING.test(`${thing} `.trim())) return undefined;
  return thing.replace(/^(?:at|to)\s+/iu, '');
}

/**
 * Starting over said in a sentence of its own ("lad os starte helt forfra", "kan vi begynde fra start", "let's start
 * from scratch", "can we start over again"): the whole message, so that "hvordan starter jeg forfra på en
 * rejseafregning" stays a question.
 */
const RESTART_SAID =
  /^(?:(?:ok|okay|nej|no|så|so|ugh)[\s,]+)?(?:(?:lad\s+os|let\s*['’]?s|lets|kan\s+vi(?:\s+ikke)?|can\s+we|could\s+we|jeg\s+vil(?:\s+gerne)?|vi\s+(?:må|skal)|i\s+want\s+to|i\s+['’]?d\s+like\s+to|i\s+wanna)\s+)?(?:(?:bare|lige|just)\s+)?(?:start\p{L}{0,2}|begynd(?:e|er)?|begin|starting)\s+(?:(?:helt|lige|bare|all)\s+)?(?:forfra|forfa|om\s+igen|over(?:\s+again)?|again|afresh|på\s+en\s+frisk|from\s+(?:scratch|the\s+(?:beginning|start|top))|fra\s+(?:start|starten|begyndelsen|bunden|scratch|nul|en\s+frisk))(?:\s+igen)?$/iu;
/** Back to the beginning, as a place ("tilbage til start", "back to the start") or everything reset ("reset everything"). */
const BACK_TO_START = /^(?:(?:ok|okay|nej|no|så|so|ugh)[\s,]+)?(?:(?:tilbage\s+til|back\s+to)\s+(?:start(?:en)?|begyndelsen|the\s+(?:start|beginning))|(?:just\s+)?reset\s+(?:everything|it\s+all|the\s+(?:chat|conversation))|nulstil\s+(?:det\s+hele|alt|samtalen))$/iu;
/**
 * Starting over said with a remark after it that asks nothing ("vi starter lige forfra, jeg har valgt forkert område",
 * "kan du slette det vi har lavet og så starter vi på en frisk"): the restart phrase, then or after a comma.
 */
const RESTART_WITH_REMARK = /(?:^|[,.;:–—-]\s*|\s(?:og\s+)?så\s+)(?:(?:vi|jeg|we|i)\s+)?(?:start\p{L}{0,3}|begynd\p{L}{0,2})\s+(?:(?:vi|jeg)\s+)?(?:(?:lige|bare|helt|just|all)\s+)?(?:forfra|på\s+en\s+frisk|over(?:\s+again)?|from\s+scratch)(?:\s+igen)?(?=$|[,.;:!–—-])|(?:^|[,.;:–—-]\s*)(?:just\s+)?reset\s+(?:everything|it\s+all|the\s+(?:chat|conversation))$/iu;

/**
 * Stopping said without a command word: out of the form ("ud af formularen", "get me out of this form"), the case not
 * to be sent or made ("nej nej ikke send den", "I don't want to create a case anymore"), dropped ("lad os droppe
 * den sag"), everything written forgotten ("glem alt hvad jeg har skrevet"), given up ("I give up").
 */
const STOPPING = new RegExp(
  String.raw`(?:^|\s)(?:(?<!(?:sag|sager|henvendelse|ticket|case)\s+)ud\s+af\s+(?:formularen|skemaet|sagen|det\s+her)|get\s+me\s+out(?:\s+of\s+(?:this|the|here)\s*\p{L}*)?|(?:ikke|don['’]?t|do\s+not)\s+send\s+(?:den|det|sagen|it|the\s+case|this)|(?:i\s+)?do(?:n['’]?t|\s+not)\s+want\s+to\s+(?:create|make|send|open|submit)\s+(?:a|the|this|that)\s+(?:case|ticket|request)(?:\s+any\s*more)?|jeg\s+vil\s+ikke\s+(?:oprette|sende|lave)\s+(?:en|den|sagen|nogen)(?:\s+sag)?(?:\s+alligevel)?|lad\s+os\s+(?:droppe|glemme|stoppe)|glem\s+alt(?:\s+(?:hvad|det)\s+jeg\s+har\s+skrevet)?|forget\s+(?:what|everything)\s+i\s+(?:said|wrote|typed)|i\s+give\s+up|jeg\s+giver\s+op|` +
    // Put off ("jeg vender tilbage senere", "vi tager det en anden gang", "jeg tager den i morgen", "I'll come back later"), the chat closed ("luk chatten").
    String.raw`(?:jeg|vi)\s+vender\s+tilbage(?:\s+(?:senere|til\s+det))?|(?:jeg|vi)\s+tager\s+(?:det|den)\s+(?:en\s+anden\s+(?:gang|dag)|senere|i\s+morgen)|` +
    // The mind changed ("jeg har ombestemt mig", "vi har skiftet mening", "I've changed my mind").
    String.raw`(?:jeg|vi)\s+har\s+(?:ombestemt\s+(?:mig|os)|skiftet\s+mening)|(?:i|we)(?:\s+have|['’]ve)?\s+changed\s+(?:my|our)\s+minds?|i['’]?ll\s+come\s+back(?:\s+later)?|(?:luk|afslut)\s+(?:chatten|samtalen)|(?:close|end)\s+(?:the|this)\s+(?:chat|conversation))(?=$|[\s,.!])`,
  'iu',
);

/**
 * A member added to or removed from a shared mailbox, named without both addresses ("tilføj Ole til fællespostkassen",
 * "fjern anna fra vores fælles postkasse", "add Mette to the shared mailbox"). Group 1 is the verb.
 */
/** A text that opens with a question word ("hvilken …", "hvem …", "which …"): it asks, it does not order. */
const QUESTION_OPENING = /^\s*(?:hvilk\p{L}*|hvad|hvem|hvor\p{L}*|hvornår|hvorfor|which|what|who|whom|where|when|why|how)(?![\p{L}\d])/iu;

const MEMBERSHIP_BY_NAME =
  /(?<![\p{L}\d])(tilføj\p{L}*|tilknyt\p{L}*|knyt\p{L}*|tilmeld\p{L}*|fjern\p{L}*|afmeld\p{L}*|frakobl\p{L}*|udmeld\p{L}*|add|attach|remove|detach|take)(?![\p{L}\d])\s+\S.{0,60}?\s(?:til|fra|på|i|ud\s+af|to|from|off|of|into|out\s+of)\s+(?:(?:den|vores|jeres|the|our)\s+)?(?:fælles\s*postkasse\p{L}*|postkasse\p{L}*|funktionspostkasse\p{L}*|[\p{L}\d._]+[\s-](?:fælles|funktions)?postkasse\p{L}*|shared\s+(?:mail\s*box|inbox)\p{L}*|\S+@\S+)/iu;
/**
 * The member and the mailbox named by a name or an address's local part: "tilføj anna til fællespostkassen loen",
 * "fjern brugeren ole fra loen-postkassen", "add anna to the shared mailbox loen". Groups: verb, member, then the
 * mailbox after its noun, before it, or as an address.
 */
const MEMBERSHIP_NAMES =
  /(?<![\p{L}\d])(\p{L}+)\s+(?:(?:brugeren|medarbejderen|kollegaen|kollegaen|the\s+user|user|member)\s+)?([\p{L}\d][\p{L}\d._-]*(?:@[^\s@]+\.[\p{L}]{2,})?)\s+(?:som\s+medlem\s+|as\s+a\s+member\s+)?(?:til|fra|på|i|ind\s+i|ud\s+af|to|from|off|of|into|out\s+of)\s+(?:(?:den|vores|jeres|the|our)\s+)?(?:(?:fælles\s*postkasse\p{L}*|funktionspostkasse\p{L}*|postkasse\p{L}*|shared\s+(?:mail\s*box|inbox)(?:es)?)\s+([\p{L}\d][\p{L}\d._-]*(?:@[^\s@]+\.[\p{L}]{2,})?)|([\p{L}\d][\p{L}\d._]*)[\s-](?:fælles)?postkasse\p{L}*|([^\s@]+@[^\s@]+\.[\p{L}]{2,}))/iu;

/** The member and mailbox a membership change names by name or local part (see {@link MEMBERSHIP_NAMES}), lower case. */
export function membershipNames(raw: string): { member: string; mailbox: string } | undefined {
  const m = MEMBERSHIP_NAMES.exec(raw);
  const verb = m?.[1] ?? '';
  if (!m || !(ATTACH_VERB.test(verb) || DETACH_VERB.test(verb) || EITHER_VERB.test(verb))) return undefined;
  const member = m[2];
  const mailbox = m[3] ?? m[4] ?? m[5];
  if (!member || !mailbox) return undefined;
  const clean = (name: string): string => name.replace(/[.,;:!?]+$/u, '').toLowerCase();
  return { member: clean(member), mailbox: clean(mailbox) };
}

/** Asked how ("hvordan tilføjer jeg …", "how do I add …"): a question for the knowledge base. */
const ASKS_HOW = /(?<![\p{L}\d])(?:hvordan|how)(?![\p{L}\d])/iu;

/** A rule's verdict, or undefined when the classifier is to decide. */
function byRule(raw: string, text: string): Pick<Recognition, 'intent' | 'command'> | undefined {
  if (text === '') return { intent: { kind: 'greeting' }, command: true };
  const words = text.split(' ').length;

  // "Kan du knytte x@… til y@…?" is a request in a question's form; "hvordan tilføjer jeg x@… til y@…?" asks how.
  const change = ASKS_HOW.test(raw) ? undefined : membershipChange(raw);
  if (change) return { intent: { kind: 'membership', ...change }, command: true };

  // "Tilføj Ole til fællespostkassen", "kan du fjerne anna fra loen-postkassen": a membership change without the
  // two addresses the portal needs — how to ask for it is told (not an article on the administrator's role).
  // With both named by a name or local part ("tilføj anna til fællespostkassen loen"), the names go along: the
  // administrator's organisation may have one user and one mailbox by them.
  const byName = MEMBERSHIP_BY_NAME.exec(raw);
  const names = byName ? membershipNames(raw) : undefined;
  // A question opening with a question word asks about memberships ("hvilken rolle skal man have for at knytte brugere til en fællespostkasse?").
  if (byName && (!/[?]/.test(raw) || names) && !ASKS_HOW.test(raw) && !QUESTION_OPENING.test(raw) && words <= 14) {
    return { intent: { kind: 'membershipHow', op: /^(?:fjern|afmeld|frakobl|udmeld|remove|detach|take)/iu.test(byName[1] ?? '') ? 'detach' : 'attach', ...names }, command: true };
  }
  // "Hvem er tilknyttet loen@…?", "vis medlemmer af loen@…": asks who, names the membership and one address.
  const mailbox = MAILBOX_EMAIL.exec(raw)?.[0];
  if (mailbox && MEMBERS_ASKED.test(raw) && MEMBERS_WORD.test(raw) && (raw.match(new RegExp(EMAIL, 'gi')) ?? []).length === 1) {
    return { intent: { kind: 'mailboxMembers', mailbox: mailbox.replace(/[.,;:!?]+$/, '').toLowerCase() }, command: true };
  }

  const caseNumber = findCaseNumbers(raw)[0];
  if (caseNumber) {
    // A comment with its text: the text may speak of files ("… vedhæftet kvitteringen"); only the request before it asks for one.
    const written = commentWritten(raw);
    const request = written === undefined ? raw : raw.slice(0, CASE_NUMBER_AT.exec(raw)?.index ?? raw.length);
    if (written !== undefined && !ATTACH_WORDS.test(request)) return { intent: { kind: 'addComment', caseNumber, text: written }, command: false };
    const intent: Intent = ATTACH_WORDS.test(raw)
      ? { kind: 'attachFile', caseNumber }
      : COMMENT_WORDS.test(raw) || ANSWER_OPENING.test(raw)
        ? { kind: 'addComment', caseNumber }
        : { kind: 'status', caseNumber };
    return { intent, command: words <= 8 };
  }

  // "Glem det, jeg gør det selv", "forget it, I'll do it later": a cancel said first, with a remark after it that asks nothing.
  const dropped = LEADING_CANCEL.exec(text);
  const stopsAThing = dropped !== null && !/[,.!;:–—-]/u.test(dropped[0]) && STOPPED_THING.test(text.slice(dropped[0].length));
  if (dropped && !stopsAThing && !/[?]/.test(raw) && !ASKS_AFTER.test(text.slice(dropped[0].length))) return { intent: { kind: 'cancel' }, command: true };
  if (words <= TRAILING_CANCEL_WORDS && !/[?]/.test(raw) && !ASKS_AFTER.test(text) && TRAILING_CANCEL.test(text)) return { intent: { kind: 'cancel' }, command: true };
  if (!/[?]/.test(raw) && CANCEL_WITH_OBJECT.test(text.replace(POLITENESS, ''))) return { intent: { kind: 'cancel' }, command: true };

  // A command, also with politeness around it ("status tak", "my tickets please", "stop venligst").
  const exact = COMMAND_INDEX.get(text) ?? COMMAND_INDEX.get(text.replace(POLITENESS, ''));
  if (exact) return { intent: exact, command: true };
  const near = nearCommand(text) ?? swappedCommand(text.replace(POLITENESS, ''));
  if (near) return { intent: near, command: true };
  // "Og på engelsk?", "can you answer in English?", "I don't speak Danish": the conversation's language asked for.
  const language = languageAskedFor(raw);
  if (language) return { intent: { kind: 'language', to: language }, command: true };
  // "Du forstår mig ikke", "det virker ikke", "this is useless": the conversation is going badly — not when a
  // system is named ("det virker ikke i RejsUd" reports a problem there).
  if (complainsAboutTheConversation(raw) && mentionedSystems(raw).length === 0) return { intent: { kind: 'complaint' }, command: true };
  const bare = text.replace(POLITENESS, '');
  if (RESTART_SAID.test(bare) || BACK_TO_START.test(bare)) return { intent: { kind: 'restart' }, command: true };
  // A restart inside a remark, in a message that asks nothing and names no system: "…, så starter vi på en frisk".
  if (words <= 16 && !/[?]/.test(raw) && RESTART_WITH_REMARK.test(text) && mentionedSystems(raw).length === 0) return { intent: { kind: 'restart' }, command: true };
  // Out of the form, the case not to be sent, given up: stopping said without a command word.
  if (words <= 12 && !/[?]/.test(raw) && !ASKS_AFTER.test(text) && STOPPING.test(text) && mentionedSystems(raw).length === 0) return { intent: { kind: 'cancel' }, command: true };

  const access = ACCESS.exec(raw);
  if (access?.[1] && (ACCESS_VERBS.test(raw) || /^(adgang|access)\b/i.test(text)) && mentionedSystems(access[1]).length === 0 && !NOT_A_NAME.test(access[1]) && !SYSTEM_LIKE.test(access[1]) && !FOR_SOMEONE.test(` ${access[1]} `)) {
    return { intent: { kind: 'communityAccess', institution: access[1].trim() }, command: false };
  }
  return undefined;
}

/**
 * The assistant's recognizer (the name is kept from when natural's naive Bayes did the
 * classifying; see bot/nlu/classifier.ts for what was measured and why it no longer does).
 */
export class NaturalIntentRecognizer implements IntentRecognizer {
  private readonly classifier: SoftmaxClassifier;
  private readonly catalogue: Catalogue;
  /** How long training (or loading the cached model) took at construction, in milliseconds: wall clock and this process's CPU. */
  readonly trainingMs: number;
  readonly trainingCpuMs: number;
  /** True when the model came from `modelCache` instead of training. */
  readonly fromCache: boolean;

  constructor(options: RecognizerOptions = {}) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    this.catalogue = options.catalogue ?? portalCatalogue;
    // The shipped training data is keyed by its files' text: parsing and checking ≈1,500 lines is
    // only needed to train, not to find the model trained on them.
    const files = options.utterances ? undefined : readUtteranceFiles();
    const variants = options.typoVariants ?? 1;
    const cache = options.modelCache;
    const training = cache ? JSON.stringify({ utterances: options.utterances ?? files, variants, classifier: options.classifier ?? {} }) : '';
    const cached = cache?.load(training);
    let classifier: SoftmaxClassifier | undefined;
    if (cached) {
      try {
        classifier = SoftmaxClassifier.fromModel(cached);
      } catch {
        classifier = undefined; // a damaged entry: train instead
      }
    }
    this.fromCache = classifier !== undefined;
    if (!classifier) {
      const utterances = augment(options.utterances ?? parseUtteranceFiles(files ?? []), { variants });
      classifier = new SoftmaxClassifier(
        utterances.map((u) => ({ features: features(u.u), label: u.intent })),
        options.classifier,
      );
      cache?.save(training, classifier.model());
    }
    this.classifier = classifier;
    this.trainingMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    this.trainingCpuMs = (used.user + used.system) / 1000;
  }

  recognize(raw: string): Recognition {
    const text = normalise(raw);
    const slots = this.slots(raw);
    const rule = byRule(raw, text);
    if (rule) return { ...rule, confidence: 1, scores: {}, slots };

    const ranked = this.classify(raw);
    const unfamiliar = this.unfamiliar(raw);
    let best = ranked[0];
    // "Kan du hjælpe mig med at oprette en sag / med Excel": help (or a person) asked for with a thing
    // is about the thing. The thing is classified on its own: a request stays one; anything else is
    // a question, which the knowledge base answers or declines.
    if (best && (LABEL_KIND[best.label] === 'help' || LABEL_KIND[best.label] === 'human')) {
      const thing = helpWithThing(raw);
      if (thing !== undefined) {
        const inner = this.classify(thing)[0];
        const innerKind = inner ? LABEL_KIND[inner.label] : 'question';
        if (inner && innerKind !== 'help' && innerKind !== 'greeting' && innerKind !== 'thanks' && innerKind !== 'cancel') {
          const request = innerKind === 'human' || innerKind === 'createCase' || innerKind === 'status' || innerKind === 'myCases';
          best = request && inner.share >= 0.55 ? inner : { label: 'kb_question', share: best.share };
        } else if (!inner || innerKind !== 'help') {
          best = { label: 'kb_question', share: best.share };
        }
      }
    }
    const scores: Partial<Record<IntentKind, number>> = {};
    for (const { label, share } of ranked) {
      const kind = LABEL_KIND[label];
      scores[kind] = (scores[kind] ?? 0) + share;
    }
    if (!best) return { intent: { kind: 'question' }, command: false, confidence: 0, scores, slots, unfamiliar };
    let intent: Intent = { kind: LABEL_KIND[best.label] } as Intent;
    // Access to a system is a user-administration matter (a case about access), not a payroll community.
    if (intent.kind === 'communityAccess' && slots.systemId !== undefined) intent = { kind: 'createCase' };
    // "Jeg oprettede en sag i sidste uge – er den afsluttet?", "has the ticket I opened been resolved?": a request
    // told in the past tense with a question whether it is done asks after an existing case.
    if (intent.kind === 'createCase' && toldAsMadeBefore(raw) && asksHowItStands(raw)) return { intent: { kind: 'status' }, command: false, confidence: best.share, scores, slots, unfamiliar };
    // "Hvordan vedhæfter jeg en fil?", "how can I open a ticket?", "skal man oprette en sag for at …?":
    // asked about, a request to make something is a question of how it is done; the request is kept
    // for when nothing answers it.
    if (MAKING.has(intent.kind) && asksAboutMaking(raw)) return { intent: { kind: 'question' }, command: false, confidence: best.share, scores, slots, unfamiliar, askedHow: intent };
    return { intent, command: false, confidence: best.share, scores, slots, unfamiliar };
  }

  /** How many content words of a text (four letters or more, not stop words, not numbers) the classifier never saw. */
  unfamiliar(raw: string): number {
    const s = stemmers();
    let n = 0;
    for (const w of cleanWords(raw)) {
      if (w.length < 4 || /\p{N}/u.test(w) || s.isStopword(w, 'da') || s.isStopword(w, 'en')) continue;
      if (!this.classifier.knows(`w:${s.stem(w, 'da')}`)) n += 1;
    }
    return n;
  }

  /** Every label's share for a text, best first (for nlu:eval and tuning). */
  classify(raw: string): { label: NluLabel; share: number }[] {
    return this.classifier.classify(features(raw)) as { label: NluLabel; share: number }[];
  }

  /** The catalogue area, system and form a text names. */
  /** One stop-word test for every text, so the slot extractor's keys are made once (see extractSlots). */
  private readonly slotOptions: SlotOptions = {
    isStopword: (w) => {
      const s = stemmers();
      return s.isStopword(w, 'da') || s.isStopword(w, 'en');
    },
    isWord: isDanishWord,
  };

  slots(raw: string): Slots {
    return extractSlots(raw, this.catalogue, this.slotOptions);
  }
}
