/**
 * The kind of fact a question asks for, and whether a passage holds a fact of that kind: a phone
 * number for "hvad er telefonnummeret", a time of day for "hvad tid lukker", a date or a period
 * for "hvornår" and "frist", a number for "hvor mange", a frequency for "hvor tit", a place or menu
 * path for "hvor finder jeg", a role or a body for "hvem". Used to choose, among the passages of
 * the article that answers, the one that holds what was asked (see `Answerer`), never to choose
 * the article. Danish and English; the patterns describe kinds of wording, not known questions.
 */

export type FactKind = 'phone' | 'clock' | 'when' | 'deadline' | 'duration' | 'quantity' | 'price' | 'frequency' | 'where' | 'who' | 'email' | 'names' | 'name';

interface KindPatterns {
  /** How much holding this kind says about a passage (a phone number is telling, a role much less). */
  readonly weight: number;
  /** Wordings of a question that asks for this kind of fact. */
  readonly asks: RegExp;
  /** Text that holds a fact of this kind. */
  readonly holds: RegExp;
  /** Text that holds a fact of this kind, where letter case tells (matched on the text as written). */
  readonly holdsCased?: RegExp;
}

const MONTHS_DA = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const WEEKDAYS = 'mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const COUNT_WORDS = 'en|et|én|ét|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+';
const PERIOD_UNITS = 'hverdag(?:e)?|arbejdsdag(?:e)?|dag(?:e)?|uge(?:r)?|måned(?:er)?|år|working days?|business days?|days?|weeks?|months?|years?';
/** A period in numbers or words ("5 dage", "fire hverdage", "2 months"). */
const PERIOD = `\\b(?:${COUNT_WORDS})\\s+(?:${PERIOD_UNITS})\\b`;
/** A date: "8. april 2024", "11.01.2018", "den 12.", "15 June", a year. */
const DATE = `\\b\\d{1,2}\\.?\\s*(?:${MONTHS_DA}|${MONTHS_EN})\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b|\\bden \\d{1,2}\\.|\\b(?:19|20)\\d{2}\\b|\\b(?:${MONTHS_DA}|${MONTHS_EN})\\b`;
/** A time of day: "kl. 16.00", "9.00-15.00", "8:30". */
const CLOCK = `\\bkl\\.?\\s*\\d|\\b\\d{1,2}[.:]\\d{2}\\b|\\b\\d{1,2}\\s*(?:am|pm)\\b`;

/** A place in a system or on the web: a quoted name, a menu path, a click, an address. */
const MENU_PATH = /"[^"]{2,}"|«[^»]{2,}»|'[^']{2,}'|\s>\s|\bunder (?:menuen|fanen|knappen|menupunktet)\b|\bfanen\b|\bmenu\w*|\bklik\w*|\bvælg\w*|\bknappen\b|www\.|https?:|\b[\w-]+\.(?:dk|fo|com|org|eu)\b|\bligger (?:i|på|under)\b|\bfindes (?:i|på|under)\b|\bvia\b|\bsøges\b|\bunder the\b|\bclick\w*|\bselect\b|\bchoose\b|\bthe (?:tab|menu|button)\b|\bis found\b|\blies in\b/iu;

/** Words that ask for a time of day ("hvad tid", "hvornår på dagen", "which hours"), the clock kind's and `decisiveKinds`'s. */
const TIME_OF_DAY_ASKED = String.raw`\bhvad tid\b|\bhvilket tidspunkt\b|\bhvilken tid\b|\bhvornår på dagen\b|\bi hvilket tidsrum\b|\bklokken\b|\bkl\b|\båbningstid\w*|\bwhat time\b|\btime of day\b|\b(?:which|what) hours\b|\bopening hours\b`;

export const FACT_KINDS: Record<FactKind, KindPatterns> = {
  phone: {
    weight: 1,
    asks: /\b(?:telefon\w*|tlf|ringe|ringer|ring|nummer(?:et)?|phone|call|telephone)\b/iu,
    // A number to call, not the word "telefon": 3392 9800, 33 92 98 00, 00-298 35 26 00.
    holds: /\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b|\b\d{2,3}[- ]\d{2,3}[- ]\d{2}[- ]\d{2}\b/u,
  },
  clock: {
    weight: 1,
    // A time of day asked in so many words, or anything opening or closing ("lukker", "åbent").
    asks: new RegExp(`${TIME_OF_DAY_ASKED}|\\båbent?\\b|\\blukke[rt]?\\b|\\bopen\\b|\\bclose[sd]?\\b`, 'iu'),
    holds: new RegExp(CLOCK, 'iu'),
  },
  when: {
    weight: 0.8,
    asks: /\bhvornår\b|\bhvilken dato\b|\bhvilket år\b|\bhvilken dag\b|\bwhen\b|\bwhat date\b|\bwhich (?:date|year|day)\b|\bwhat year\b/iu,
    holds: new RegExp(`${DATE}|${PERIOD}|${CLOCK}|\\b(?:${WEEKDAYS})\\b|\\bdagen (?:før|efter)\\b|\\bsamme dag\\b|\\b(?:før|efter|inden)\\b.{0,30}\\b(?:lønkørsel\\w*|dispositionsdato\\w*)|\\bthe day (?:before|after)\\b|\\bsame day\\b|\\bførst\\b.{0,40}\\b(?:efter|når)\\b|\\btidligst\\b|\\bonly (?:after|when|once)\\b|\\bnot until\\b|\\bat the earliest\\b`, 'iu'),
  },
  deadline: {
    weight: 0.8,
    asks: /\bfrist\w*|\bsenest\b|\bdeadline\w*|\bhvor lang tid har\b|\binden hvornår\b|\bhvor (?:sent|tidligt)\b|\bdue\b|\blatest\b|\bhow (?:late|early)\b|\bat the latest\b/iu,
    holds: new RegExp(`\\bsenest\\b|\\binden for\\b|\\bfrist\\w*|\\bno later than\\b|\\bwithin\\b|\\bdeadline\\w*|${PERIOD}|${DATE}`, 'iu'),
  },
  // "Hvor lang tid tager det", "how long does it take": a period ("4 uger"), not just any number. Round 24: and how long one has
  // or how soon one must ("hvor hurtigt skal vi melde det", "how long do we have to report it"): a deadline given as a period
  // ("inden for 4 uger") answers it, a day of the month does not.
  duration: {
    weight: 1,
    asks: /\bhvor lang tid (?:tager|varer|går der|har (?:vi|man|jeg|i))\b|\bhvor hurtigt (?:skal|må|bør)\b|\bhow long (?:does|do|will|did|would) (?:it|this|that|they) (?:take|last)\b|\bhow long (?:do|does) (?:we|i|you|one) have\b|\bhow (?:soon|quickly) (?:must|should|do|does|shall)\b/iu,
    holds: new RegExp(PERIOD, 'iu'),
  },
  quantity: {
    weight: 0.6,
    asks: /\bhvor (?:mange|meget|lang|længe|stor|store|høj|høje|lav)\b|\b\w*sats\w*|\btakst\w*|\bmaks\w*|\bmax\w*|\bminimum\b|\bmindst\b|\bhøjst\b|\bhow (?:many|much|long|big|high)\b|\bwhat (?:rate|amount|percentage)\b/iu,
    // A figure, or a period said in words ("senest fire dage efter en lønkørsel", "seks hverdage"; round 29).
    holds: new RegExp(`\\d|${PERIOD}`, 'iu'),
  },
  price: {
    weight: 0.8,
    asks: /\bkoste[rt]?\b|\bpris\w*|\bgebyr\w*|\bbetale\b|\bgratis\b|\bcosts?\b|\bprice\w*|\bfees?\b|\bfree\b|\bcharge[sd]?\b/iu,
    holds: /\d+(?:[.,]\d+)?\s*(?:kr\.?|kroner|%|dkk)|\bpris\w*|\bgratis\b|\bgebyr\w*|\bbetal\w*|\bomkostning\w*|\bfree\b|\bprice\w*|\bcosts?\b|\bfees?\b|\bcharge\w*/iu,
  },
  frequency: {
    weight: 0.8,
    asks: /\bhvor (?:tit|ofte)\b|\bhvor mange gange\b|\bhvor hyppigt\b|\bhow (?:often|frequently)\b|\bhow many times\b/iu,
    holds: /\bhver(?:t|e)?\b|\bgange? (?:om|pr\.?|i|a)\b|\bdagligt?\b|\bugentlig\w*|\bmånedlig\w*|\bkvartal\w*|\bårlig\w*|\bom (?:året|måneden|ugen|dagen|natten)\b|\bnat(?:ten)?\b|\bevery\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bquarter\w*|\byearly\b|\bannual\w*|\bnight\w*|\bonce\b|\btwice\b/iu,
  },
  where: {
    weight: 0.6,
    asks: /\bhvor(?!\s+(?:mange|meget|lang|længe|tit|ofte|stor|store|høj|hyppigt)\b)(?:\s+(?:finder|ligger|kan|er|henter|søger|skal|sender|melder|opretter|ser|får|logger|ændrer|står|bestiller|indberetter|retter))\b|\bwhere\b|\bhvilken (?:menu|fane|side|knap|link)\b|\bwhich (?:menu|tab|page|button|link|site)\b/iu,
    holds: MENU_PATH,
  },
  who: {
    weight: 0.4,
    asks: /\bhvem\b|\bhvilken (?:afdeling|rolle|myndighed|styrelse|leverandør|enhed|person)\b|\bwho\b|\bwhich (?:department|role|authority|agency|supplier)\b/iu,
    holds: /\b[\wæøå-]*(?:afdeling\w*|administrator\w*|chef\w*|styrelse\w*|leverandør\w*|ministerie\w*|kontrollant\w*|konsulent\w*|enhed\w*|team\w*|kontaktperson\w*|myndighed\w*|kommune\w*|institution\w*|fællesskab\w*)\b|\bStatens Administration\b|\bUdbetaling Danmark\b|\bdepartment\b|\badministrator\b|\bmanager\b|\bsupplier\b|\bagency\b|\bauthority\b|\bteam\b|\bA\/S\b/iu,
  },
  /** "Hvilke apps kan jeg bruge", "which browsers": a passage that names several (a list, "fx …, … og …"). */
  names: {
    weight: 0.5,
    asks: /\bhvilke\b|\bhvilken (?:app|browser|program|software|system)\b|\b(?:which|what)\s+(?:\S+\s+)?(?:apps|browsers|programs|systems|roles|forms|tools|characters|symbols)\b/iu,
    holds: /\b(?:fx|f\.eks\.|bl\.a\.|e\.g\.|for example|such as|including)\s|(?:^|\n)\s*(?:[-*]|\d+[.)])\s|\d\)\s.*\d\)\s|[\p{L}\d-]+(?: [\p{L}\d-]+)?, [\p{L}\d-]+(?: [\p{L}\d-]+)?,? (?:og|eller|and|or) |:\s*(?:[^\s\p{L}\p{N}]{1,3}\s*){3,}/iu,
  },
  /**
   * "Hvad hedder systemet …", "hvilket program …", "what is it called": a name, which the articles give with its
   * abbreviation in brackets ("Brugerstyring Løn (BSL)") or introduce by saying so ("hedder", "kaldes", "called").
   */
  name: {
    weight: 0.6,
    asks: /\bhvad (?:hedder|kaldes)\b|\bhvad er navnet\b|\bhvilket (?:navn|program|system|værktøj)\b|\bwhat(?:'s| is| are)? (?:\S+ ){0,3}called\b|\bwhat(?:'s| is) the name\b|\bwhich (?:program|system|tool) (?:is|do|does|should)\b/iu,
    holds: /\bhedder\b|\bkaldes\b|\bbetegne[rs]?\b|\bcalled\b|\bnamed\b/iu,
    // A name followed by its abbreviation in capitals: "Brugerstyring Løn (BSL)", "Statens It (SIT)".
    holdsCased: /[\p{L}\d-]+ \(\p{Lu}[\p{Lu}\d-]{1,7}\)/u,
  },
  email: {
    weight: 1,
    asks: /\be-?mail(?:adresse\w*)?\b|\bmailadresse\w*|\bhvilken mail\b|\bemne\w*|\bsubject\b|\bemail address\b/iu,
    holds: /@|\bemne\w*|\bsubject\b/iu,
  },
};

const KINDS = Object.keys(FACT_KINDS) as FactKind[];

/**
 * JavaScript's `\\b` does not know æ, ø and å as letters (not even with the u flag), and a
 * look-around boundary that does is several times slower. So patterns and texts are matched with
 * the three letters written out (æ → ae, ø → oe, å → aa), where `\\b` works as in Danish.
 */
const SPELLED_OUT: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'AE', Ø: 'OE', Å: 'AA' };
const DANISH_LETTERS = /[æøåÆØÅ]/g;
/**
 * Texts are lower-cased once and the patterns compiled in lower case without the `i` flag:
 * case-insensitive Unicode matching made each test several times slower.
 */
const spelled = (text: string): string => text.replace(DANISH_LETTERS, (letter) => SPELLED_OUT[letter] ?? letter);
const spelledOut = (text: string): string => spelled(text.toLowerCase());
/** A pattern's source in lower case, its escapes (`\\S`, `\\p{L}`) kept. */
const lowerSource = (source: string): string =>
  source.replace(/\\p\{\w+\}|\\[A-Za-z]|[A-ZÆØÅ]/g, (piece) => (piece.startsWith('\\') ? piece : piece.toLowerCase()));
const compile = (pattern: RegExp): RegExp => new RegExp(spelled(lowerSource(pattern.source)), pattern.flags.replace('i', ''));
const COMPILED: Record<FactKind, { asks: RegExp; holds: RegExp }> = Object.fromEntries(
  KINDS.map((kind) => [kind, { asks: compile(FACT_KINDS[kind].asks), holds: compile(FACT_KINDS[kind].holds) }]),
) as Record<FactKind, { asks: RegExp; holds: RegExp }>;

/** The kinds of fact a question asks for (none for "hvad er X" or a bare keyword). */
export function askedKinds(question: string): FactKind[] {
  const text = spelledOut(question);
  return KINDS.filter((kind) => COMPILED[kind].asks.test(text));
}

/**
 * Kinds of fact precise enough to choose between articles, not only between one article's passages:
 * how often, how long something takes, and a time of day when the question asks for one ("hvad tid",
 * "hvornår lukker …"). An article that holds "hver 89. dag" answers "hvor tit skal koden skiftes"; one
 * that only speaks of passwords does not. A deadline, a date, a role or a price is held by nearly every
 * article of a kind, and "lukke" of "kan vi lukke regnskabet" is the asker's act, not a time of day. A
 * phone number or an e-mail address asked for is the desk's contact article's, which the router finds
 * (bot/routing.ts): another article's number is not chosen over it for holding one.
 * Round 23: how many or how much ("hvor mange kurser fik VIA adgang til", "hvor lang skal koden være") too — a figure
 * beside the question's words; over every question set at the knowledge base +4 / −1 expected answers read, ±0 never read.
 */
const DECISIVE: ReadonlySet<FactKind> = new Set(['frequency', 'duration', 'quantity']);
const TIME_OF_DAY = compile(new RegExp(`${TIME_OF_DAY_ASKED}|\\b(?:lukker|åbner|closes|opens)\\b`, 'iu'));

export function decisiveKinds(question: string): FactKind[] {
  const text = spelledOut(question);
  return askedKinds(question).filter((kind) => DECISIVE.has(kind) || (kind === 'clock' && TIME_OF_DAY.test(text)));
}

/**
 * How well a text holds the kinds of fact asked, in [0, 1]: the weights of the kinds it holds over
 * those of the kinds asked, times the strongest weight asked (so a question asking only for a role
 * moves the choice less than one asking for a phone number). 0 when nothing is asked.
 */
export function kindMatch(text: string, kinds: readonly FactKind[]): number {
  if (kinds.length === 0) return 0;
  const written = spelledOut(text);
  let asked = 0;
  let held = 0;
  let strongest = 0;
  for (const kind of kinds) {
    const { weight } = FACT_KINDS[kind];
    asked += weight;
    strongest = Math.max(strongest, weight);
    if (COMPILED[kind].holds.test(written) || FACT_KINDS[kind].holdsCased?.test(text) === true) held += weight;
  }
  return (held / asked) * strongest;
}

/**
 * "Hvad er RejsUd?", "what is CIP": a question for what something is, answered by the summary an
 * article opens with; "hvad laver en kommune" asks what a kind of thing does, which is what it is (round 26). Only a question of a few words counts ("hvad betyder styrelse 5 på
 * registerprintet" asks for a detail, which the passages' coverage finds).
 */
const DEFINITION = /^\s*(?:hvad (?:er|betyder|bruges|står|laver (?:en|et))|hvem er|what (?:is|are|does)|what's)\b/iu;
/** What a thing is for, asked of anyone: "hvad bruger man et CVR-nummer til" (as "hvad bruges … til"; round 25). */
const USED_FOR = /^\s*hvad bruger man\s.*\btil\s*\??\s*$/iu;

export function asksDefinition(question: string, concepts: number): boolean {
  return concepts <= 2 && (DEFINITION.test(question) || USED_FOR.test(question));
}

/** Numbers and the count words of each language but "en"/"et"/"a", as often an article as a count ("en medarbejder"). */
const COUNTING: Record<'da' | 'en', string> = {
  da: String.raw`\d+(?:[.,]\d+)?|én|ét|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv`,
  en: String.raw`\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve`,
};
const NOT_WORD = String.raw`(?<![\p{L}\p{N}])`;
const WORD = String.raw`[\p{L}][\p{L}'’-]*`;
const COUNT_ASKED = new RegExp(String.raw`${NOT_WORD}(?:hvor mange|how many)\s+(${WORD})`, 'u');
const COUNTED = {
  da: new RegExp(String.raw`${NOT_WORD}(?:${COUNTING.da})\s+(${WORD})(?:\s+(${WORD}))?`, 'gu'),
  en: new RegExp(String.raw`${NOT_WORD}(?:${COUNTING.en})\s+(${WORD})(?:\s+(${WORD}))?`, 'gu'),
};

/** "Hvor mange lønkørsler er der hver måned", "how many weeks do we have": the word counted, lower-cased; undefined when no count of a thing is asked. */
export function countedWord(question: string): string | undefined {
  return COUNT_ASKED.exec(question.toLocaleLowerCase('da'))?.[1];
}

/**
 * A period said as every so many of a unit (round 28): "hver 89. dag", "mindst hver 6. måned", "every 90th day" count the
 * unit as "89 dage" does — the page whose password "skal ændres mindst hver 89. dag" answers "hvor mange dage holder koden".
 */
const EVERY_NTH = new RegExp(String.raw`${NOT_WORD}(?:hver|hvert|every)\s+\d+(?:\.|st|nd|rd|th)\s+(${WORD})`, 'gu');

/**
 * The words a text in `language` counts: the word after a number or a count word, and the one after it ("hver måned er der
 * to lønkørsler", "inden for 4 uger", "seks standardrapporter", "4 logiske CPU'er"), and the unit of a period said as every
 * so many of it ("hver 89. dag"), lower-cased.
 */
export function countedWords(text: string, language: 'da' | 'en'): string[] {
  const words: string[] = [];
  const lower = text.toLocaleLowerCase('da');
  for (const match of lower.matchAll(COUNTED[language])) {
    for (const word of [match[1], match[2]]) if (word !== undefined) words.push(word);
  }
  for (const match of lower.matchAll(EVERY_NTH)) if (match[1] !== undefined) words.push(match[1]);
  return words;
}

/** A word typed alone ("RejsUd", "lønseddel"): it asks what the thing is, as "hvad er RejsUd?" does — the article's opening. */
export function loneWord(question: string): boolean {
  return (question.match(/[\p{L}\p{N}]+/gu) ?? []).length === 1;
}

/** Ordinal words of each language and the number each stands for ("første lønkørsel" is "1. lønkørsel"). */
const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ...['første', 'anden', 'tredje', 'fjerde', 'femte', 'sjette', 'syvende', 'ottende', 'niende', 'tiende'].map((w, i) => [w, i + 1] as const),
  ['andet', 2],
  ...['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].map((w, i) => [w, i + 1] as const),
]);
/** Words that join ordinals of one thing ("første og anden lønkørsel", "1./2. lønkørsel"). */
const ORDINAL_JOINS: ReadonlySet<string> = new Set(['og', 'eller', 'and', 'or', 'den', 'det', 'the']);
/** "Anden"/"andet" after an indefinite word is "other" ("en anden bruger", "et andet ministerium"). */
const OTHER: ReadonlySet<string> = new Set(['anden', 'andet']);
const INDEFINITE: ReadonlySet<string> = new Set(['en', 'et', 'nogen', 'noget', 'ingen', 'intet', 'enhver', 'ethvert', 'hver', 'hvert']);

/**
 * "Hvad bruges første lønkørsel til?", "what is the second payroll run used for", "forskellen på 1. og 2. lønkørsel": the
 * numbers of the ordinals asked and the word of the thing they number (lower-cased); undefined when no thing is asked by its
 * ordinal. A digit counts only with its period ("1. lønkørsel"), a word only right before the thing or another ordinal.
 */
export function askedOrdinal(question: string): { numbers: number[]; word: string } | undefined {
  const tokens = question.toLocaleLowerCase('da').match(/(?<![\p{L}\p{N}])\d{1,2}\.(?!\d)|[\p{L}\d][\p{L}\d'’-]*/gu) ?? [];
  const ordinal = (token: string): number | undefined => (/^\d{1,2}\.$/u.test(token) ? Number(token.slice(0, -1)) : ORDINAL_WORDS.get(token));
  for (let at = 0; at < tokens.length; at += 1) {
    if (ordinal(tokens[at] ?? '') === undefined) continue;
    // "et andet ministerium", "en anden bruger": another one, not the second.
    if (OTHER.has(tokens[at] ?? '') && INDEFINITE.has(tokens[at - 1] ?? '')) continue;
    const numbers: number[] = [];
    let next = at;
    for (; next < tokens.length; next += 1) {
      const token = tokens[next] ?? '';
      const number = ordinal(token);
      if (number !== undefined) numbers.push(number);
      else if (!ORDINAL_JOINS.has(token)) break;
    }
    const word = tokens[next];
    if (word !== undefined && !/^\d/u.test(word)) return { numbers, word };
    at = next;
  }
  return undefined;
}

/**
 * The things a text numbers where a sentence or a line begins with them ("1. lønkørsel er primært til timelønnede"): the word
 * after the ordinal's digit, lower-cased, with its number. "1./2. lønkørsel" (the runs named together) and "ved 1. lønkørsel"
 * (a run named in passing) are no such sentence.
 */
export function ordinalSubjects(text: string): { number: number; word: string }[] {
  const found: { number: number; word: string }[] = [];
  for (const match of text.toLocaleLowerCase('da').matchAll(/(?:^|[.!?:;]\s+|\n\s*(?:[-•*]\s*)?)(\d{1,2})\.\s+(\p{L}[\p{L}\d'’-]*)/gu)) {
    found.push({ number: Number(match[1]), word: match[2] ?? '' });
  }
  return found;
}

/** "Hvilket regnskab står jeg i", "which accounts am I working in": the word of the thing whose name is asked, lower-cased. */
const WHICH_ASKED = /(?<![\p{L}\p{N}])(?:hvilke[nt]?|hviken|hvilkt|which)\s+([\p{L}][\p{L}\d'’-]*)/u;

export function askedName(question: string): string | undefined {
  return WHICH_ASKED.exec(question.toLocaleLowerCase('da'))?.[1];
}

/** "Navnet på det regnskab, man arbejder i", "the name of the account": the words whose name a text says where to find. */
const NAME_OF = /(?<![\p{L}\p{N}])(?:navn(?:et|ene)?\s+på|name\s+of)\s+(?:(?:det|den|de|the)\s+)?([\p{L}][\p{L}\d'’-]*)/gu;

export function namedThings(text: string): string[] {
  return [...text.toLocaleLowerCase('da').matchAll(NAME_OF)].map((match) => match[1] ?? '');
}
