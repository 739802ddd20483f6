import { conceptCredits, productLikeWords, type Analyzer, type QueryAnalysis, type QueryTerm, type TermKind } from './analysis/analyzer.js';
import { isDanishWord } from './analysis/danish-words.js';
import { tokenize } from './analysis/tokenizer.js';
import { askedKinds, asksDefinition, kindMatch } from './fact-kinds.js';
import type { Language } from './article.js';

/**
 * Questions that an article's words answer but the article does not. The articles are about what a
 * state institution's administration does in the shared systems (payroll, accounting, travel,
 * invoices, refunds); many everyday questions share their words: "må min chef læse mine mails"
 * (all three words are in the article on user access to the payroll system), "jeg har glemt
 * pinkoden til mit dankort" (the SLS password rules), "hvordan laver jeg en pivottabel i Excel
 * derhjemme" (LDV's cubes in Excel). Coverage and trust cannot tell them from questions the article
 * answers: their words are as rare and as fully matched (docs/understanding.md, rounds 5–7). What
 * can is how the question is put and what it is about:
 *
 * - **The asker's own thing** ({@link ownThingNotTheirs}): "min chef", "mit dankort", "min syge mor",
 *   "my email signature" — the first person's thing, when no article has that thing in its title,
 *   keywords or system, is part of the asker's own life, not of the administration's systems. Such
 *   a question is declined unless the question also names what the answering article is about
 *   (its title, keywords or system, in the user's own words: "mine kolleger … adgang til
 *   kundeportalen", "min kode til lønsystemet"). A thing the articles are about ("min lønseddel",
 *   "min kode", "mine fakturaer") is asked about as the articles mean it.
 * - **Private life named** ({@link outsideUnanswered}): a word of the lexicon's `outside` list
 *   ("privat", "derhjemme", "personal") that the answering article does not speak of. The analyser
 *   already weighs such a word like a word the articles never use; here it decides, because a
 *   private pension or a pivot table at home is another question than the article's, however many
 *   of its other words the article has.
 * - **Common words only** ({@link commonWordsOnly}): no word of the question is matched through a term
 *   that at most a quarter of the articles have (the analyser's share for light words): "hvad
 *   hedder statsministeren" met a title's "hedder" and "stat" of "Statens"; "what time is it" a
 *   passage's "tid".
 * - **A change the article does not describe** ({@link changeNotHeld}): "hvordan trækker jeg en
 *   rejseafregning tilbage", "hvordan ændrer jeg konteringen på en godkendt faktura", "how do I reverse a
 *   posted entry in Navision Stat". The system's overview names the thing (the travel claim, the
 *   invoice, the entry) but not how to undo or change it: asked how to do a change — to correct, undo,
 *   cancel, reject, block, close or delete — whose verb the best article does not have ("hvordan …
 *   jeg", "kan jeg selv lukke …", "how do I …", "can I …"), the question is one for the desk (round 18).
 * - **A price the article does not hold** ({@link priceNotHeld}): "hvad koster det at være lønkunde hos
 *   Statens Administration" met the overview of the systems, which names payroll customers and no price.
 *   A price asked of an article with no amount, price, fee or payment in it is the desk's question (round 18).
 * - **A year the article does not reach** ({@link yearNotHeld}): "barselsfond sats 2024" met the table of the
 *   maternity fund's rates for 2017–2022, "fleksrefusion max pr kvartal 2025" the caps up to 2024. An article
 *   whose figures run by year (it names YEAR_TABLE years or more) holds no figure for a year after its last
 *   one: that is the desk's question, however well the rest of the question matches (round 21).
 * - **A task the article does not hold** ({@link taskNotHeld}): "hvordan bogfører jeg en kassekladde i Navision",
 *   "hvordan opretter jeg en ny dimension i Navision Stat". The system's overview matches the system's name and the
 *   verb; of what is to be done in it, no word. Asked how to do it, that is the desk's question (round 23).
 * - **A definition the article does not give** ({@link definitionNotHeld}): "hvad er moms", "hvad er et CVR-nummer",
 *   "hvad er kildeskat", "what is VAT in Denmark". An article names the thing in passing ("… anlæg og moms", "(fx
 *   pensionskasser, ATP og kildeskat)"), so its one word is fully matched and trust is high; but what the thing is, the
 *   article does not say. Asked what it is, that is general knowledge, not the portal's (round 24).
 * - **How to do a thing the article only lists** ({@link doingNotHeld}): "hvordan opdaterer jeg Google Chrome" met the
 *   system requirements that list the browser; of updating it, and of IndFak, the question says nothing (round 25).
 * - **A matter with a party no article knows** ({@link partyUnknown}): "min sag hos forsikringsselskabet" (round 26).
 * - **A word's translation** ({@link translationAsked}): "hvad hedder regnskab på tysk" (round 26).
 * - **Access to a thing the article does not name** ({@link accessTargetNotHeld}): "jeg har glemt min adgangskode til
 *   e-Boks", "I forgot the password to my work laptop". The pages on the payroll system's or Navision's passwords match
 *   "adgangskode", "glemt", "nulstille"; what the password is for they do not name (round 24).
 */
export type DeclineReason = 'private-life' | 'common-words' | 'change-not-held' | 'price-not-held' | 'year-not-held' | 'not-its-subject' | 'task-not-held' | 'definition-not-held' | 'access-not-held';

/** What {@link declineReason} needs to know of the question, the best article and the corpus. */
export interface DeclineContext {
  readonly question: string;
  readonly analysis: QueryAnalysis;
  readonly analyzer: Analyzer;
  /** The best article is about the portal itself (the user's own account: sign-up, password, e-mail). */
  readonly aboutThePortal: boolean;
  /** The language of the best article (an English word's own stem counts only in English articles). */
  readonly articleLanguage: Language;
  /** The best article's title and body. */
  readonly articleText: string;
  /** The query terms the best article matched (in its title, keywords or passages). */
  readonly matchedTerms: ReadonlySet<string>;
  /** Index terms of the best article's title. */
  readonly titleTerms: ReadonlySet<string>;
  /** Index terms of the best article's title, keywords and system. */
  readonly subjectTerms: ReadonlySet<string>;
  /** The best article's title, keywords and system as written. */
  readonly subjectText: string;
  /** Index terms of the best article's system. */
  readonly systemTerms: ReadonlySet<string>;
  /**
   * Index terms of what the best article defines ({@link definedPhrases} of its body), computed when asked; `kinds`: only what
   * it says a kind of thing is (no word given with its value: "EAN-nummer 5798000010925" is one number, not what one is).
   */
  readonly definedTerms: (kinds?: boolean) => ReadonlySet<string>;
  /** Index terms of each system the best article's system field names ("Statens HR / HR-sag": two). */
  readonly systemNames: readonly ReadonlySet<string>[];
  /** Whether some article has the term in its title, keywords, system or area. */
  readonly isSubjectTerm: (term: string) => boolean;
  readonly documentFrequency: (term: string) => number;
  readonly articleCount: number;
}

/** Why the best article does not answer the question after all, or undefined when it does. */
export function declineReason(context: DeclineContext): DeclineReason | undefined {
  if (outsideUnanswered(context) || ownThingNotTheirs(context) || PERSONAL_ENTITLEMENT.test(context.question) || OWN_SICKNESS.test(context.question) || OWN_ECONOMY.test(context.question) || ownNemKonto(context.question) || OWN_SCHEME.test(context.question) || OWN_PAY_NEGOTIATED.test(context.question) || ownLeave(context) || ownCourse(context) || ownDevice(context) || officeProgramNotTheirs(context) || partyUnknown(context) || lawOrAuthorityUnknown(context) || deadlineThingNotHeld(context)) return 'private-life';
  if (commonWordsOnly(context)) return 'common-words';
  if (changeNotHeld(context)) return 'change-not-held';
  if (taskNotHeld(context) || doingNotHeld(context)) return 'task-not-held';
  if (definitionNotHeld(context) || translationAsked(context) || holidayDateAsked(context) || countryFigureAsked(context) || officeHolderAsked(context)) return 'definition-not-held';
  if (accessTargetNotHeld(context)) return 'access-not-held';
  if (priceNotHeld(context)) return 'price-not-held';
  if (yearNotHeld(context)) return 'year-not-held';
  if (loneWordsNotItsSubject(context)) return 'not-its-subject';
  return undefined;
}

/**
 * A word typed alone is a subject asked about, not a question ("RejsUd", "lønseddel"). Two already narrow each other
 * ("dispositionsdato forklaring", "Epicenteret opgavesplit" are answered by articles whose subject holds neither word):
 * measured on every question set, holding two words to it cost three expected answers and gained none.
 */
const LONE_WORDS = 1;
/** A word typed alone names a compound of the subject that it begins, from this many letters ("barsel" → "Barselsfond"). */
const MIN_MODIFIER_LETTERS = 4;
/** A word itself, as written or translated. */
const ITSELF: ReadonlySet<TermKind> = new Set(['word', 'glossary']);
/** User's words as written, corrected or translated (not a synonym or a part). */
const WRITTEN_KINDS: ReadonlySet<TermKind> = new Set(['word', 'glossary', 'typo']);

/**
 * A name typed alone ("MitID", "SAP") asks about the thing it names. An article answers it when it is about that: its
 * title, keywords or system hold the name ("RejsUd", "PENSAB", "HRmeter"). A name an article merely uses ("se dine
 * pensionsoplysninger med MitID") is not asked about in it. An everyday word alone ("printer", "ferie") is left to the
 * rest of the decision (see below).
 */
export function loneWordsNotItsSubject(context: DeclineContext): boolean {
  const { analysis } = context;
  const written = context.question.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (written.length === 0 || written.length > LONE_WORDS) return false;
  const language = context.articleLanguage;
  const subjectWords = (context.subjectText.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const subjectStems = new Set(subjectWords.map((word) => context.analyzer.stemmers.stem(word, language)));
  const names = productLikeWords(context.question);
  return analysis.concepts.every((concept, index) => {
    const terms = analysis.terms.filter((term) => term.concept === index && WRITTEN_KINDS.has(term.kind) && counts(term, context));
    const surface = concept.surface.toLowerCase();
    const named = terms.some((term) => subjectStems.has(term.term)) || (surface.length >= MIN_MODIFIER_LETTERS && subjectWords.some((word) => word.startsWith(surface)));
    const name = surface.split(' ').some((word) => names.has(word) && /\p{L}/u.test(word));
    // Only a name: an everyday word or a domain term typed alone ("prokura", "kontrollant", "åbningstider") is answered
    // by the passage that speaks of it as often as not from an article whose title does not hold it (measured: holding
    // such words to it cost an expected answer on a never-read set, and "pensionsalder" over the public articles).
    // A name is never the articles' own term by rarity: the one article that uses it uses it in passing.
    return name && !named;
  });
}

/**
 * What the asker is entitled to as a person ("hvor mange omsorgsdage har jeg ret til", "am I entitled
 * to", "er jeg berettiget til"): the local HR's or the union's answer, not the portal's. In the first
 * person singular only: "har vi ret til refusion" is the institution asking about its refund. So is their own pay in a situation
 * ("får jeg fuld løn under min barsel", "får jeg løn når jeg er syg"), their own tax deduction ("kan jeg få fradrag for min
 * kørsel"), what they get of a benefit ("hvor meget får jeg i ATP"; not a refund or grant: the institution's) and after tax
 * ("hvad jeg får udbetalt efter skat") (round 26), money back from the tax ("penge tilbage i skat", "tax refund") (round 27): the
 * articles' payroll and refunds are the institution's.
 */
const PERSONAL_ENTITLEMENT =
  /(?<![\p{L}\d])(?:har\s+jeg\s+(?:\p{L}+\s+)?ret\s+til|er\s+jeg\s+berettiget|am\s+i\s+(?:\p{L}+\s+)?entitled|am\s+i\s+eligible|do\s+i\s+have\s+(?:a\s+|the\s+)?right\s+to|(?:får|beholder|fik)\s+jeg\s+(?:\p{L}+\s+)?løn\s+(?:under|når|mens|hvis|på|i|ved)|(?:får\s+jeg|kan\s+jeg\s+få)\s+(?:\p{L}+\s+)?fradrag|(?:hvad|hvor\s+meget)\s+(?:får|fik)\s+jeg\s+i(?=\s+(?!refusion|tilskud)\p{L})|jeg\s+(?:\p{L}+\s+){0,2}efter\s+skat|(?:penge|pengene)\s+tilbage\s+(?:i|fra)\s+skat\p{L}*|tax\s+refund)(?![\p{L}\d])/iu;

/**
 * The asker's own economy, called their own ("min egen pension", "trækprocenten på min egen løn", "mit eget firma", "my
 * own savings", "mit eget enkeltmandsfirma"): the asker as a citizen — their bank, their tax, their pension company — not the institution's payroll
 * or pensions the articles speak of (round 22). "Egen" before the system's things is not this: "mine egne rapporter",
 * "mit eget regneark", "my own payslip" are asked about the systems; nor is one's own car, whose mileage a travel claim pays.
 * "Min bank", "min netbank" need no "egen" (round 26): an employee's bank is their own; the institution's is "vores".
 */
const OWN_ECONOMY =
  /(?<![\p{L}\d])(?:(?:(?:min|mit|mine)\s+(?:egen|eget|egne)|my\s+own)\s+(?:\p{L}+\s+)?(?:løn|lønnen|\p{L}*pension|\p{L}*pensionen|\p{L}*opsparing|skat|skatten|økonomi|økonomien|bank|banken|netbank|\p{L}*virksomhed|\p{L}*firma|salary|pay|pension|savings|tax|taxes|bank|business|company)|min\s+(?:bank|banken|netbank|netbanken)|(?:spare|sparer|sparet|sparede)\s+(?:\p{L}+\s+)?op|save\s+up|saving\s+up)(?![\p{L}\d])/iu;

/**
 * The asker's own NemKonto ("hvordan skifter jeg min NemKonto til en ny bank", "vil have min løn ind på min nye konto i Lunar, hvor
 * laver jeg nemkontoen om", "how do I point my nemkonto to the new account"): the citizen's account for payments from the public
 * sector, changed in their own bank — not the NemKonto of the articles, which is the institution's (refunds paid to it, the
 * payment roles) or an employee's looked up in the payroll system ("kan vi se en medarbejders NemKonto i SLS"). Called the asker's
 * ("min/my NemKonto"), or named beside the asker's new bank or account ("min nye konto", "my new bank") (round 29).
 */
const NEMKONTO = /(?<![\p{L}\d])nemkonto\p{L}*(?![\p{L}\d])/iu;
const MY_NEMKONTO = /(?<![\p{L}\d])(?:min|my)\s+(?:\p{L}+\s+)?nemkonto\p{L}*(?![\p{L}\d])/iu;
const MY_NEW_ACCOUNT = /(?<![\p{L}\d])(?:min|mit|mine|my|a)\s+(?:nye?|new|egen|own|anden|other|different)\s+(?:\p{L}+\s+)?(?:bank|banken|konto|kontoen|bankkonto|account|bank\s+account)(?![\p{L}\d])/iu;

/** {@link MY_NEMKONTO}, or NemKonto beside {@link MY_NEW_ACCOUNT}, of the question. */
export function ownNemKonto(question: string): boolean {
  return MY_NEMKONTO.test(question) || (NEMKONTO.test(question) && MY_NEW_ACCOUNT.test(question));
}

/**
 * The asker employed in a scheme themself ("jeg er selv ansat i fleksjob, må jeg arbejde flere timer", "I'm in a flex job
 * myself"): their own terms are their employer's and the municipality's, not the institution's refund the articles speak of —
 * as their own sickness is (OWN_SICKNESS) (round 29).
 */
const OWN_SCHEME =
  /(?<![\p{L}\d])(?:jeg\s+er\s+(?:selv\s+)?(?:\p{L}+\s+)?(?:i|på)\s+(?:et\s+)?fleksjob|i\s+am\s+(?:\p{L}+\s+)?(?:in|on)\s+(?:a\s+)?flex[\s-]?job|i['’]m\s+(?:\p{L}+\s+)?(?:in|on)\s+(?:a\s+)?flex[\s-]?job)(?![\p{L}\d])/iu;

/**
 * The asker reporting their own sickness ("hvordan melder jeg mig syg", "I need to call in sick"): the
 * employee's own manager's matter, not the payroll's refunds the articles speak of (round 10).
 */
const OWN_SICKNESS =
  /(?<![\p{L}\d])(?:melde?r?\s+(?:jeg\s+)?mig\s+(?:syg|rask)|(?:syge|raske)melde?r?\s+(?:jeg\s+)?mig|call\s+in\s+sick|report\s+(?:myself\s+)?(?:sick|ill)|i\s+am\s+(?:sick|ill)|i['’]m\s+(?:sick|ill)|jeg\s+er\s+syg)(?![\p{L}\d])/iu;

/**
 * The asker taking their own leave ("må jeg holde ferie før jeg har optjent den", "kan jeg overføre 5 feriedage til næste år",
 * "hvordan søger jeg orlov uden løn"): their manager's and local HR's matter, as their own sickness is (OWN_SICKNESS), not
 * the refunds and payroll the articles speak of ("kan jeg få orlov til at læse på universitetet": round 27) — unless the question
 * names what the best article is about ("jeg skal på
 * ferie, hvordan sætter jeg en fraværsassistent op i IndFak"). Not the asker's leave as the time of something else ("… mens
 * jeg holder ferie", "while I am on leave"): the question is about that (round 25).
 */
const LEAVE_VERBS = String.raw`(?:holde|holder|afholde|afholder|tage|tager|få|får|søge|søger|overføre|overfører|gemme|gemmer|spare|sparer|udskyde|udskyder|optjene|optjener|bruge|bruger|take|request|carry|save)`;
const LEAVE = String.raw`(?:\p{L}*ferie|feriedag\p{L}*|fridag\p{L}*|orlov\p{L}*|omsorgsdag\p{L}*|seniordag\p{L}*|leave|holiday\p{L}*|vacation\p{L}*|days\s+off)`;
const OWN_LEAVE = new RegExp(
  String.raw`(?<![\p{L}\d])(?<!(?:mens|imens|når|hvis|while|when|if)\s+)(?:(?:jeg|i)\s+(?:\p{L}+\s+)?${LEAVE_VERBS}|${LEAVE_VERBS}\s+(?:jeg|i))\s+(?:\p{L}+\s+|\d+\s+){0,2}${LEAVE}(?![\p{L}\d])`,
  'iu',
);

/**
 * How much of their own leave the asker has left ("hvor mange feriedage har jeg tilbage", "where can I check how many days of
 * holiday I still have"): their own balance, kept by their workplace's time registration and HR, as their leave is (round 29).
 */
const LEAVE_LEFT = new RegExp(
  String.raw`(?<![\p{L}\d])(?:hvor\s+mange|how\s+many|how\s+much)\s+(?:\p{L}+\s+){0,2}${LEAVE}\s+(?:\p{L}+\s+){0,1}(?:har\s+jeg|jeg\s+har|do\s+i\s+(?:still\s+)?have|i\s+(?:still\s+)?have|have\s+i)(?![\p{L}\d])`,
  'iu',
);

/**
 * The asker negotiating their own pay ("skal jeg selv forhandle min løn", "hvordan forhandler jeg mig til mere i løn"): theirs and
 * their union's, not the pay statistics an institution brings to local negotiations ("vi skal forhandle løn lokalt …"). As
 * OWN_SICKNESS, whatever the article: "løn" of the question names the payroll system's pages too (round 25). "Hvordan forhandler
 * jeg løn til en jobsamtale" too (round 26), but not with the institution's staff ("… løn med en ny medarbejder": the employer's).
 * So is getting more pay ("kan jeg få mere i løn hvis jeg får personaleansvar", "får jeg en lønforhøjelse", "how do I get a
 * raise"): the asker's own, in the first person singular (round 28).
 */
const OWN_PAY_NEGOTIATED =
  /(?<![\p{L}\d])(?:(?:kan\s+jeg\s+(?:\p{L}+\s+)?få|får\s+jeg|fik\s+jeg)\s+(?:\p{L}+\s+)?(?:mere\s+i\s+løn|højere\s+løn|(?:en\s+)?lønforhøjelse)|(?:get|ask\s+for)\s+(?:a\s+)?(?:pay\s+rise|raise|higher\s+salary)|(?:forhandle|forhandler|forhandlede)\s+(?:jeg\s+)?(?:mig|min\s+(?:egen\s+)?løn)|(?:forhandler|forhandlede)\s+jeg\s+(?:\p{L}+\s+)?løn\p{L}*(?!\s+med\s+(?:\p{L}+\s+){0,2}(?:medarbejder|ansat|ansatte|kandidat|ansøger)\p{L}*)|negotiate\s+my\s+(?:own\s+)?(?:salary|pay|wage))(?![\p{L}\d])/iu;


/**
 * The asker's own device or furniture: "min printer på kontoret vil ikke printe", "min tv-boks fryser", "hvem skal jeg spørge om
 * en ny kontorstol", "my laptop", "a new office chair for me". The local IT's, the facilities' or the asker's own provider's,
 * not the portal's — though the SLS pages print "fra sin egen foretrukne printer" and the purchase agreements name office
 * furniture. Called the asker's ("min/mit/mine/my …", "jeg … en ny …"), not the institution's ("vores printere", "skal vi købe
 * kontormøbler ind på aftalerne"). Not the phone: the RejsUd app and the authenticator app are on it ("rejseprogrammet vil have en
 * kode fra min telefon": measured, −3 in scope with phones) (round 27).
 */
const DEVICE = String.raw`(?:\p{L}*printer\p{L}*|tv-?boks\p{L}*|router\p{L}*|modem\p{L}*|\p{L}*skærm(?:en|e|ene)?|computer\p{L}*|pc(?:en)?|bærbar(?:e)?|laptop\p{L}*|headset\p{L}*|høretelefoner\p{L}*|mus(?:en)?|tastatur\p{L}*|dockingstation\p{L}*|kopimaskine\p{L}*|scanner\p{L}*|\p{L}*stol(?:en|e)?|skrivebord\p{L}*|hæve-?sænkebord\p{L}*|\p{L}*lampe(?:n)?|adgangskort\p{L}*|nøglekort\p{L}*|printers?|tv\s+box(?:es)?|routers?|monitors?|screens?|computers?|laptops?|headsets?|mouse|keyboards?|docking\s+station|copier|scanners?|chairs?|office\s+chair|desks?|key\s*cards?|badges?)`;
const OWN_DEVICE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:min|mit|mine|my)\s+(?:egen\s+|eget\s+|own\s+|\p{L}+\s+)?${DEVICE}|(?:jeg|mig|I|me)\s+(?:\p{L}+\s+){0,4}(?:en|et|a)\s+(?:ny|nyt|new)\s+(?:\p{L}+\s+)?${DEVICE})(?![\p{L}\d])`,
  'iu',
);

/** The asker's own device ({@link OWN_DEVICE}) asked of an article whose system the question does not name in its own words ("min egen printer" and SLS). */
export function ownDevice(context: DeclineContext): boolean {
  if (!OWN_DEVICE.test(context.question)) return false;
  // A password or access asked for it that the article does not name is {@link accessTargetNotHeld}'s, whose reply sends the
  // asker to the local IT support.
  if (accessTargetNotHeld(context)) return false;
  // In the user's words or their synonyms ("lønsystemet" for SLS), not a broader word: "kontorstol" is "indkøb" by the hypernyms,
  // and Statens Indkøb a system's name (nor a broader word's synonyms: "indkøb").
  const broadened = new Set(context.analysis.terms.filter((term) => term.kind === 'broader').map((term) => term.concept));
  const userWords = (term: QueryTerm): boolean => OWN_KINDS.has(term.kind) || (term.kind === 'synonym' && !broadened.has(term.concept));
  const namesSystem = conceptCredits(context.analysis, (term) => userWords(term) && context.systemTerms.has(term.term) && counts(term, context));
  return !namesSystem.some((credit) => credit >= MATCHED);
}

/** The asker's own leave ({@link OWN_LEAVE}) asked of an article whose title, keywords and system the question does not name. */
export function ownLeave(context: DeclineContext): boolean {
  const left = LEAVE_LEFT.test(context.question);
  if (!OWN_LEAVE.test(context.question) && !left) return false;
  const own = (term: QueryTerm): boolean => OWN_KINDS.has(term.kind) && counts(term, context);
  const namesSystem = conceptCredits(context.analysis, (term) => context.systemTerms.has(term.term) && counts(term, context));
  if (namesSystem.some((credit) => credit >= MATCHED)) return false;
  // The balance left is no article's, whatever of its title the rest of the question meets ("where can I check …": "check" is
  // the RejsUd security page's "kontrol") — only the system named keeps it (round 29).
  if (left) return true;
  const aboutSubject = conceptCredits(context.analysis, (term) => own(term) && context.subjectTerms.has(term.term));
  return !aboutSubject.some((credit) => credit >= MATCHED);
}

/**
 * The asker taking a course themself ("hvem godkender at jeg tager et kursus hos en ekstern udbyder", "er der et loft over hvor mange
 * kurser jeg må tage om året"): their manager's and HR's decision, as their leave is — not Campus, the learning platform the
 * articles describe, unless the question names it (round 29).
 */
const COURSE = String.raw`(?:kursus|kurset|kurser|kurserne|efteruddannelse\p{L}*|courses?|training)`;
const OWN_COURSE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:jeg|I)\s+(?:\p{L}+\s+){0,2}(?:tage|tager|tog|deltage|deltager|take|attend)\s+(?:\p{L}+\s+){0,2}${COURSE}|${COURSE}\s+(?:\p{L}+\s+){0,2}(?:jeg|I)\s+(?:\p{L}+\s+)?(?:tage|tager|deltage|take|attend))(?![\p{L}\d])`,
  'iu',
);

/** {@link OWN_COURSE} asked of an article whose system the question does not name. */
export function ownCourse(context: DeclineContext): boolean {
  if (!OWN_COURSE.test(context.question)) return false;
  const namesSystem = conceptCredits(context.analysis, (term) => context.systemTerms.has(term.term) && counts(term, context));
  return !namesSystem.some((credit) => credit >= MATCHED);
}

/**
 * An office program of the asker's desk: Excel, Word, Outlook, PowerPoint, Windows, Teams, OneNote, and their mail ("e-mail",
 * "mails", "indbakke", "inbox"); a zip file and zipping ("hvordan pakker jeg en mappe i en zip fil", "hvordan zipper jeg filerne": the LDV reports come as one) (round 29). Word only after "i"/"in" or joined ("i Word", "et Word-dokument"): the English word "word" is
 * everyday.
 */
const PROGRAM = String.raw`(?:zip(?:-?fil)?\p{L}*|excel\p{L}*|outlook\p{L}*|powerpoint\p{L}*|windows\p{L}*|teams|onenote|word-?(?:dokument|fil)\p{L}*|e-?mail(?:s|en)?|mail(?:s|en)?|indbakke\p{L}*|inbox)`;
const OFFICE_PROGRAM = new RegExp(String.raw`(?<![\p{L}\d])(?:${PROGRAM}|(?<=(?:^|\s)(?:i|in)\s+)word)(?![\p{L}\d])`, 'iu');
/** The institution's staff, as a whole: "medarbejdere", "ansatte", "employees". */
const STAFF = /^(?:medarbejdere|medarbejderne|ansatte|employees|staff)$/iu;
/** "Egen", "eget", "egne", "own": whose a thing is, not what. */
const OWN_WORD = /^(?:egen|eget|egne|own)$/iu;
/** A word of mail: "mail", "mails", "e-mail", "mailen". */
const MAIL_WORD = /^(?:e-?)?mail(?:s|en)?$/iu;
/** One word of {@link OFFICE_PROGRAM}. */
const PROGRAM_WORD = new RegExp(String.raw`^(?:${PROGRAM}|word)$`, 'iu');

/**
 * "Vil gerne summere mine tal i en pivot, hvor i Excel finder jeg den", "hvordan nulstiller jeg min Windows-adgangskode", "hvordan
 * sender jeg en stor fil på mail", "how do I make a pivot table in Excel": how to do a thing in an office program, in a question
 * that names nothing of what the best article is about (its title, keywords or system in the user's words, or its system in any
 * words) beside the program itself. The articles use the programs — LDV's cubes are opened in Excel, the SLS password rules
 * speak of a password, reports are sent by mail — so the program's word and the task's meet them; what the asker wants done in
 * the program is the local IT's, or the program's own help (round 28). "Hvordan åbner jeg LDV-kuberne i Excel", "kan jeg bruge
 * Excel til masseindberetning i HR-Løn" name the article's subject and stay answered.
 */
export function officeProgramNotTheirs(context: DeclineContext): boolean {
  const { analysis, analyzer, question } = context;
  if (!OFFICE_PROGRAM.test(question)) return false;
  const programWords = wordConcepts(question, analysis, analyzer).filter((word) => word.concept !== undefined && PROGRAM_WORD.test(word.text));
  // Mail alone, of an article that speaks of mail ("sendes … som pdf til ens e-mail", "pr. mail med teksten …"): the way the
  // article's report or notice comes, not the asker's mail program ("kan jeg få personalenøgletal sendt på mail").
  if (programWords.every((word) => MAIL_WORD.test(word.text)) && wholeWords(context.articleText).some((word) => MAIL_WORD.test(word))) return false;
  // The institution's staff ("de samme ændringer for mange ansatte på én gang fra Excel"): their pay is what the articles are about.
  if (wordConcepts(question, analysis, analyzer).some((word) => STAFF.test(word.text))) return false;
  const program = new Set(programWords.map((word) => word.concept as number));
  // Not a light word, nor "egen" ("mine egne tal": "egne" is in the title "Ansvar ved egne dataintegrationer …").
  const light = analyzer.lightWords[analysis.language];
  const slight = (concept: number): boolean => light.has(analysis.concepts[concept]?.surface ?? '') || OWN_WORD.test(analysis.concepts[concept]?.surface ?? '');
  const own = (term: QueryTerm): boolean => !program.has(term.concept) && !slight(term.concept) && OWN_KINDS.has(term.kind) && counts(term, context);
  // Any article's subject, not only the best one's: "pivottabeller på løndata i Excel", "personalenøgletal sendt på mail", "et
  // Excel-ark med timer for alle vores studentermedhjælpere" name the pay, the staff figures, the hours the articles are about,
  // whichever page answers (measured: holding them to the best article's subject lost 13 in-scope answers) — also as the first
  // part of a word the articles have whole ("lønforbruget": "løn").
  const subjectBegins = (term: string): boolean => {
    for (let end = MIN_MODIFIER_LETTERS - 1; end < term.length; end += 1) if (context.isSubjectTerm(term.slice(0, end))) return true;
    return false;
  };
  const aboutSubject = conceptCredits(analysis, (term) => own(term) && (context.isSubjectTerm(term.term) || (term.kind === 'word' && subjectBegins(term.term))));
  const namesSystem = conceptCredits(analysis, (term) => !program.has(term.concept) && context.systemTerms.has(term.term) && counts(term, context));
  return !aboutSubject.some((credit) => credit > 0) && !namesSystem.some((credit) => credit >= MATCHED);
}

/**
 * The desk addressed: "I" (capitalised: the plural you) before a verb, "jer", "jeres", "you have". English "I"
 * before a Danish verb does not occur; a sentence-initial "I" as the preposition ("I min kalender …") has no verb after it.
 * Or named doing something (round 28): "SAM skriver der mangler noget i min anmodning", "servicedesken har bedt om …" — the
 * asker's request then is one to the desk, as "min henvendelse til jer" is.
 */
const ASKS_THE_DESK = /(?<![\p{L}\d])(?:I\s+(?:har|kan|vil|skal|er|får|modtager|sender|fik|modtog)|[Jj]er|[Jj]eres|you\s+(?:have|received|got)|(?:SAM|[Ss]tatens [Aa]dministration|[Ss]ervicedesken|[Ss]upporten|[Kk]undebetjeningen)\s+(?:har|kan|vil|skal|er|får|modtager|sender|fik|modtog|skriver|skrev|beder|bad|spørger|spurgte|siger|sagde|svarer|svarede))(?![\p{L}\d])/u;
/** A concept counts as matched from this credit on (a whole word, or most of a compound). */
const MATCHED = 0.5;
/** Kinds of term that are the user's own word (as written, translated, corrected or split), not an inference. */
const OWN_KINDS: ReadonlySet<TermKind> = new Set(['word', 'glossary', 'typo', 'compound-part', 'name-part']);
/** A term in more than this share of the articles says little of what an article is about (the analyser's LIGHT_SHARE). */
const COMMON_SHARE = 0.25;
/** …and in more than this many: in a handful of articles no word is common (a test's or a new portal's few articles). */
const COMMON_MIN_ARTICLES = 5;
/** Below this credit from uncommon terms a word is not matched (a compound's part is 0.6 × its share). */
const UNCOMMON_MATCH = 0.4;
/** The asker's workplace, as owned ("min arbejdsgiver", "min afdeling", "my employer"). */
const WORKPLACE = /^(?:arbejdsgiver|arbejdsgiveren|afdeling|afdelingen|kontor|kontoret|institution|institutionen|styrelse|styrelsen|team|teamet|employer|department|team)$/iu;
/** The people of the asker's work, as owned ("min kollega", "min chef", "my manager"). */
const COLLEAGUES = /^(?:kolleg\p{L}*|chef|chefen|chefer|cheferne|leder|lederen|ledere|lederne|medarbejder|medarbejderen|medarbejdere|medarbejderne|ansatte|colleagues?|boss|manager|employees?)$/iu;
/** The asker speaking for the workplace: "vi", "vores", "os", "we", "our", "us". */
const WE = /(?<![\p{L}\d])(?:vi|vores|os|we|our|us)(?![\p{L}\d])/iu;
/** First-person possessives: "min chef", "mit dankort", "mine mails", "my signature". */
const POSSESSIVES: ReadonlySet<string> = new Set(['min', 'mit', 'mine', 'my']);

/** Whether a term counts in an article of that language (an English word's own stem only in English articles). */
function counts(term: QueryTerm, context: DeclineContext): boolean {
  return !term.ownLanguageOnly || context.articleLanguage === context.analysis.language;
}

/** A private-life word of the question that the best article does not match. */
export function outsideUnanswered(context: DeclineContext): boolean {
  const { analysis, analyzer } = context;
  const outside = analyzer.outsideConcepts(analysis);
  // The word itself (as written or translated), not a typo correction or a compound's parts: "intranettet" is not
  // "intern", "Retsinformation" not "ret" and "information" (round 22).
  // …and the article's own word, not a part of its compounds: "Teams" is not the "team" of "Implementeringsteamet" (round 23).
  let whole: ReadonlySet<string> | undefined;
  const wholeWord = (term: string): boolean => {
    whole ??= new Set((context.articleText.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => analyzer.stemmers.stem(word, context.articleLanguage)));
    return whole.has(term);
  };
  const credits = conceptCredits(analysis, (term) => ITSELF.has(term.kind) && context.matchedTerms.has(term.term) && counts(term, context) && (!outside.has(term.concept) || wholeWord(term.term)));
  return [...outside].some((concept) => (credits[concept] ?? 0) < MATCHED);
}

/** The asker's own thing that no article is about, in a question that does not name the best article's subject. */
export function ownThingNotTheirs(context: DeclineContext): boolean {
  const { analysis } = context;
  // The asker's workplace ("min arbejdsgiver", "min afdeling") is where the question is asked from, not their private life:
  // it says whose case it is, not what it is about — and so are their colleagues when the asker speaks for the workplace
  // ("min kollega har været syg i 6 uger, hvornår skal vi søge refusion"), not for themselves ("min kollega er syg, skal
  // jeg tage hans opgaver") (round 25).
  const forTheWorkplace = WE.test(context.question);
  // What an employee calls theirs in the systems ("min lønseddel", "mine dagpenge", "min pensionsalder": the lexicon's
  // `outside.mine`) is their business with the systems when the article speaks of it (round 29).
  const spokenOf = conceptCredits(analysis, (term) => counts(term, context) && context.matchedTerms.has(term.term));
  const mine = (concept: number): boolean =>
    (spokenOf[concept] ?? 0) >= MATCHED && context.analyzer.isMineWord(analysis.concepts[concept]?.surface.split(' ')[0] ?? '', analysis.language);
  const owned = possessedConcepts(context.question, analysis, context.analyzer).filter((concept) => {
    const surface = analysis.concepts[concept]?.surface ?? '';
    return !WORKPLACE.test(surface) && !(forTheWorkplace && COLLEAGUES.test(surface)) && !mine(concept);
  });
  if (owned.length === 0) return false;
  const own = (term: QueryTerm): boolean => OWN_KINDS.has(term.kind) && counts(term, context);
  // The asker's own account is the portal's ("min mailadresse", "min adgangskode"), and their business asked of the
  // desk is the desk's ("Får jeg en bekræftelse på, at I har fået min henvendelse?"): such a question is declined
  // only for an owned thing the article does not speak of in any words ("adgangskoden til min Windows-pc", "kan I
  // hjælpe med min selvangivelse").
  if (context.aboutThePortal || ASKS_THE_DESK.test(context.question)) {
    const spoken = conceptCredits(analysis, (term) => counts(term, context) && context.matchedTerms.has(term.term));
    if (owned.every((concept) => (spoken[concept] ?? 0) >= MATCHED)) return false;
  }
  // Anything of the article's title, keywords or system in the user's own words, or its system in any words.
  const aboutSubject = conceptCredits(analysis, (term) => own(term) && context.subjectTerms.has(term.term));
  const namesSystem = conceptCredits(analysis, (term) => context.systemTerms.has(term.term) && counts(term, context));
  if (aboutSubject.some((credit) => credit >= MATCHED) || namesSystem.some((credit) => credit >= MATCHED)) return false;
  // "Min private kørsel": what the asker calls private is their own life, whatever the noun after it.
  const outside = context.analyzer.outsideConcepts(analysis);
  if (owned.some((concept) => outside.has(concept))) return true;
  // …or a thing the best article defines for its reader, named at the start or end of what it defines ("Lønnummeret består
  // af …", "- Særlig feriegodtgørelse: …"; not a word inside a label, "Nyansat (de første 8 uger), …"): the asker's own one
  // is what the article explains (round 25).
  const defined = definedEnds(context);
  // …or what the best article calls its reader's own ("sendes … som pdf til ens e-mail", "skifter … til egen adgangskode"): the
  // asker's own one is the one the article speaks of ("en kvartalsvis pdf med personalenøgletal sendt til min mail") (round 29).
  // Not the asker's own thing with another party ("min henvendelse til kommunen"): that is their business with that party.
  const readers = readersOwn(context);
  const words = wordConcepts(context.question, analysis, context.analyzer);
  const withAnother = new Set(words.flatMap((word, at) => (word.concept !== undefined && TO_PARTY.has(words[at + 1]?.text.toLowerCase() ?? '') ? [word.concept] : [])));
  const readersThing = (term: QueryTerm): boolean => readers.has(term.term) && !withAnother.has(term.concept);
  const anySubject = conceptCredits(analysis, (term) => owned.includes(term.concept) && own(term) && (context.isSubjectTerm(term.term) || defined.has(term.term) || readersThing(term)));
  // One thing of the articles' owned is enough (round 15): "min udbetaling er i minus – skylder jeg min
  // arbejdsgiver penge?" asks about the pay, whatever else the asker calls theirs.
  return owned.every((concept) => (anySubject[concept] ?? 0) < MATCHED);
}

/** A thing directed at or held with a party: "min henvendelse til kommunen", "min sag hos forsikringen", "my claim with the insurer". */
const TO_PARTY: ReadonlySet<string> = new Set(['til', 'hos', 'to', 'with', 'at']);

/** A word the text calls its reader's own, and the word after it: "til ens e-mail", "sin egen foretrukne printer", "your payslip". */
const READERS_OWN = /(?<![\p{L}\d])(?:ens|sin|sit|sine|egen|eget|egne|din|dit|dine|your)\s+([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)(?:\s+([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*))?/giu;

/** The stems of what the best article calls its reader's own ({@link READERS_OWN}); of a hyphened word its last part too ("e-mail": "mail"). */
function readersOwn(context: DeclineContext): ReadonlySet<string> {
  const stems = new Set<string>();
  const stem = (word: string): string => context.analyzer.stemmers.stem(word, context.articleLanguage);
  for (const match of context.articleText.toLowerCase().matchAll(READERS_OWN)) {
    for (const word of [match[1], match[2]]) {
      if (word === undefined) continue;
      stems.add(stem(word));
      const last = word.split('-').at(-1);
      if (last !== undefined && last !== word) stems.add(stem(last));
    }
  }
  return stems;
}

/** {@link definedEnds} of each article text read, per analyser (the articles' texts are few; emptied when it grows past them). */
const DEFINED_ENDS = new WeakMap<object, Map<string, ReadonlySet<string>>>();
const DEFINED_ENDS_KEPT = 2000;

/** The stems of the first and last word of each thing the best article defines ({@link definedPhrases}). */
function definedEnds(context: DeclineContext): ReadonlySet<string> {
  let read = DEFINED_ENDS.get(context.analyzer);
  if (read === undefined) {
    read = new Map();
    DEFINED_ENDS.set(context.analyzer, read);
  }
  const key = `${context.articleLanguage}\u0000${context.articleText}`;
  const known = read.get(key);
  if (known !== undefined) return known;
  if (read.size >= DEFINED_ENDS_KEPT) read.clear();
  const ends = readDefinedEnds(context);
  read.set(key, ends);
  return ends;
}

function readDefinedEnds(context: DeclineContext): ReadonlySet<string> {
  const ends = new Set<string>();
  for (const phrase of definedPhrases(context.articleText)) {
    const words = phrase.toLocaleLowerCase(context.articleLanguage).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
    for (const word of [words[0], words[words.length - 1]]) if (word !== undefined) ends.add(context.analyzer.stemmers.stem(word, context.articleLanguage));
  }
  return ends;
}

/** A price asked: "hvad koster", "prisen", "gebyr", "what does it cost", "fee" — not "betale" (paying back has no price). */
const PRICE_ASKED = /(?<![\p{L}\d])(?:koste[rt]?|pris|prisen|priser|priserne|gebyr\p{L}*|costs?|price[sd]?|prices|fees?|charges?)(?![\p{L}\d])/iu;

/** A price asked of an article that holds none (fact-kinds.ts: an amount, a price, a fee, a payment). */
export function priceNotHeld(context: DeclineContext): boolean {
  return PRICE_ASKED.test(context.question) && kindMatch(context.articleText, ['price']) === 0;
}

/** A year as written: four digits from 1900 to 2099, not part of a longer number ("1924 timer" reads as one too: no article runs past it). */
const YEAR = /(?<![\p{L}\d.,])(?:19|20)\d\d(?![\p{L}\d]|[.,]\d)/gu;
/**
 * An article that names this many different years or more runs its figures or events by year ("2022: 78 kr. …
 * 2021: 77 kr."); one with fewer is a dated notice or guide whose rules may well hold after its year.
 */
const YEAR_TABLE = 3;

/** The years a text names. */
function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((match) => Number(match[0]));
}

/** A year asked after the last year of an article whose figures run by year (its title and body: `articleText`). */
export function yearBeyond(question: string, articleText: string): boolean {
  const asked = yearsIn(question);
  if (asked.length === 0) return false;
  const held = new Set(yearsIn(articleText));
  if (held.size < YEAR_TABLE) return false;
  return Math.max(...asked) > Math.max(...held);
}

/** {@link yearBeyond} of the best article. */
export function yearNotHeld(context: DeclineContext): boolean {
  return yearBeyond(context.question, context.articleText);
}

/** The number of articles above which a term is common (COMMON_SHARE of them, at least COMMON_MIN_ARTICLES). */
function commonFrom(context: DeclineContext): number {
  return Math.max(context.articleCount * COMMON_SHARE, COMMON_MIN_ARTICLES);
}

/** No concept matched by the best article through a term that at most a quarter of the articles (or five) have. */
export function commonWordsOnly(context: DeclineContext): boolean {
  // "hvilke systemer får data fra statens hr": common words that together name the best article's
  // system ("Statens HR") name its subject.
  if (context.systemNames.some((terms) => terms.size > 0 && [...terms].every((term) => context.matchedTerms.has(term)))) return false;
  // "Hvordan opretter jeg mig som bruger?": common words that together are the best article's title ("Sådan opretter
  // du dig som bruger") name its subject — two concepts or more, every one of them in the title.
  const inTitle = conceptCredits(context.analysis, (term) => counts(term, context) && context.titleTerms.has(term.term));
  if (inTitle.length >= 2 && inTitle.every((credit) => credit >= MATCHED)) return false;
  const limit = commonFrom(context);
  const credits = conceptCredits(
    context.analysis,
    (term) => context.matchedTerms.has(term.term) && counts(term, context) && context.documentFrequency(term.term) <= limit,
  );
  return credits.every((credit) => credit < UNCOMMON_MATCH);
}

/**
 * How much of the question the best article holds as evidence of its subject, apart from trust:
 * `words`, how many of the question's words it matches (a whole word, or most of a compound)
 * through a term that at most a quarter of the articles (or five) have — the words that say what a
 * question is about, not how it is put — and `namesSystem`, whether one of them is (a part of) the
 * article's system. Trust falls with the square of coverage, so a long question put in many words of
 * its own ("en ansat bor i Tyskland og vil have lønnen sat ind på sin tyske konto") stays under
 * `minTrust` even when its article has three of its rare words; a question on something else
 * ("hvordan melder jeg flytning", "mit wifi derhjemme") meets the articles in one or two.
 */
export function evidence(context: DeclineContext): { words: number; namesSystem: boolean } {
  const limit = commonFrom(context);
  const uncommon = (term: QueryTerm): boolean => context.matchedTerms.has(term.term) && counts(term, context) && context.documentFrequency(term.term) <= limit;
  // A private-life word the article happens to use ("private og offentlige virksomheder" for "employees
  // in private companies") says what the question is about, not that the article holds it (en9).
  const outside = context.analyzer.outsideConcepts(context.analysis);
  const credits = conceptCredits(context.analysis, (term) => uncommon(term) && !outside.has(term.concept));
  const system = conceptCredits(context.analysis, (term) => uncommon(term) && context.systemTerms.has(term.term));
  return { words: credits.filter((credit) => credit >= MATCHED).length, namesSystem: system.some((credit) => credit >= MATCHED) };
}

/**
 * The concepts a first-person possessive owns: the word after "min"/"mit"/"mine"/"my" (light words
 * such as "egen"/"own" skipped), and in Danish, after an adjective's weak -e ("min syge mor", "min
 * nye kode"), the noun that follows it too.
 */
export function possessedConcepts(question: string, analysis: QueryAnalysis, analyzer: Analyzer): number[] {
  const language = analysis.language;
  const light = analyzer.lightWords[language];
  const words = wordConcepts(question, analysis, analyzer);
  const owned = new Set<number>();
  words.forEach((word, index) => {
    if (!POSSESSIVES.has(word.text)) return;
    let at = index + 1;
    while (words[at] !== undefined && light.has(words[at]?.text ?? '')) at += 1;
    const first = words[at];
    if (first?.concept === undefined) return;
    owned.add(first.concept);
    const after = words[at + 1];
    if (language === 'da' && first.text.endsWith('e') && after?.concept !== undefined && !light.has(after.text)) owned.add(after.concept);
  });
  return [...owned];
}

/** Each word of the question with the index of the concept it became (undefined: a stop word). */
function wordConcepts(question: string, analysis: QueryAnalysis, analyzer: Analyzer): { text: string; concept: number | undefined }[] {
  const language = analysis.language;
  const words: { text: string; concept: number | undefined }[] = [];
  let next = 0;
  for (const token of tokenize(question)) {
    if (token.isPart) continue;
    if (!token.isJoined && analyzer.stemmers.isStopword(token.text, language)) {
      words.push({ text: token.text, concept: undefined });
      continue;
    }
    const concept = analysis.concepts[next];
    // A word of a phrase read as one concept ("working time fraction") belongs to the phrase's concept.
    if (concept !== undefined && concept.surface.split(' ')[0] === token.text) {
      words.push({ text: token.text, concept: next });
      next += 1;
    } else {
      words.push({ text: token.text, concept: next > 0 ? next - 1 : undefined });
    }
  }
  return words;
}

/** "Hvordan" and the subjects that follow its verb ("hvordan ændrer jeg/man/vi/du/I"). */
const HOW_DA: ReadonlySet<string> = new Set(['hvordan', 'hvorledes']);
const SUBJECTS_DA: ReadonlySet<string> = new Set(['jeg', 'man', 'vi', 'du', 'i']);
/** "How do/can/should I …", "how to …". */
const AUXILIARIES_EN: ReadonlySet<string> = new Set(['do', 'can', 'should', 'would', 'could', 'to']);
const SUBJECTS_EN: ReadonlySet<string> = new Set(['i', 'we', 'you', 'one']);

/**
 * The verbs of a change to what is already there — correct, undo, withdraw, reverse, reject, cancel,
 * block, close, delete — as the beginning of the word as written ("trække" only with "tilbage", see
 * `changeNotHeld`). Not "fjerne"/"tilføje"/"oprette": adding or removing something is what the guides
 * describe ("hvordan fjerner jeg poster fra stakkene").
 */
const CHANGE_VERB = /^(?:ændr|genåbn|reopen|rett?e?r?$|korriger|redig|tilbagetræk|tilbagefør|fortryd|annuller|afvis|spær|luk|slet|chang|correct|edit|modif|amend|undo|revers|withdraw|cancel|reject|block|clos|delet)/iu;

/** Between "kan jeg" and its verb: "kan jeg selv lukke", "can I still cancel". */
const ADVERBS_BEFORE_VERB: ReadonlySet<string> = new Set(['selv', 'godt', 'bare', 'stadig', 'også', 'still', 'also', 'just']);
/** "Trække … tilbage": to withdraw. */
const WITHDRAW = /(?<![\p{L}\d])tilbage(?![\p{L}\d])/iu;

/** The concept of the verb a question of procedure asks about: "hvordan opretter jeg …", "kan jeg selv lukke …", "how do I reverse …". */
export function procedureVerb(question: string, analysis: QueryAnalysis, analyzer: Analyzer): number | undefined {
  const words = wordConcepts(question, analysis, analyzer);
  const texts = words.map((word) => word.text.toLowerCase());
  const how = texts.findIndex((text) => (analysis.language === 'da' ? HOW_DA.has(text) : text === 'how'));
  if (how < 0) {
    // "Kan jeg (selv) ændre …", "can I cancel …": whether one can do it is how it is done, asked.
    const can = texts.findIndex((text, i) => (analysis.language === 'da' ? text === 'kan' && SUBJECTS_DA.has(texts[i + 1] ?? '') : text === 'can' && SUBJECTS_EN.has(texts[i + 1] ?? '')));
    if (can < 0) return undefined;
    let at = can + 2;
    while (ADVERBS_BEFORE_VERB.has(texts[at] ?? '')) at += 1;
    return words[at]?.concept;
  }
  if (analysis.language === 'da') return SUBJECTS_DA.has(texts[how + 2] ?? '') ? words[how + 1]?.concept : undefined;
  if (!AUXILIARIES_EN.has(texts[how + 1] ?? '')) return undefined;
  const at = SUBJECTS_EN.has(texts[how + 2] ?? '') ? how + 3 : how + 2;
  return words[at]?.concept;
}

/**
 * Modals that ask whether something can or must be done: "kan godkendelsen trækkes tilbage?". Not "hvordan": "hvordan
 * lukkes …" asks how a process runs, which the articles describe (round 21: with "hvordan" −1 in scope, nothing gained).
 */
const MODALS_DA: ReadonlySet<string> = new Set(['kan', 'skal', 'må', 'får', 'bør']);

/** A passive of change asked after a modal ("kan godkendelsen trækkes tilbage?", "skal fakturaen slettes?", "can the claim be cancelled?"). */
function passiveChange(question: string, analysis: QueryAnalysis, analyzer: Analyzer): number | undefined {
  const words = wordConcepts(question, analysis, analyzer);
  const texts = words.map((word) => word.text.toLowerCase());
  const modal = texts.findIndex((text) => (analysis.language === 'da' ? MODALS_DA.has(text) : text === 'can'));
  if (modal < 0) return undefined;
  for (let i = modal + 1; i < texts.length; i += 1) {
    const text = texts[i] ?? '';
    const passive = analysis.language === 'da' ? /es$/u.test(text) && isChange(text.slice(0, -2), question) : texts[i - 1] === 'be' && isChange(text, question);
    if (passive) return words[i]?.concept;
  }
  return undefined;
}

/** Whether a verb as written is one of change (CHANGE_VERB; "trække" only with "tilbage"). */
function isChange(verb: string, question: string): boolean {
  return CHANGE_VERB.test(verb) || (/^træk/iu.test(verb) && WITHDRAW.test(question));
}

/** The concept of the verb of change a question asks how to do ("hvordan annullerer jeg …", "kan godkendelsen trækkes tilbage?"), if any. */
export function changeVerb(question: string, analysis: QueryAnalysis, analyzer: Analyzer): number | undefined {
  const verb = procedureVerb(question, analysis, analyzer);
  // "Trække" is a change only as "trække … tilbage" (withdraw): "trække en rapport" is to run one.
  if (verb !== undefined && isChange(analysis.concepts[verb]?.surface ?? '', question)) return verb;
  // The same question in the passive (round 21): "kan godkendelsen trækkes tilbage?", "can the claim be cancelled?".
  return passiveChange(question, analysis, analyzer);
}

/** A question how to change or undo something, whose verb of change the best article does not have. */
export function changeNotHeld(context: DeclineContext): boolean {
  const verb = changeVerb(context.question, context.analysis, context.analyzer);
  if (verb === undefined) return false;
  // A word of a synonym phrase that the question says itself is that word's, not the verb's: "lukker … mine sager" is not
  // "lukket sag" (a phrase of "løst"), whose "sag" the article on the portal's cases has.
  const own = new Set(context.analysis.terms.filter((term) => term.concept !== verb && ITSELF.has(term.kind)).map((term) => term.term));
  const credits = conceptCredits(context.analysis, (term) => context.matchedTerms.has(term.term) && counts(term, context) && !(term.kind === 'synonym' && own.has(term.term)));
  return (credits[verb] ?? 0) < MATCHED && !anotherChosen(context, verb);
}

/** "Vælg gerne et andet tidspunkt", "choose a different time": another one of a thing, which is how it is changed. */
const ANOTHER = /(?<![\p{L}\d])(?:et andet|en anden|andre|another|a different)\s+([\p{L}][\p{L}-]*)/giu;
/** A change of when something happens, asked with the question word as its object ("ændre hvornår", "change when"). */
const WHEN_CHANGED = /(?<![\p{L}\d])(?:ændre[rs]?|flytte[rs]?|skifte[rs]?|change[sd]?|move[sd]?)\s+(?:\p{L}+\s+)?(?:hvornår|when|what time)(?![\p{L}\d])/iu;
/** The words for a time that a page says is chosen anew ("vælg et andet tidspunkt"). */
const TIME_WORDS = ['tidspunkt', 'tid', 'time'] as const;
/** A word's own terms and its compound's parts ("varslingstidspunktet": "tidspunkt"), not an inference. */
const CHOSEN_KINDS: ReadonlySet<TermKind> = new Set(['word', 'glossary', 'typo', 'compound-part', 'compound-head']);

/**
 * The change asked said as choosing another of the thing changed: "hvordan ændrer jeg varslingstidspunktet i RejsUd" is
 * answered by "Tidspunkt for varsling: … Vælg gerne et andet tidspunkt end kl. 08.00", which has no verb of change (round 26).
 * The thing is the word after the verb of change (before it in the passive), as the user wrote it or a part of its compound.
 */
function anotherChosen(context: DeclineContext, verb: number): boolean {
  const { analysis, analyzer } = context;
  const passive = (analysis.language === 'da' ? /es$/u : /ed$/u).test(analysis.concepts[verb]?.surface ?? '');
  const object = passive ? verb - 1 : verb + 1;
  const objectTerms = new Set(analysis.terms.filter((term) => term.concept === object && CHOSEN_KINDS.has(term.kind)).map((term) => term.term));
  // The time of a thing changed, asked with its question word ("hvordan ændrer jeg hvornår jeg får varsling", round 29): the
  // thing chosen anew is a time ("vælg et andet tidspunkt").
  if (WHEN_CHANGED.test(context.question)) for (const word of TIME_WORDS) objectTerms.add(analyzer.stemmers.stem(word, context.articleLanguage));
  if (objectTerms.size === 0) return false;
  for (const match of context.articleText.matchAll(ANOTHER)) {
    if (objectTerms.has(analyzer.stemmers.stem((match[1] ?? '').toLowerCase(), context.articleLanguage))) return true;
  }
  return false;
}

/** Words that end a verb's object: "en kassekladde | i Navision", "noget | fra min telefon". */
const PREPOSITIONS: ReadonlySet<string> = new Set(['i', 'fra', 'til', 'på', 'med', 'hos', 'via', 'under', 'uden', 'in', 'from', 'to', 'on', 'with', 'at', 'via', 'into', 'without']);

/**
 * A question how to do a task in a named system, whose task the best article does not speak of in any word: "hvordan
 * bogfører jeg en kassekladde i Navision", "hvordan opretter jeg en ny dimension i Navision Stat", "hvordan laver jeg en
 * kreditnota i IndFak". The system's overview names the system in every passage and the verb of doing ("oprette",
 * "bogføre") somewhere, so its trust is high; what is to be done in it — every other word of substance — is nowhere in
 * it, and that is the desk's question (round 23). Only "hvordan"/"how": "kan jeg selv vælge hvilke køer …", "kan jeg
 * arbejde i HR-Løn mens …" ask whether a thing can be done, which the tips pages answer in their own words (measured:
 * with the "kan jeg" form −4 in scope over the read sets). Not when a word of the task is matched: "hvordan opretter jeg
 * en ny debitor" meets the overview's "debitorer", "hvordan sender jeg en faktura retur" its "faktura" — the first word
 * after the verb alone decides too much (−9 in scope: "hvordan nulstiller jeg en kollegas password" in IndFak).
 */
export function taskNotHeld(context: DeclineContext): boolean {
  const { analysis, analyzer, question } = context;
  const verb = procedureVerb(question, analysis, analyzer);
  if (verb === undefined) return false;
  const words = wordConcepts(question, analysis, analyzer);
  if (!words.some((word) => HOW_DA.has(word.text.toLowerCase()) || word.text.toLowerCase() === 'how')) return false;
  // The system named: what the article is about, not the task asked of it.
  const system = conceptCredits(analysis, (term) => context.systemTerms.has(term.term) && counts(term, context));
  if (!system.some((credit) => credit >= MATCHED)) return false;
  const light = analyzer.lightWords[analysis.language];
  const at = words.findIndex((word) => word.concept === verb);
  const task = new Set<number>();
  let object = 0;
  let objectEnded = false;
  for (const word of words.slice(at + 1)) {
    if (PREPOSITIONS.has(word.text.toLowerCase())) objectEnded = true;
    if (word.concept === undefined || word.concept === verb || light.has(word.text) || (system[word.concept] ?? 0) >= MATCHED) continue;
    task.add(word.concept);
    if (!objectEnded) object += 1;
  }
  // No object of substance ("hvordan vedhæfter jeg noget i RejsUd fra min telefon"): the verb is the task, and the
  // article holds the verb — what follows a preposition says where or how, not what (round 23, at the merge).
  if (task.size === 0 || object === 0) return false;
  const credits = conceptCredits(analysis, (term) => context.matchedTerms.has(term.term) && counts(term, context));
  return [...task].every((concept) => (credits[concept] ?? 0) < MATCHED);
}

/**
 * "Hvordan opdaterer jeg Google Chrome", "how do I open a Danish bank account": how to do something the best article has
 * no word of doing, with a thing it only lists ("Browser: … Google Chrome", "dansk/udenlandsk pengeinstitut"), in a
 * question that names nothing of what the article is about (its title, keywords or system) — the asker's own computer or
 * bank, not the portal's systems (round 25). {@link taskNotHeld}'s twin without a system named: there the system is named
 * and the task missing, here the doing is missing and nothing of the article's subject named. Measured over every question
 * set at the knowledge base: +2 unrelated declined, no in-scope answer lost.
 */
export function doingNotHeld(context: DeclineContext): boolean {
  const { analysis, analyzer, question } = context;
  const verb = procedureVerb(question, analysis, analyzer);
  if (verb === undefined) return false;
  const words = wordConcepts(question, analysis, analyzer);
  if (!words.some((word) => HOW_DA.has(word.text.toLowerCase()) || word.text.toLowerCase() === 'how')) return false;
  if (context.analyzer.lightWords[analysis.language].has(analysis.concepts[verb]?.surface ?? '')) return false;
  const credits = conceptCredits(analysis, (term) => context.matchedTerms.has(term.term) && counts(term, context));
  if ((credits[verb] ?? 0) >= MATCHED) return false;
  const own = (term: QueryTerm): boolean => OWN_KINDS.has(term.kind) && counts(term, context);
  const aboutSubject = conceptCredits(analysis, (term) => own(term) && context.subjectTerms.has(term.term));
  const namesSystem = conceptCredits(analysis, (term) => context.systemTerms.has(term.term) && counts(term, context));
  if (aboutSubject.some((credit) => credit >= MATCHED) || namesSystem.some((credit) => credit >= MATCHED)) return false;
  return !thingsDefined(context, verb);
}

/**
 * Every thing a question asks of, beside its verb, is what an entry of the article is about — its label or a sentence that
 * defines it ("- Færøsk skat: Kontakt TAKS på Færøerne" for "hvordan håndterer vi færøsk skat"): an entry of a page of questions
 * and answers, not a thing it lists in passing (round 26).
 */
function thingsDefined(context: DeclineContext, verb: number): boolean {
  const { analysis } = context;
  const light = context.analyzer.lightWords[analysis.language];
  const things = analysis.concepts.map((concept, index) => (index !== verb && (concept.name || !light.has(concept.surface)) ? index : -1)).filter((index) => index >= 0);
  if (things.length === 0) return false;
  const defined = context.definedTerms();
  const credits = conceptCredits(analysis, (term) => OWN_KINDS.has(term.kind) && defined.has(term.term) && counts(term, context));
  return things.every((concept) => (credits[concept] ?? 0) >= MATCHED);
}

/** An entry labelled by what it is about: "- Epicenteret: indeholder …", "Dispositionsdato: den dato, …" (a few words before a colon). */
export const LABEL = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?([^:.;!?]{1,50}?):\s+\S/u;

/** A word as the definitions below read it: letters and digits, joined by a hyphen or an apostrophe ("CVR-nummer", "LDV's"). */
const WORD = String.raw`[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*`;
/**
 * A sentence that says what its subject is: up to five words from the sentence's start, then a verb of defining ("HR-sag er
 * et elektronisk blanketsystem", "Et årsværk svarer til 1924 timer", "Masseindberetning bruges, når …") — the subject, and
 * the predicate up to a comma or three words ("Løndele over 6999 er fradragsløndele, der …").
 */
const DEFINING_SENTENCE = new RegExp(
  String.raw`^(?:[-*+]\s+)?((?:${WORD},?\s+){0,4}${WORD})\.?,?\s+(?:er|betyder|betegner|svarer\s+til|består\s+af|bruges|kaldes|hedder|står\s+for|dækker|indeholder|is|are|means|stands\s+for|consists\s+of)(?:\s+((?:${WORD}\s*){1,3}))?`,
  'iu',
);
/** A thing defined in a relative clause: "et nyt indkøbscirkulære i kraft, som betyder, at …", "stillingskontrol, der betegner …". */
const DEFINING_CLAUSE = new RegExp(String.raw`((?:${WORD}\s+){0,2}${WORD}),\s+(?:som|der|which|that)\s+(?:betyder|betegner|means)\b`, 'giu');
/** Where a sentence ends: after . ! ? before a capital or a digit (not after an abbreviation: "officielt stillingsnr. betegner"), and after a colon. */
const SENTENCE_END = /(?<=[.!?])\s+(?=[^\p{Ll}])|(?<=:)\s+/u;
/** A name with what it stands for in brackets, or the other way round: "Statens Koncernsystem (SKS)", "ØDUP (Økonomistyrelsens integrationsplatform)", "Løndel 655 (udlånt personale, lønudgift)": the words before the brackets. */
const BRACKETED = new RegExp(String.raw`((?:${WORD}\s+){0,3}${WORD})\s*\(([^()]{1,80})\)`, 'gu');
/** Brackets that only give an example or an aside ("(fx pensionskasser, ATP og kildeskat)", "(inkl. moms)"): they define nothing. */
const ASIDE = /^\s*(?:fx|f\.eks\.|eksempelvis|inkl\.|inklusive|herunder|bl\.a\.|dengang|se|jf\.|e\.g\.|incl\.|including|see)\b/iu;
/** A word followed by its value: "EAN-nummer 5798000010925", "løndel 0662", "tlf. 3392 9800". */
const WITH_VALUE = new RegExp(String.raw`(${WORD})\.?\s+\d`, 'gu');

/**
 * What a text defines, as phrases: an entry's label, a defining sentence's subject and predicate, a name and what it stands
 * for in brackets, a word given with its value. An article that only names a thing in passing ("… kreditor, debitor, bank,
 * anlæg og moms", "(inkl. moms)") does not define it.
 */
export function definedPhrases(text: string, options: { readonly values?: boolean; readonly everyday?: boolean } = {}): string[] {
  const phrases: string[] = [];
  for (const line of text.split('\n')) {
    const step = options.everyday === true ? NUMBERED_STEP.exec(line)?.[0].length : undefined;
    const label = LABEL.exec(line)?.[1];
    if (label !== undefined) phrases.push(label);
    for (const sentence of line.split(SENTENCE_END)) {
      const defining = DEFINING_SENTENCE.exec(sentence.trim());
      if (defining !== null && !repeatsItsSubject(defining[1] ?? '', defining[2] ?? '') && !(options.everyday === true && CONTAINS.test(defining[0]))) phrases.push(defining[1] ?? '', withoutOwner(defining[2] ?? ''));
    }
    for (const match of line.matchAll(DEFINING_CLAUSE)) phrases.push(match[1] ?? '');
    for (const match of line.matchAll(BRACKETED)) {
      const inside = match[2] ?? '';
      if (ASIDE.test(inside)) continue;
      if (match.index === step) continue;
      phrases.push(match[1] ?? '');
      // …and a name in brackets after what it names ("(SKS)", "(PENSAB)"): one word; longer brackets say something of it.
      if (/^\s*\S+\s*$/u.test(inside)) phrases.push(inside);
    }
    if (options.values !== false) for (const match of line.matchAll(WITH_VALUE)) phrases.push(match[1] ?? '');
  }
  return phrases.filter((phrase) => phrase.trim() !== '');
}

/**
 * Of an everyday word ({@link everydayWord}), neither a numbered step's brackets ({@link NUMBERED_STEP}) nor what the article's one
 * thing contains ("Skabelonen indeholder kun en overskrift, men også bagvedliggende kode …": this template, not what a template is)
 * says what the word means (round 28).
 */
const CONTAINS = /\s(?:indeholder|contains?)(?:\s|$)/iu;
/**
 * A numbered step's beginning ("3. Indlæs regnearket (vælg den korrekte fil)."): what its brackets explain is how the step is
 * done or where in the menus, not what its words mean — "Indlæs regnearket" does not say what a spreadsheet is (round 28).
 */
const NUMBERED_STEP = /^\s*\d+[.)]\s+/u;

/** A word in the definite genitive before another ("Finansministeriets fælles …", "Statens …"): the owner of what is said, not it. */
const OWNER = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+(?:ets|ens|ernes|enes)\s+(?=[\p{L}\p{N}])/giu;

/** A predicate without its owners: "RejsUd er Finansministeriets fælles rejseafregningssystem" defines a travel system, not a ministry (round 26). */
function withoutOwner(predicate: string): string {
  return predicate.replace(OWNER, '');
}

/**
 * A sentence that names its subject again in what it says of it ("Overenskomst svarer til vinduet Overenskomst", "Grundoplysningerne
 * svarer til vinduet 'Ansættelsesforhold'" is kept) says where the thing is shown, not what it is.
 */
function repeatsItsSubject(subject: string, predicate: string): boolean {
  const head = subject.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.at(-1);
  const said: readonly string[] = predicate.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return head !== undefined && said.includes(head);
}

/**
 * "Hvad er en/et …", "what is a/an …": what a kind of thing is. A word that otherwise asks for a fact ("et CVR-nummer", "en
 * sats") names the kind here; "hvad er telefonnummeret", "what is the rate" ask for the one fact (round 25).
 */
const KIND_ASKED = /^\s*(?:hvad (?:er|betyder|laver) (?:en|et)|hvad bruger man (?:en|et)|what(?:'s| is| are| does) (?:a|an))\s/iu;

/**
 * "Hvad er forskellen på en kommune og en region", "what is the difference between …": the two things' definitions asked, the
 * word of difference not one of them (round 25: +1 unrelated declined over every set, no in-scope answer lost). "… en debitor
 * og en kreditor" stays answered by the supplier guide, whose "faktura" is a synonym of "debitor" — holding definitions to
 * the user's own words lost "forskellen på en advarsel og en stopfejl" (advis, fejl) in round 24 and again here.
 */
const DIFFERENCE_ASKED = /^\s*(?:hvad\s+er|what(?:'s|\s+is))\s+(?:the\s+)?(forskellen|difference)\s+(?:på|mellem|between)\s/iu;

/**
 * "Hvad er moms", "hvad er et CVR-nummer", "what is VAT in Denmark": a definition asked of an article that neither is about
 * any of the things asked (its title, keywords or system) nor defines one ({@link definedPhrases}) — it only names them in
 * passing. A question for a fact ("hvad er telefonnummeret …", "hvad er fristen") asks for the fact, not for a definition;
 * one for a kind of thing ({@link KIND_ASKED}: "hvad er et P-nummer", "hvad bruger man et CVR-nummer til") asks what it is,
 * whatever word of a fact names it, and no number the article gives ("EAN-nummer 5798000010925") says what one is. Round 25,
 * over every question set at the knowledge base: +6 unrelated declined (the kind asked, the compound's first word, the
 * sentence that names its subject again), no in-scope answer lost.
 */
export function definitionNotHeld(context: DeclineContext): boolean {
  const { analysis, question } = context;
  const kind = KIND_ASKED.test(question);
  const meaning = MEANING_ASKED.test(question);
  const difference = DIFFERENCE_ASKED.exec(question);
  if (difference === null && (!asksDefinition(question, analysis.concepts.length) || (!kind && !meaning && askedKinds(question).length > 0))) return false;
  const light = context.analyzer.lightWords[analysis.language];
  const differenceWord = difference === null ? -1 : analysis.concepts.findIndex((concept) => concept.surface === difference[1]?.toLowerCase());
  const asked = analysis.concepts.map((concept, index) => (index !== differenceWord && (concept.name || !light.has(concept.surface)) ? index : -1)).filter((index) => index >= 0);
  if (difference !== null && asked.length > 2) return false;
  if (asked.length === 0) return false;
  // One thing asked: of two ("forskellen på en advarsel og en stopfejl", "what is first level support") the article's own
  // words for them are its terms, however everyday each word (measured: −3 in scope otherwise).
  const everyday = (concept: number): boolean => difference === null && asked.length === 1 && everydayWord(context, concept);
  // "Hvad betyder deadline" asks the word's meaning, whatever fact its word names — of an everyday word only: "hvad betyder
  // fristen for …" asks for the deadline.
  if (!kind && meaning && difference === null && askedKinds(question).length > 0 && !asked.every(everyday)) return false;
  // The subject's own word or the head of its compound ("pension" of "Tjenestemandspension"), not the word that begins it: an
  // article on "Tjenestemandspension" is about a pension, and says nothing of what a "tjenestemand" is (round 25).
  // Not a word in the genitive before its noun ("Finansministeriets fælles rejseafregningssystem", "Økonomistyrelsens …"): it
  // says whose the thing is, not what the article is about — the RejsUd page does not say what a ministry is (round 26).
  const stem = (word: string): string => context.analyzer.stemmers.stem(word, context.articleLanguage);
  const written = context.subjectText.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const subjectWords = written.filter((word, at) => !(at < written.length - 1 && isGenitive(word, stem))).map(stem);
  // An everyday word ({@link everydayWord}) only as a whole word of the subject, as written: an article on "Fakturering til Statens
  // It" or "IndFak (e-faktura)" is about a kind of invoice, and says nothing of what an invoice is (round 27).
  const wholeSubject = new Set(wholeWords(context.subjectText).filter((word, at, words) => !(at < words.length - 1 && isGenitive(word, stem))).map(stem));
  const itsWord = (term: QueryTerm): boolean =>
    everyday(term.concept) ? WRITTEN_KINDS.has(term.kind) && wholeSubject.has(term.term) : !WRITTEN_KINDS.has(term.kind) || subjectWords.some((word) => word.endsWith(term.term));
  const subject = conceptCredits(analysis, (term) => context.subjectTerms.has(term.term) && counts(term, context) && itsWord(term));
  if (asked.some((concept) => (subject[concept] ?? 0) >= MATCHED)) return false;
  const defined = context.definedTerms(kind);
  // …and defined only as a whole word of a short phrase: "budgetopfølgning (aktiviteter, projekter, …)" does not say what a budget
  // is, nor does a list's heading "En faktura til Statens It skal indeholde:" say what an invoice is (round 27).
  let wholeDefined: ReadonlySet<string> | undefined;
  const definedWhole = (term: QueryTerm): boolean => {
    wholeDefined ??= new Set(definedPhrases(context.articleText, { values: !kind, everyday: true }).flatMap((phrase) => namingWords(wholeWords(phrase))).map(stem));
    return !everyday(term.concept) || (WRITTEN_KINDS.has(term.kind) && wholeDefined.has(term.term));
  };
  // A part of a name is not the thing named: "nummer" of "P-nummer" is defined by no "Lønnummeret består af …".
  const credits = conceptCredits(analysis, (term) => term.kind !== 'name-part' && defined.has(term.term) && counts(term, context) && definedWhole(term));
  return asked.every((concept) => (credits[concept] ?? 0) < MATCHED);
}

/** A phrase defined of at most this many words names the thing defined; of a longer one only its last word does. */
const EVERYDAY_DEFINED_WORDS = 3;

/**
 * The words of a defined phrase that name what it defines: all of a short one ("Indlæs regnearket"), the last of a longer one
 * ("Under lønoplysninger vises løndele (med kode …)": what the brackets explain) — not a clause's words ("En faktura til
 * Statens It skal indeholde:" heads a list of what an invoice to one institution holds) (round 27).
 */
function namingWords(words: readonly string[]): readonly string[] {
  return words.length <= EVERYDAY_DEFINED_WORDS ? words : words.slice(-1);
}

/** "Hvad betyder deadline", "what does overtime mean": a word's meaning asked. */
const MEANING_ASKED = /^\s*(?:hvad\s+betyder|what\s+does\s+.+\s+mean\s*\??\s*$)/iu;

/** Words as written, a hyphen's parts kept together ("e-faktura" is one word, not "faktura"). */
function wholeWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * One word of everyday language ("faktura", "budget", "regneark", "deadline"; in English any word but a name): the Danish
 * spelling dictionary has it, and it names no system. Asked what one is, it is asked in general — what the articles say of
 * "e-fakturaer", "budgetopfølgning" or "afleveringsfrister" is a particular kind, not what the word means. The portal's own
 * terms ("dispositionsdato", "pensionsberegningsskema", "bemyndigelseserklæring") are no dictionary word: an article whose
 * title has one answers what it is, as before (round 26 measured declining those: −3 in scope) (round 27).
 */
function everydayWord(context: DeclineContext, concept: number): boolean {
  const asked = context.analysis.concepts[concept];
  if (asked === undefined || asked.name || /\s/u.test(asked.surface)) return false;
  return context.analysis.language === 'en' || isDanishWord(asked.surface);
}

/** A word in the genitive: its -s is the stemmer's to drop ("ministeriets" as "ministeriet"), not a plural's or the word's own ("Campus", "proces"). */
function isGenitive(word: string, stem: (word: string) => string): boolean {
  return word.length > 3 && word.endsWith('s') && stem(word) === stem(word.slice(0, -1));
}

/**
 * "Hvad hedder regnskab på tysk", "hvordan siger man lønseddel på engelsk": a word's translation asked. No article gives one; the
 * words of the portal in it are what is to be translated, not what is asked (round 26).
 */
const TRANSLATION_ASKED = /^\s*(?:hvad\s+(?:hedder|betyder|er)|hvordan\s+(?:siger|staver|skriver)\s+man)\s.+\spå\s+(?:engelsk|tysk|fransk|spansk|svensk|norsk|italiensk|polsk|arabisk|tyrkisk|dansk)\s*\??\s*$/iu;

/** {@link TRANSLATION_ASKED} of the question. */
export function translationAsked(context: DeclineContext): boolean {
  return TRANSLATION_ASKED.test(context.question);
}

/** A holiday or a season of school holidays: "påske", "pinsen", "juleferien", "store bededag", "vinterferie", "Easter", "Christmas". */
const HOLIDAY = String.raw`(?:påske\p{L}*|pinse\p{L}*|jul|julen|jule\p{L}+|nytår\p{L}*|fastelavn\p{L}*|(?:store\s+)?bededag\p{L}*|kristi\s+himmelfart\p{L}*|himmelfart\p{L}*|grundlovsdag\p{L}*|helligdag\p{L}*|(?:vinter|efterårs|sommer|skole|kartoffel)ferie\p{L}*|easter(?:\s+(?:monday|sunday|holidays?))?|christmas(?:\s+(?:eve|day|holidays?))?|whitsun\p{L}*|pentecost|new\s+year(?:'s)?(?:\s+(?:eve|day))?|ascension\s+day|constitution\s+day|(?:public|bank)\s+holidays?|(?:winter|autumn|summer|school)\s+(?:holidays?|break))`;
/**
 * "Hvornår er det påskeferie i år", "hvilken dato falder pinsen på", "when is Easter Monday this year": a holiday's date. The
 * articles' "ferie" is an employee's leave (a substitute set up before it, holiday pay), and they give no calendar: the date of a
 * holiday is general knowledge, whatever leave the synonyms of "ferie" meet (round 27). The holiday is what is asked — it
 * follows the verb — not the time of something else ("hvornår er lønkørslen før jul").
 */
const HOLIDAY_DATE = new RegExp(
  String.raw`^\s*(?:hvornår|hvilken\s+(?:dato|dag|uge)|when|what\s+date|which\s+(?:date|day|week))\s+(?:er|falder|starter|begynder|slutter|ligger|har\s+\p{L}+|is|are|does|do)\s+(?:det\s+|der\s+|vi\s+|man\s+|it\s+|the\s+)?(?:\p{L}+\s+)?${HOLIDAY}(?![\p{L}\d])(?:\s+(?:i\s+år|næste\s+år|i\s+\d{4}|this\s+year|next\s+year|in\s+\d{4}|på|fall|start|begin|end|i\s+\p{L}+|in\s+\p{L}+|for\s+\p{L}+(?:\s+i\s+\p{L}+)?))*\s*\??\s*$`,
  'iu',
);

/**
 * "Hvor mange kommuner er der i Danmark", "hvor mange feriedage har man ret til i Danmark", "how big is the Danish state
 * budget": a figure of the country as a whole. The articles' figures are their systems' and schemes' (rates, deadlines, the
 * public sector's purchases in the SDI foreword); a national count or amount is general knowledge, however the foreword's
 * "Danmarks globale klimapåvirkning" or "offentlige sektor" meets its words (round 27). Over every question set the form meets
 * no question an article answers. So is a figure of the state's finances as a whole — what the state spends or borrows, its
 * debt, budget, income ("hvor mange penge bruger staten på forsvaret", "hvor stor er statens gæld", "how big is the Danish
 * national debt") — and of an authority's staff ("hvor mange ansatte har Økonomistyrelsen") (round 28); not what the state
 * refunds or gives back ("hvor stor en del af lønnen dækker staten …", "hvor mange kr pr time giver staten tilbage …": the
 * refunds' pages), nor a figure of the state's systems ("hvor mange standardrapporter … i Statens BI").
 */
const COUNTRY_FIGURE =
  /^\s*(?:hvor\s+(?:mange|meget|stor\p{L}*|høj\p{L}*|lang\p{L}*)|how\s+(?:many|much|big|large|high|long))\s(?:.*\s)?(?:(?:i|in|of)\s+(?:hele\s+)?(?:danmark|denmark)|(?:the\s+)?danish\s+state|den\s+danske\s+stat|(?:staten|the\s+state|the\s+government)\s+(?:bruger|brugte|låner|spend\p{L}*|borrow\p{L}*)|(?:bruger|brugte|låner)\s+staten|(?:statens|the\s+state['’]s|(?:the\s+)?(?:danish\s+)?national|(?:the\s+)?danish)\s+(?:\p{L}+\s+)?(?:gæld|budget|budgetter|udgifter|indtægter|underskud|overskud|formue|debt|budget|deficit|surplus|spending|revenue)|(?:er|personer|mennesker|folk)\s+(?:\p{L}+\s+){0,2}(?:ansat|ansatte|beskæftiget|beskæftigede)\s+(?:i|hos)\s+(?:\p{L}*styrelsen|\p{L}*ministeriet|staten)|(?:ansatte|medarbejdere|employees|people|staff)\s+(?:\p{L}+\s+){0,3}(?:\p{L}*styrelsen|\p{L}*ministeriet|\p{L}*direktoratet|staten|the\s+state|(?:the\s+)?\p{L}+\s+(?:agency|ministry)))(?![\p{L}\d])/iu;

/**
 * "Hvem er finansminister lige nu", "hvem sidder som minister for offentlig innovation", "who is the current finance minister of
 * Denmark": who holds a government office. The articles name ministries and their areas ("ministerområdernes indkøb",
 * "Finansministeriet"), never who is a minister: that is general knowledge, however "offentlig" or "finans" meets the SDI foreword
 * (round 29).
 */
const OFFICE_HOLDER =
  /^\s*(?:hvem\s+(?:er|var|bliver|blev|sidder\s+som)|hvilket\s+parti\s+(?:kommer|er)|who\s+(?:is|was|will\s+be|became)|who['’]s)\s+(?:\p{L}+\s+){0,4}?(?:\p{L}*minister(?:en)?|premier|statsminister\p{L}*|prime\s+minister)(?![\p{L}\d])/iu;

/** {@link OFFICE_HOLDER} of the question. */
export function officeHolderAsked(context: DeclineContext): boolean {
  return OFFICE_HOLDER.test(context.question);
}

/** {@link COUNTRY_FIGURE} of the question. */
export function countryFigureAsked(context: DeclineContext): boolean {
  return COUNTRY_FIGURE.test(context.question);
}

/** {@link HOLIDAY_DATE} of the question. */
export function holidayDateAsked(context: DeclineContext): boolean {
  return HOLIDAY_DATE.test(context.question);
}

/** The party a matter is with: "min sag hos forsikringsselskabet", "en tid hos frisøren". */
const WITH_PARTY: ReadonlySet<string> = new Set(['hos']);

/**
 * "Hvordan følger jeg min sag hos forsikringsselskabet": a matter with a party no article knows is that party's, however well the
 * articles know the matter's words ("sag", "følge"); the portal's parties are the articles' (Statens Administration, SAM, DXC,
 * KMD, Statens It, "jer", "os") (round 26).
 */
export function partyUnknown(context: DeclineContext): boolean {
  const { analysis, analyzer, question } = context;
  const words = wordConcepts(question, analysis, analyzer);
  for (const [at, word] of words.entries()) {
    if (!WITH_PARTY.has(word.text.toLowerCase())) continue;
    let next = at + 1;
    while (DETERMINERS.has(words[next]?.text.toLowerCase() ?? '')) next += 1;
    const party = words[next]?.concept;
    if (party !== undefined && analysis.concepts[party]?.known === false) return true;
  }
  return false;
}

/** A law by its name ("årsregnskabsloven", "ferieloven", "bekendtgørelsen"): the definite form, not "orlov". */
const LAW = /^\p{L}{2,}(?:loven|lovens|bekendtgørelsen|bekendtgørelsens)$/iu;
/** An authority by its name ("Digitaliseringsstyrelsen", "Skatteministeriet", "Datatilsynet", "Rigsrevisionen", "EU-Kommissionen"). */
const AUTHORITY = /^\p{L}{2,}(?:styrelsen|ministeriet|direktoratet|agenturet|nævnet|tilsynet|revisionen|kommissionen|ombudsmanden)$/iu;
/** What a party is or does asked: "hvad laver …", "hvem er …", "what does … do". */
const PARTY_ASKED = /^\s*(?:hvad\s+(?:laver|gør|er|arbejder|beskæftiger)|hvem\s+er|what\s+(?:does|is))\s/iu;

/**
 * "Hvad skal et årsregnskab indeholde efter årsregnskabsloven", "hvad laver Digitaliseringsstyrelsen egentlig": a law no article
 * names, or what an authority no article names is or does. The articles name the laws and authorities of the state's
 * administration ("regnskabsbekendtgørelsen", "kildeskatteloven", "Økonomistyrelsen", "Udbetaling Danmark"); what another law
 * says or another authority does is that law's or authority's, however well "årsregnskab" or "styrelse" meets the articles'
 * words (round 28). The name as written (or corrected, or by a synonym) in no article; an authority only when asked about
 * itself — an asker's own ministry names where they work ("vi er under Forsvarsministeriet, kan vi bruge Campus").
 */
export function lawOrAuthorityUnknown(context: DeclineContext): boolean {
  const { analysis, analyzer, question } = context;
  const asked = PARTY_ASKED.test(question);
  return wordConcepts(question, analysis, analyzer).some((word) => {
    if (word.concept === undefined || !(LAW.test(word.text) || (asked && AUTHORITY.test(word.text)))) return false;
    const concept = word.concept;
    // A synonym of the name, not of what it is a kind of: "Rigsrevisionen" is a kind of "kontrol" (the hypernyms), whose
    // synonyms "tjek" and "gennemgå" the articles write — they are not the authority's name (round 29).
    const kindOf = analysis.terms.some((term) => term.concept === concept && term.kind === 'broader');
    return !analysis.terms.some((term) => term.concept === concept && (WRITTEN_KINDS.has(term.kind) || (term.kind === 'synonym' && !kindOf)) && context.documentFrequency(term.term) > 0);
  });
}

/**
 * When an event begins, ends or is held or passed, asked as the question's first words: "hvornår starter/begynder/slutter/afholdes/
 * vedtages …", "when do/does/is … start/begin/end/held/passed". Not any "hvornår": in Danish it asks the case as often as the time
 * ("hvornår stopper I selv lønnen ved fejl": "ved fejl i egen sagsbehandling"), which no date need answer.
 */
const TIME_ASKED = /^\s*(?:hvornår\s+(?:\p{L}+\s+){0,5}?(?:starter|start|begynder|slutter|afsluttes|afholdes|holdes|vedtages|vedtaget|fremlægges|fremlagt|åbner)|(?:when|what\s+date)\s+(?:\p{L}+\s+){1,10}?(?:start|starts|begin|begins|end|ends|held|passed|adopted|open|opens))(?![\p{L}\d])/iu;

/**
 * The case a thing happens in, which answers "hvornår" too: "foretager selv lønstandsning … når fejlen overstiger 300 kr.", "vises
 * kun ved automatisk oprykning", "only when …".
 */
const CASE_WHEN = /(?<![\p{L}\d])(?:når|hvis|kun\s+ved|when|if|only\s+on)(?![\p{L}\d])/iu;

/**
 * "Hvornår starter de næste overenskomstforhandlinger i staten", "when do the next collective bargaining talks start": a time asked
 * of the article that is to answer, which holds none — no date, month, year, weekday, period, time of day or "before/after" a
 * payroll run (the fact kind `when`). ISOLA's page names the negotiations its figures serve, not when they are held (round 28).
 * Read of the article chosen to answer, not of the best ranked: among close ones the one that holds a date is chosen first
 * ("hvornår gik VIA på Campus": the VIA page, dated, before Campus's overview, which is not).
 */
export function timeNotHeld(question: string, articleText: string): boolean {
  return TIME_ASKED.test(question) && !askedKinds(question).includes('deadline') && kindMatch(articleText, ['when']) === 0 && !CASE_WHEN.test(articleText);
}

/** Words of applying: what a deadline is for, not the thing applied for ("søge ind", "ansøgning", "apply"). */
const APPLYING = /^(?:søg\p{L}*|ansøg\p{L}*|apply|applying|applications?|optag\p{L}*|admission)$/iu;
/** Words of the deadline itself ("ansøgningsfristen", "deadline", "hvornår", "senest"). */
const DEADLINE_WORD = /^(?:\p{L}*frist\p{L}*|deadline\p{L}*|hvornår|when|sidste|senest|latest|last)$/iu;

/**
 * "Hvad er fristen for at søge ind på universitetet", "hvornår er ansøgningsfristen til kandidaten på KU", "hvordan søger jeg ind
 * på universitetet": a deadline, or applying, asked for a thing the best article has no word of. The refunds'
 * deadlines ("Ansøgningsfrister for refusion") match "frist" and "søge"; what is applied for — a university place, a
 * kindergarten place — is another institution's, as a matter with a party no article knows is (round 27).
 */
export function deadlineThingNotHeld(context: DeclineContext): boolean {
  const { analysis, analyzer, question } = context;
  const kinds = askedKinds(question);
  const words = wordConcepts(question, analysis, analyzer);
  if (!kinds.includes('deadline') && !words.some((word) => APPLYING.test(word.text))) return false;
  const light = analyzer.lightWords[analysis.language];
  const things = new Set<number>();
  for (const word of words) {
    if (word.concept === undefined || light.has(word.text.toLowerCase()) || APPLYING.test(word.text) || DEADLINE_WORD.test(word.text)) continue;
    things.add(word.concept);
  }
  if (things.size === 0) return false;
  const credits = conceptCredits(analysis, (term) => context.matchedTerms.has(term.term) && counts(term, context));
  return [...things].every((concept) => (credits[concept] ?? 0) < MATCHED);
}

/** A word of access: a password, a code, access, a log-in ("adgangskoden", "kodeord", "password", "adgang", "login", "access"). */
const ACCESS_WORD = /^(?:adgangskode\p{L}*|kode|koden|kodeord\p{L}*|pinkode\p{L}*|password\p{L}*|adgang|adgangen|login|access)$/iu;
/**
 * What the access is for: "adgangskode til …", "password for/to …". Not "på": "en kode på telefonen til at logge på RejsUd"
 * says where the code comes, not what it opens.
 */
const ACCESS_TO: ReadonlySet<string> = new Set(['til', 'for', 'to', 'into']);
/** Words between the preposition and the thing: "til min e-Boks", "to my work laptop", "til alle mine systemer". */
const DETERMINERS: ReadonlySet<string> = new Set(['min', 'mit', 'mine', 'vores', 'jeres', 'din', 'dit', 'dine', 'en', 'et', 'den', 'det', 'de', 'alle', 'my', 'our', 'your', 'the', 'a', 'an', 'all']);
/** A thing that at most this many articles name is one of few pages' subject ("e-Boks"): an article without it is about another thing. */
const FEW_ARTICLES = 3;

/** The concept of the thing a password or access is asked for ("adgangskode til e-Boks": e-Boks), if the question names one. */
export function accessTarget(question: string, analysis: QueryAnalysis, analyzer: Analyzer): number | undefined {
  const words = wordConcepts(question, analysis, analyzer);
  for (const [at, word] of words.entries()) {
    if (!ACCESS_WORD.test(word.text)) continue;
    // The thing's name right before the word: "min Windows adgangskode", "my Outlook password" (round 28).
    const before = words[at - 1];
    if (!ACCESS_TO.has(words[at + 1]?.text.toLowerCase() ?? '')) {
      if (before?.concept !== undefined && before.concept !== word.concept && (PROGRAM_WORD.test(before.text) || analysis.concepts[before.concept]?.name === true)) return before.concept;
      continue;
    }
    let next = at + 2;
    while (DETERMINERS.has(words[next]?.text.toLowerCase() ?? '')) next += 1;
    const target = words[next]?.concept;
    if (target !== undefined && target !== word.concept) return target;
  }
  return undefined;
}

/**
 * "Jeg har glemt min adgangskode til e-Boks", "I forgot the password to my work laptop", "hvordan giver jeg min mand adgang
 * til min e-boks": a password or access asked for a thing the best article does not name — a word the articles never
 * use or one that few of them use — is one for that thing's own support, however well the article on another system's
 * password rules matches the rest. A thing many articles name in other words ("koden til lønsystemet": the SLS pages say
 * "SLS/HR-Løn") is left to the rest of the decision: measured over every set, holding it to be named cost 27 expected
 * answers (round 24).
 */
export function accessTargetNotHeld(context: DeclineContext): boolean {
  const { analysis, analyzer, question } = context;
  const target = accessTarget(question, analysis, analyzer);
  const concept = target === undefined ? undefined : analysis.concepts[target];
  if (target === undefined || concept === undefined) return false;
  const written = analysis.terms.filter((term) => term.concept === target && WRITTEN_KINDS.has(term.kind));
  // Few articles by the word itself: a word the articles never use but a synonym or translation makes known ("supportsiden",
  // "payroll system") is as common as what it was read as.
  const few = written.some((term) => context.documentFrequency(term.term) > 0 && context.documentFrequency(term.term) <= FEW_ARTICLES);
  // A name the articles know only through the parts of a compound ("Statistikbanken": "statistik", "bank"), not as written
  // or through a synonym, is another's.
  const nameUnknown = concept.name && !analysis.terms.some((term) => term.concept === target && (WRITTEN_KINDS.has(term.kind) || term.kind === 'synonym') && context.documentFrequency(term.term) > 0);
  // A system many articles name ("adgangskode til RejsUd") is the portal's own: the page on passwords in general sends the
  // asker to the system's (knowledge/articles: "Adgangskode til et andet system").
  if (concept.known && !few && !nameUnknown) return false;
  // As written, corrected or translated, or a part of a joined name ("cvr-nr": the article's "CVR-numre").
  // An office program as written, not translated: English "Windows" is no "vinduerne" of the register print (round 28).
  const program = PROGRAM_WORD.test(concept.surface);
  const credits = conceptCredits(analysis, (term) => (program ? term.kind === 'word' : WRITTEN_KINDS.has(term.kind) || term.kind === 'name-part') && context.matchedTerms.has(term.term) && counts(term, context));
  return (credits[target] ?? 0) === 0;
}
