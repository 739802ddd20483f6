/**
 * The routing decision: what one user turn means. Read it top to bottom.
 *
 * Every turn is decided here, once, before any dialog runs; the dialogs act on the result and do
 * not decide again. Four things are weighed together:
 *
 *   1. what the conversation is waiting for (the {@link Expectation}: nothing, a yes/no, a choice,
 *      a form field of a certain shape),
 *   2. the recognised intent and the classifier's confidence in it,
 *   3. the form of the text: does it ask how something works ("hvordan opretter man en sag?"),
 *      or does it ask for something to be done ("opret en sag", "kan du sende en henvendelse")?
 *   4. how confidently the knowledge base answers the text (asked only when it matters).
 *
 * The result is one RouteDecision (dialogs/ports.ts): a {@link Route} plus the figures and a reason code, which
 * the bot logs (never the text itself).
 */
import { askedKinds, kindMatch, type AnswerCandidate, type AnswerResult } from '../knowledge/index.js';
import type { Expectation, IntentKind, Language, PreviousAnswer, Recognition, Route, RouteDecision, RouteReason } from '../dialogs/ports.js';
import { choiceByTitleWord, choiceNumber, editDistanceWithin, matchTolerant, type Choice } from '../dialogs/matching.js';
import { afterNo, givesSeveralValues, isSkip, saysDontKnow } from '../dialogs/form-engine.js';
import { asksAboutAssistant } from '../dialogs/small-talk.js';
import { asksForTheCase, givesCaseDetails } from '../dialogs/case-asked.js';
import { findCaseNumbers, findSystem, articleAbout, getForm, getSystem, matchKey, mentionedSystems, monthYear, normaliseCvr, parseDate, parseNumberAnswer, valuesInSentence, type Localized } from '../portal/index.js';
import { asksToExplainAgain } from './meta-talk.js';
import { cleanWords, stemmers } from './nlu/features.js';
import { namesThePortal, ordersRemoval, REMOVAL_FORM } from './nlu/slots.js';

export interface RouteInput {
  /** The user's text, cleaned. */
  text: string;
  lang: Language;
  recognition: Recognition;
  expectation: Expectation;
  /**
   * The knowledge base's answer to the text (asked only when it matters, once for a first message; a follow-up's
   * readings — alone, with the answer before, of that answer's article alone, of its system's articles — once each). `about`: only the articles about that system (by id) may answer. `own`: the user's own words of a
   * follow-up read with more added (they choose the passage shown). `within`: only that article (by id) may answer.
   */
  knowledge(text: string, lang: Language, about?: string, own?: string, within?: string): AnswerResult;
  /** The answer shown last in the conversation, when there was one (a follow-up question is read with it). */
  previous?: PreviousAnswer;
}

/** The thresholds of the decision; calibrated with chat:eval and nlu:eval (see the README). */
export const ROUTING_THRESHOLDS = {
  /** An intent this sure is acted on even when the text is phrased as a question. */
  confident: 0.85,
  /** Below this an intent is not acted on without support from the form of the text. */
  plausible: 0.55,
  /** Small talk of one to three words that is not a question, when the knowledge base has nothing, is acted on from this share. */
  shortSmallTalk: 0.4,
  /** A knowledge answer this strong at a field that expects a name makes the value doubtful. */
  strongAnswer: 0.8,
} as const;

// ---------------------------------------------------------------------------------------------
// The form of a text

/** Question words and inverted openings that ask how or whether something is (da, en; the modal as spoken too: "ka vi …", "ska jeg …", "ha I …"). */
const INTERROGATIVE =
  /^(?:(?:tell\s+me|explain|fortæl(?:\s+mig)?|forklar(?:\s+mig)?)\s+(?:how|what|why|when|where|which|who|whether|if|hvordan|hvad|hvorfor|hvornår|hvor|hvilke|hvilken|hvilket|hvem|om)|(?:forskel(?:len)?|difference)\s+(?:på|mellem|between)|(?:the\s+)?difference\s+between|hvordan|hvad|hvorfor|hvor|hvornår|hvem|hvilken|hvilket|hvilke|hvis|hvorledes|må|skal|ska|kan|ka|bør|er|har|ha|gælder|findes|how|what|why|where|when|who|whom|which|whose|can|could|should|do|does|did|is|are|am|was|were|will|would|may|might|shall|must|have|has)(?![\p{L}\d])/iu;

/** A question word first ("hvem må …", "between which hours …", "what is …"): asks about something, not for it. */
const WH_QUESTION =
  /^(?:(?:by|before|after|between|from|until|at|in|on|for|with|to|inden|senest|efter|mellem|fra|til|i|på|for|med)\s+)?(?:hvem|hvad|hvilken|hvilket|hvilke|hvornår|hvor|hvorfor|who|whom|what|which|when|where|why)(?![\p{L}\d])/iu;

/**
 * A yes/no question in Danish word order: a verb in the present tense before its subject ("tager I
 * jer af momsen …", "sender I svar …", "får vi besked …") — not a conjunction or preposition that ends
 * in -r ("når jeg bogfører …", "efter vi sendte …").
 */
const INVERTED_QUESTION = /^(?!(?:når|før|efter|under|over|eller|hvorefter|mener)\s)\p{L}{2,}r\s+(?:i|du|jeg|vi|man|de|der)(?![\p{L}\d])/iu;

/**
 * "Kan du …", "vil I …", "could you …": a request phrased as a question — not advice asked for ("kan I
 * anbefale et spørgeskemaværktøj", "can you recommend a language school"), which asks what is best.
 */
const POLITE_REQUEST =
  /^(?:(?:kan|ka|vil|gider|kunne|ville|må)\s+(?:du|i|jeg\s+(?:få|bede))|(?:can|could|would|will)\s+(?:you|u|i\s+get)|please)(?![\p{L}\d])(?!\s+(?:(?:lige|venligst|please|kindly)\s+)?(?:anbefale|foreslå|råde|recommend|suggest|advise)(?![\p{L}\d]))/iu;

/** An auxiliary verb followed by a negation opens a statement ("kan ikke …", "can't …"). */
const NEGATED_OPENING = /^\p{L}+(?:\s+(?:ikke|not|never|aldrig)\b|n['’]t\b|['’]t\b|not\b)/iu;

/**
 * How something is done: asks for knowledge even when it names an action — also after a statement, in either word order ("…, hvordan
 * melder jeg det", "hvordan gør man"). "How many"/"how much" ask a count or an amount ("how many cases do I have open"), no procedure.
 */
const HOW = /^(?:hvordan|hvorledes|how)(?![\p{L}\d])(?!\s+(?:many|much)(?![\p{L}\d]))|(?<![\p{L}\d])(?:hvordan|how)\s+(?!(?:many|much)(?![\p{L}\d]))(?:\p{L}+\s+)?(?:man|jeg|vi|do|can|should|does)(?![\p{L}\d])/iu;

/**
 * How something stands rather than how it is done: "hvordan går det med min sag", "hvordan står
 * det til med…", "how is my ticket", "how's it going with…" ask about a state (a status), not a procedure.
 */
const HOW_IT_STANDS = /^(?:hvordan|hvorledes)\s+(?:går|gik|står|stod|ser)\s+det\b|^how\s*(?:['’]s|\s+is|\s+are|\s+was|\s+far)(?![\p{L}\d])/iu;

/** A greeting or an interjection before the sentence proper ("Hej, kan I lave en sag til mig?", "ok så: hvordan …"). */
const OPENING_WORDS = /^(?:(?:hej|hejsa|halløj|hallo|goddag|godmorgen|dav|hi|hello|hey|ok|okay|nå|altså|og|så|well|so)(?![\p{L}\d])[\s,.!:;-]*)+/iu;

/** The sentence without a greeting or interjection before it. */
function sentence(text: string): string {
  return text.trim().replace(OPENING_WORDS, '');
}

/**
 * The desk asked to deal with what was told ("…. Kan I kigge på det?", "…, kan I undersøge det",
 * "Can someone sort it out?", "kan i faa rettet min feriesaldo, der står 0 dage"), before or after it:
 * any verb but one of explaining after "kan/vil I", "en af jer", "you guys" (also "få" with a
 * participle: "kan I få rettet …"); a verb of handling after "du", "nogen", "you", "someone" — a
 * request in a question's form, not a question.
 */
const DESK_ASKED_TO_ACT = new RegExp(
  String.raw`(?:^|[.,;:!?]|\s[–—-])\s*(?:(?:og|men|and|but|so|så)\s+)?(?:` +
    // The desk by name ("I", "en af jer", "you guys") asked to do anything but explain or advise: "– vil I registrere fratrædelsen?"
    String.raw`(?:(?:kan|vil|kunne|ville|gider)\s+(?:i|en\s+af\s+jer|nogen\s+af\s+jer)|(?:can|could|would|will)\s+(?:you\s+guys|one\s+of\s+you|any\s+of\s+you))\s+(?:(?:lige|venligst|please|kindly|så)\s+)?(?:(?:få|faa)\s+)?(?:se\s+(?:på|nærmere|efter)|(?!(?:forklare|fortælle|sige|vise|svare|anbefale|foreslå|råde|explain|tell|show|answer|recommend|suggest|advise)(?![\p{L}\d]))\p{L}{3,})` +
    // "du"/"you" may be the assistant, "nogen"/"someone" anyone: only a verb of handling asks the desk to act.
    String.raw`|(?:(?:kan|vil|kunne|ville|gider)\s+(?:du|nogen)|(?:can|could|would|will)\s+(?:you|someone|somebody|anyone))\s+(?:(?:lige|venligst|please|kindly|så)\s+)?(?:kigge|se\s+på|se\s+nærmere|undersøge|tjekke|checke|løse|rette|fikse|ordne|hjælpe|finde\s+ud\s+af|look|check|investigate|fix|sort|solve|resolve|help|take\s+a\s+look)` +
    String.raw`)(?![\p{L}\d])`,
  'iu',
);

/**
 * "Kan jeg få min startside til at vise …": whether the user can make something do a thing — a question
 * of how, not a polite order. The desk got to do it ("kan jeg få dig til at sende sagen videre") is asked for.
 */
const GET_IT_TO = /^(?:kan|kunne)\s+(?:jeg|vi|man)\s+få\s+(?!(?:dig|jer|i|nogen|en\s+af\s+jer|servicedesken|supporten)\s)\S.*?\s+til\s+at(?![\p{L}\d])/iu;

/**
 * "Kan jeg få refunderet kage til et møde", "kan vi få penge tilbage for …", "kan jeg få dækket frokost": whether
 * the user may have money back or covered — a question of the rules, not a polite order ("kan jeg få nulstillet
 * min kode" asks the desk to act). English the same (round 28): "can I get money back for meeting food …", "can we get
 * reimbursed for …".
 */
const MONEY_BACK_ASKED =
  /^(?:(?:kan|kunne)\s+(?:jeg|vi|man)\s+få\s+(?:\p{L}+\s+){0,3}?(?:refunderet|dækket|godtgjort|betalt|udbetalt|tilbagebetalt|erstattet|penge(?:ne)?\s+(?:tilbage|igen|refunderet|dækket))|(?:can|could)\s+(?:i|we|one)\s+get\s+(?:\p{L}+\s+){0,3}?(?:reimbursed|refunded|covered|compensated|paid\s+back|(?:the\s+|my\s+|our\s+)?money\s+(?:back|refunded|covered)))(?![\p{L}\d])/iu;

/** A wish to see, know or compare ("vi vil gerne se om …", "jeg vil gerne vide hvordan …", "I'd like to know whether …"). */
const WISH_TO_KNOW =
  /(?<![\p{L}\d])(?:vil|ville|ønsker\s+at|would\s+like\s+to|want\s+to|wish\s+to|i['’]d\s+like\s+to)\s+(?:(?:gerne|godt|lige)\s+)?(?:se\s+om|se\s+hvor|se\s+hvad|se\s+hvilke|vide|forstå|sammenligne|finde\s+ud\s+af|know|understand|compare|find\s+out|see\s+(?:if|whether|how|what|which))(?![\p{L}\d])/iu;

/** Two things set against each other ("A vs B", "A versus B"). */
const COMPARISON = /(?<![\p{L}\d])(?:vs\.?|versus)(?![\p{L}\d])/iu;

/**
 * A modal or "har" opening with its infinitive straight after ("skal have en sag om …", "skal bruge adgang", "har brug for
 * …", "må have hjælp"): the subject "jeg"/"vi" left out, as a chat message does — a question puts the subject there
 * ("skal jeg have …").
 */
const SUBJECT_LEFT_OUT = /^(?:skal|må|vil|har)\s+(?:(?:gerne|lige|bare|også)\s+)?(?:have|ha|bruge|brug\s+for|oprette|bestille|lave|melde|sende)(?![\p{L}\d])/iu;

/** Whether the text asks something (a question mark, or a question's opening) rather than states or requests. */
export function readsAsQuestion(text: string): boolean {
  const t = sentence(text);
  if ((POLITE_REQUEST.test(t) && !GET_IT_TO.test(t) && !MONEY_BACK_ASKED.test(t)) || DESK_ASKED_TO_ACT.test(t)) return false;
  if (t.includes('?')) return true;
  // "Skal have en sag om LDV", "har brug for adgang til ISOLA": the subject left out, as in a chat — a statement.
  if (SUBJECT_LEFT_OUT.test(t)) return false;
  // "fejl vs advis SLS", "registerprint versus totalprint": two things weighed against each other, as "forskel på" asks.
  // "Vi vil gerne se om vores ledere får mere …": a wish to see, know or compare asks about something.
  if (COMPARISON.test(t) || WISH_TO_KNOW.test(t)) return true;
  // "Kan ikke logge ind", "can't open the report": a report of a problem, not a question.
  if (NEGATED_OPENING.test(t)) return false;
  return INTERROGATIVE.test(t) || WH_QUESTION.test(t) || LATER_QUESTION.test(t) || UNMARKED_LATER_QUESTION.test(t) || INVERTED_QUESTION.test(t) || typedQuestionWord(t);
}

/** The long question words, recognised with a typo when they open the text ("hviken tegn må jeg bruge", "hvornaar", "hvordna"). */
const QUESTION_WORDS_WITH_TYPOS = ['hvilken', 'hvilket', 'hvilke', 'hvordan', 'hvornår', 'hvorfor'];

/** Whether the text opens with one of the long question words typed one edit wrong (a swap counts as one). */
function typedQuestionWord(text: string): boolean {
  const first = cleanWords(text)[0];
  return first !== undefined && first.length >= 5 && QUESTION_WORDS_WITH_TYPOS.some((word) => editDistanceWithin(first, word, 1) <= 1);
}

/**
 * A question in a later clause ("I har lavet en fejl i en lønbestilling, skal vi stadig sende en
 * blanket", "the invoice was rejected, what do I do now", "… – skal vores datavarehus laves om"): a
 * question word, or a verb before its subject, after a comma, a colon or a dash — a pronoun, or any subject with an adverb or a passive after
 * it ("…, skal LDV så ændres", "…, skal datavarehuset rettes til"; "…, brugeren skal slettes" states). "…, kan I hjælpe" / "…, can you help" ask for help, not about something.
 * After "så" ("then") a verb before its subject is a statement's word order ("perfekt, så er jeg kørende igen", round 29); a
 * question word after it still asks ("…, så hvad gør jeg").
 */
const LATER_QUESTION =
  /(?:[,;:]|\s[–—-])\s*(?:(?:og|men|and|but|so)\s+|så\s+(?=hv))?(?:hvordan|hvad|hvorfor|hvornår|hvem|hvilken|hvilket|hvilke|hvor\s+(?:hurtigt|lang|længe|mange|meget|ofte|tit|tidligt|sent|langt)|how|what|why|when|who|which|where\s+(?:do|does|can|could|should|must|shall|may)\s+(?:i|we|one|you|they)|(?:skal|kan|må|bør|er|har|behøver|gælder|(?!(?:når|før|efter|under|over|eller|hvorefter|mener)\s)\p{L}{2,}r)\s+(?:jeg|vi|man|der|det)|(?:skal|kan|må|bør|behøver)\s+(?:(?:vores|jeres|min|mit|mine|din|dit|dine|deres|hans|hendes)\s+)?\p{L}+\s+(?:så|nu|også|stadig|altid|selv|først|\p{L}{2,}es)|(?:should|must|do|does|did|is|are|can|could|may)\s+(?:i|we|one|there|it|they|someone|somebody|anyone|anybody))(?![\p{L}\d])/iu;

/** A question word opening a later clause or sentence ("…, who sets it up", "…, hvem gør det", "…. Hvor hurtigt skal vi melde det?"). */
const LATER_WH_QUESTION = /(?:[,;:]|[.!]\s|\s[–—-])\s*(?:(?:og|men|and|but|so|så)\s+)?(?:hvem|hvad|hvilken|hvilket|hvilke|hvornår|hvor|hvorfor|who|whom|what|which|when|where|why)(?![\p{L}\d])/iu;

/**
 * The same last clause typed without its comma, as on a phone ("vi skal ha ændret vores ldv pga
 * ressortomlægning hvem hjælper med det", "need access to rejsud who do i ask"): a question word after
 * a word, then its verb (a question's word order: not "hvad jeg skulle bruge", "hvem der har adgang",
 * "when I signed up"), and at most five words to the end.
 */
const UNMARKED_LATER_QUESTION =
  /(?<=\p{L}\s+)(?:(?:hvem|hvad|hvordan|hvorfor|hvornår|hvilken|hvilket|hvilke)\s+(?:skal|kan|må|bør|gør|(?!der(?![\p{L}\d]))\p{L}{2,}r)|(?:who|what|how|why|which)\s+(?:do|does|did|can|could|should|shall|is|are|will|would))(?:\s+[^\s.!?]+){0,5}\s*$/iu;

/**
 * Something that does not work ("jeg kan ikke logge på", "RejsUd virker ikke", "pc'en starter ikke",
 * "printeren er i stykker", "can't open the report", "musen er holdt op med at virke", "it stopped working", "CIP stopped delivering
 * files", "den er stoppet med at sende" — not the user's own choice: "we stopped using CIP"): a problem, not a wish. A Danish verb in the
 * present tense (-r) before "ikke" states that something fails.
 */
const PROBLEM =
  /(?<![\p{L}\d])(?:kan|kunne|virker|fungerer|vil|går|can|could|does|do|did|is|are|was|were|has|have|had|will|won|(?!(?:gider|tror|synes|mener|ønsker|hedder|behøver|bruger|vover|tør)\s)\p{L}{2,}r)\s*(?:ikke|not|n['’]t)(?![\p{L}\d])|(?<![\p{L}\d])(?:can['’]t|cannot|won['’]t|doesn['’]t|isn['’]t|wasn['’]t|weren['’]t|didn['’]t|hasn['’]t|haven['’]t|i\s+stykker|broken|crash\p{L}*|går\s+ned|er\s+nede|is\s+down|(?<!(?:jeg|vi|du|de|han|hun|i|we|you|they|he|she)\s+(?:(?:er|har|var|have|has|had)\s+)?)(?:(?:holdt|holder|hørt|hører)\s+op\s+med\s+at\s+\p{L}{3,}|stoppe[rt]?\s+med\s+at\s+\p{L}{3,}|(?:stopped|stops|quit|quits|ceased)\s+(?:working|\p{L}{3,}ing))|no\s+longer\s+works?)(?![\p{L}\d])/iu;

/** The user will not ("jeg vil ikke mere", "I don't want to do this"): a refusal, not something that fails. */
const REFUSAL = /(?<![\p{L}\d])(?:(?:jeg|vi)\s+(?:vil|gider|ønsker|orker)\s+ikke|(?:i|we)\s+(?:don['’]t|do\s+not|won['’]t|will\s+not)\s+(?:want|wish|need|like)?)(?![\p{L}\d])/iu;

/**
 * A word of stopping, dropping, undoing or refusing ("glem det", "lad være", "ikke alligevel", "forfra", "never mind",
 * "don't send it", "I changed my mind", "jeg vil ikke …", "jeg har fortrudt" — the verbs in their past forms too, round 29): what a
 * cancel is said with. A sentence with none of them
 * ("det her er simpelthen for dårligt, jeg har siddet med det i en halv time") stops nothing, however the classifier
 * reads it; nor does a bare "ikke" of something that does not work ("mit MitID virker ikke efter jeg har skiftet telefon").
 */
const STOP_OR_NEGATION =
  /(?<![\p{L}\d])(?:annul\p{L}*|anul\p{L}*|afbry\p{L}*|stop\p{L}*|hold|glem\p{L}*|fortryd\p{L}*|fortrud\p{L}*|fortrød\p{L}*|drop\p{L}*|lad|lade|nej|forfra|ryd|slet\p{L}*|luk\p{L}*|ombestemt|alligevel|al+igevel|længere|mere|senere|tilbage|forkert\p{L}*|fejl|ups|hov|cancel\p{L}*|abort\p{L}*|never|nvm|forget|quit|exit|reset|over|out|no\s+longer|not\s+(?:needed|necessary|now)|don['’]?t|dont|won['’]?t|anymore|later|mind|wrong|oops|(?:vil|skal|gider|behøver|orker|ønsker|kan)\s+(?:\p{L}+\s+)?ikke|ikke\s+(?:send\p{L}*|oprette|lave|fortsæ\p{L}*|fortsae\p{L}*|nødvendig|noedvendig|brug\p{L}*))(?![\p{L}\d])/iu;

/**
 * A word that stops or drops something ("glem", "drop", "annuller", "afbryd", "stop", "fortryd", "cancel", "never mind",
 * "forget", "ikke alligevel") — {@link STOP_OR_NEGATION} without its negations, which a problem has too ("won't save").
 */
const STOP_WORD =
  /(?<![\p{L}\d])(?:annul\p{L}*|anul\p{L}*|afbry\p{L}*|stop\p{L}*|glem\p{L}*|fortryd\p{L}*|fortrud\p{L}*|fortrød\p{L}*|drop\p{L}*|cancel\p{L}*|abort\p{L}*|never\s*mind|nvm|forget|ikke\s+alligevel|after\s+all)(?![\p{L}\d])/iu;

/**
 * What a stopping verb joined by a space only ("stop lønudbetalingen til …", "annuller venligst min kollegas adgang til LDV",
 * "cancel the invoice from Dell") takes as its object: a thing of the user's or of the world — a possessive or an article
 * before a noun, or a noun in the definite form — which the desk is asked to stop or cancel, not the conversation. Not the
 * case, the inquiry, the form or the chat itself ("stop sagen", "afbryd samtalen"), which are the conversation's own (round 29).
 */
export const STOPPED_THING =
  /^(?:(?:min|mit|mine|vores|jeres|din|dit|dine|hans|hendes|deres|my|our|your|his|her|their|en|et|a|an|the)\s+(?!(?:sag|sagen|sager|henvendelse\p{L}*|formular\p{L}*|skema\p{L}*|ticket|case|request|form|chat|conversation)(?![\p{L}\d]))\p{L}|(?!(?:sagen|henvendelsen|formularen|skemaet|samtalen|chatten)(?![\p{L}\d]))\p{L}{4,}(?:en|et|erne|ne)(?![\p{L}\d]))/iu;
/** A stopping verb opening a text, with politeness around it ("annuller venligst …", "please cancel …"). */
const OPENING_STOP = /^(?:(?:venligst|please|pls|lige|hej|hi|hello)[\s,]+)?(?:annuller|annullér|anuller|afbryd|stop|stands|cancel|abort)(?:\s+(?:venligst|please|lige|bare|just))?\s+/iu;

/** Whether the text opens with a stopping verb whose object is a thing, not the conversation (see {@link STOPPED_THING}). */
export function stopsAThing(text: string): boolean {
  const opening = OPENING_STOP.exec(text.trim());
  return opening !== null && STOPPED_THING.test(text.trim().slice(opening[0].length));
}

/** Words of stopping that {@link STOP_WORD} leaves to the cancel's other rules: "lad være", "forfra", "nej", "alligevel", "no longer", "anymore". */
const MORE_STOP_WORDS = /(?<![\p{L}\d])(?:lad\s+v(?:æ|ae)re|forfra|nej|alligevel|al+igevel|no\s+longer|anymore)(?![\p{L}\d])/iu;

/** A case supposed rather than told of: the text opens with a condition ("hvis jeg skriver …", "if I add a comment …"). */
const SUPPOSED = /^\s*(?:hvis|såfremt|if|suppose|say)(?![\p{L}\d])/iu;

/** The user saying who they are ("det er Lone fra lønkontoret", "jeg hedder Per", "this is Sam from HR"): the names in it are theirs, not a subject. */
const INTRODUCTION = /(?<![\p{L}\d])(?:det\s+er|her\s+er|jeg\s+hedder|mit\s+navn\s+er|this\s+is|my\s+name\s+is|i\s+am|i['’]m)\s+\p{Lu}\p{L}+/u;

/** A text that speaks to the assistant or of the user ("kan du", "hjælp mig", "what can I", "can you"). */
const SPEAKS_TO_THE_ASSISTANT = /(?<![\p{L}\d])(?:du|dig|din|dit|jeg|mig|vi|os|you|your|i|me|my|we|us)(?![\p{L}\d])/iu;

/**
 * Something not done that should have been, told with "er/blev/har … ikke": "kørselsgodtgørelsen er ikke udbetalt", "sygedagpenge-
 * refusionen er ikke kommet ind", "udlægget er stadig ikke godkendt", "the taxi expense has still not been reimbursed" (round 29).
 * Not yet ("min lønseddel er ikke kommet i e-boks endnu", "not paid yet") is waiting, which the page on when it comes answers.
 * "Er ikke" with any word after it is as often a fact ("det er ikke muligt", "er ikke omfattet"): only the verbs of paying,
 * receiving, approving, sending, booking and saving, as participles.
 */
const NOT_DONE = String.raw`(?:er|var|blev|bliver|is|was|were|are|has|have|had)\s+(?:(?:stadig|desværre|slet|still)\s+)?(?:ikke|not)\s+(?:(?:blevet|been)\s+)?(?:(?:ud)?betalt|modtaget|kommet|godkendt|overført|refunderet|registreret|bogført|sendt|oprettet|opdateret|gemt|indlæst|behandlet|dukket\s+op|paid|received|approved|reimbursed|refunded|transferred|booked|registered|sent|created|updated|saved|processed|arrived|credited)(?![^.,;:!?]*(?<![\p{L}\d])(?:endnu|yet)(?![\p{L}\d]))`;

/** A thing that goes away by itself as told in the present or the perfect: "mine udlæg forsvinder når jeg gemmer", "the receipts disappear" (round 29). */
const VANISHES = String.raw`forsvinder|disappears?|vanish(?:es|ed)?`;

/**
 * A thing that is missing, the thing the subject: "kursusbeviserne … mangler for alle deltagere", "der mangler data i LDV" (round
 * 29) — not a person lacking something ("jeg mangler adgang", "vi mangler en godkender": a need, told elsewhere).
 */
const GOES_MISSING = String.raw`(?<!(?:jeg|vi|du|i|de|man|hvad|hvem|hvilke|hvilken)\s+)mangler`;

/**
 * Slowness told of a system: "LDV er ekstremt langsomt i dag", "RejsUd kører meget langsomt", "ISOLA is really slow" (round 29) —
 * the verb right before, or a word of degree between: "er systemet langsomt i perioder" asks.
 */
const SLOW = String.raw`(?:er|var|blev|bliver|kører|is|was|are|were|runs?|running|gets?|got)\s+(?:(?:meget|ekstremt|vildt|utroligt|virkelig|enormt|helt|så|really|very|extremely|so|super|incredibly)\s+)?(?:langsom|langsomt|langsomme|slow|sluggish)`;

/**
 * Something that fails, told without "ikke"/"not" or a word of error (round 27): a contraction typed without its apostrophe
 * ("RejsUd wont submit", "I cant get into Campus", "it doesnt load"); a thing found empty, blank or gone ("rapporten er tom",
 * "the data is missing", "viser tomme kuber", "viser en blank side", "fakturaen er forsvundet"); a thing that stalls or throws the user out ("går i
 * stå", "keeps spinning", "lukker ned hver gang" — not "vi lukker ned for …" —, "smider mig ud", "logs me out"); a value refused as invalid ("melder ugyldigt
 * cpr", "invalid"); a thing that sends or shows nothing ("sender ingen mails", "the reports show no data"); round 28: a thing
 * never done ("er aldrig kommet", "was never paid", "never arrives"), done twice ("trukket to gange", "bogført dobbelt", "paid
 * twice"), pay too little or too much ("fik for lidt i løn", "got paid too little"). How people tell a
 * system's failure as often as with a negation; the system named or not is weighed where the problem is used.
 */
const FAILS_IN_OTHER_WORDS = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:fået|fik|betalt|udbetalt|trukket|bogført|registreret|oprettet|kommet|sendt|paid|charged|booked|received|sent|created)\s+(?:\p{L}+\s+){0,3}?(?:(?:to|2)\s+gange|twice)|(?:bogført|betalt|udbetalt|registreret|oprettet|trukket|sendt|kommet|viser|vises|står|er|blev|bliver)\s+(?:\p{L}+\s+)?dobbel\p{L}*|doubled|double\s+(?:paid|booked|charged|payment)|for\s+(?:lidt|meget)\s+(?:i\s+)?(?:løn|lønnen|udbetalt|refusion|pay|salary)|too\s+(?:little|much)|(?:\p{L}{2,}r|har|havde|kan|er|var|blev|is|was|were|has|have|had)\s+aldrig|never\s+(?:\p{L}+ed|\p{L}+s|got|came|come|arrive|paid|showed\s+up)|(?:can|won|doesn|isn|aren|wasn|weren|didn|couldn|wouldn|hasn|haven)t|(?:er|var|bliver|blev|står|is|are|was|were|comes?|came)\s+(?:helt\s+|bare\s+|completely\s+|totally\s+|just\s+)?(?:tom|tomt|tomme|empty|blank|blanke|forsvundet|væk|missing|gone)|(?:viser|viste|shows?|showed)\s+(?:tom|tomt|tomme|blank|blanke|empty)(?=\s)|(?:går|gik)\s+i\s+stå|står\s+(?:bare\s+)?stille|keeps?\s+(?:on\s+)?(?:spinning|loading|crashing|freezing|failing|timing\s+out)|(?<!(?:jeg|vi|du|de|i|we|you|they)\s+)(?:lukker|lukkede|shuts?|shut)\s+(?:ned|down)|(?:smider|smed|kaster|logger|kicks?|kicked|throws?|threw|logs?|logged)\s+(?:mig|os|brugerne|me|us|users)\s+(?:ud|af|out|off)|ugyldig\p{L}*|invalid|(?:blank|hvid|tom)\s+(?:side|skærm|page|screen)|(?:sender|sendte|viser|viste|henter|leverer|modtager|shows?|showed|sends?|sent|loads?|displays?|returns?|delivers?)\s+(?:ingen|intet|no|nothing)|(?:disappeared|forsvandt)|${NOT_DONE}|${VANISHES}|${GOES_MISSING}|${SLOW})(?![\p{L}\d])`,
  'iu',
);

/** Whether the text reports that something does not work (a negation of what it does, or {@link FAILS_IN_OTHER_WORDS}). */
export function reportsAProblem(text: string): boolean {
  return PROBLEM.test(text) || FAILS_IN_OTHER_WORDS.test(text);
}

/** A condition's clause, to the end of its clause or sentence: "… hvis Navision giver fejl", "… if RejsUd gives an error". */
const CONDITION_CLAUSE = /(?<![\p{L}\d])(?:hvis|såfremt|if|in\s+case)(?![\p{L}\d])[^,.;:!?]*/giu;

/**
 * Whether every problem in the text is supposed in a condition ("hvad gør jeg hvis Navision giver fejl", "what should I do if
 * RejsUd gives an error"): asked of what to do then, not told of as having happened — the rest of the text reports none.
 * "Navision giver fejl hvis jeg bogfører, hvad gør jeg?" tells it in the main clause.
 */
function problemOnlySupposed(text: string): boolean {
  const rest = text.replace(CONDITION_CLAUSE, ' ');
  return rest !== text && !reportsAProblem(rest) && !SOMETHING_WRONG.test(rest);
}

/** A question word anywhere in the text ("jeg kan ikke se hvad …", "I don't know why …"). */
const QUESTION_WORD_INSIDE = /(?<![\p{L}\d])(?:hvad|hvordan|hvorfor|hvilke|hvilken|hvilket|hvornår|what|how|why|which|when)(?![\p{L}\d])/iu;

/**
 * Not knowing why, told after the problem ("… er afvist, og jeg ved ikke hvorfor", "… was rejected and I dont know why"): no
 * question asked inside it (round 29) — "jeg kan ikke se hvad tallene står for" still asks what they mean.
 */
const NOT_KNOWING_WHY = /(?<![\p{L}\d])(?:(?:ved|forstår|aner|fatter)\s+(?:ikke|ik|slet\s+ikke)|(?:don['’]?t|do\s+not|didn['’]?t)\s+(?:know|understand|get)|no\s+idea|have\s+no\s+clue)\s+(?:hvorfor|why)(?![\p{L}\d])/giu;

/** Urgency ("haster!", "akut", "asap"): something is to be done, not looked up. */
const URGENT_WORDS = String.raw`haster|hastesag|akut|hurtigst\s+muligt|snarest|urgent|asap|straks`;

/** The words of something wrong (an error, a rejection, a hang, a crash), shared by the request words and {@link SOMETHING_WRONG}. */
const WRONG_WORDS = String.raw`fejl\p{L}*|galt|error\p{L}*|bug|problem\p{L}*|forkert\p{L}*|hænger|fryser|frosset|freezes|frozen|(?:sidder|står|hænger)\s+fast|afvis\p{L}*|crash\p{L}*|går\s+ned|er\s+nede|wrong|incorrect|failed|fails|failing|stuck|hangs|rejected|broken|is\s+down`;

/**
 * The text asks for something to be done, in words: an action verb ("opret", "indberet", "meld",
 * "send", "luk", "bestil", "create", "open", "raise", "log", "report"), a wish ("jeg vil gerne", "skal
 * have", "har brug for", "I need", "I'd like", "please"), or the case itself ("sag", "henvendelse",
 * "ticket", "a case", "fejl"), or something wrong ("hænger", "sidder fast", "forkerte tal", "failed").
 * A text without any of them ("refusion graviditetsbetinget fravær", "blanket rejseforskud") names a
 * topic: it is searched, not a case to be made of it.
 */
const ACTION_WORDS = new RegExp(
  String.raw`(?<![\p{L}\d])(?:opret\p{L}*|oprett\p{L}*|lav|lave|laves|lavet|indberet\p{L}*|indmeld\p{L}*|meld|melde|meldt|send|sende|sendt|skriv|skrive|start|starte|åbn|åbne|bestil\p{L}*|fjern\p{L}*|luk|lukke|lukket|slet|slette|tilføj\p{L}*|ændr\p{L}*|opdater\p{L}*|registrer\p{L}*|anmeld\p{L}*|spær\p{L}*|genåbn\p{L}*|nulstil\p{L}*|tildel\p{L}*|afmeld\p{L}*|giv|give|vil|skal|ønsker|mangler|brug|create|open|raise|log|file|report|submit|make|add|remove|delete|close|change|update|order|request|register|reset|grant|revoke|need|want|like|please|pls|sag|sagen|sager|henvendelse\p{L}*|forespørgsel|ticket|tickets|case|cases|issue|stopped|missing|needed|needs|required|${WRONG_WORDS}|${URGENT_WORDS})(?![\p{L}\d])`,
  'iu',
);

/**
 * A sentence rather than keywords: a subject ("jeg", "vi", "der", "we") or a finite verb of being,
 * having or being able ("er", "har", "kan", "is", "has") — not a possessive ("lønbånd for vores
 * ledere" names a topic). "Vi har en faktura der sidder fast i SDI"
 * says something happened; "refusion den 12. i måneden graviditetsbetinget" names a topic.
 */
const SENTENCE =
  /(?<![\p{L}\d])(?:jeg|vi|du|man|der|han|hun|er|var|har|havde|kan|kunne|skal|vil|bliver|blev|får|fik|we|you|he|she|they|it|is|are|was|were|has|have|had|can|could|will|would|should|gets?|got)(?![\p{L}\d])/iu;

/**
 * Verbs of failing in the present tense, the sentence's own finite verb with the thing as its subject: "e-læringsmodulet
 * hænger på side 4", "kursusbeviserne mangler", "the e-learning module freezes every time", "kuben … viser ikke de nyeste tal".
 */
const FAILING_VERB = /(?<![\p{L}\d])(?:hænger|fryser|mangler|forsvinder|driller|fejler|crasher|freezes|crashes|hangs|fails|keeps|disappears)(?![\p{L}\d])/iu;

/**
 * A problem told as a sentence rather than named as a topic: a subject or a verb of being, having or being able
 * ({@link SENTENCE}), a verb negated ({@link PROBLEM}: "viser ikke", "won't load") or a verb of failing ({@link FAILING_VERB}) —
 * a thing as subject and its verb, which "fejlindmeldelse løn emnefelt" has not (round 29).
 */
function toldAsSentence(text: string): boolean {
  return SENTENCE.test(text) || PROBLEM.test(text) || (FAILING_VERB.test(text) && words(text).length >= TOLD_WITH_A_VERB);
}

/** Words a text with only a verb of failing has to be told rather than typed as keywords ("lønseddel mangler" is searched). */
const TOLD_WITH_A_VERB = 3;

/**
 * A case asked for in so many words: a verb of making or sending before the case itself ("open
 * ticket", "lav en ny sag", "send en henvendelse", "create a new case", "raise an issue").
 */
const ASKS_FOR_A_CASE =
  /(?<![\p{L}\d])(?:opret\p{L}*|oprett\p{L}*|lav|lave|send|sende|start|starte|åbn|åbne|indsend\p{L}*|registrer|registrere|create|open|raise|log|file|submit|make|register)\s+(?:(?:gerne|lige|venligst|bare|lige\s+hurtigt|please|pls|just|quickly)\s+)?(?:(?:en|et|a|an|the|ny|nyt|new|min|my|support)\s+){0,2}(?:sag|henvendelse|forespørgsel|ticket|case|request|issue|support\s+ticket)(?![\p{L}\d])/iu;

/**
 * The assistant or the desk asked to make a case, as a question: "kan du oprette en sag til brugeradministration?",
 * "vil I lave en ny sag om det?", "kan du opratte en sag?" (any verb but one of seeing, changing or ending a case),
 * "could you open a ticket for me?", or with the verb of making first ("laver du en sag om …", "opretter I en henvendelse
 * for mig?"). A request put politely, not a question about cases.
 */
const ASKED_TO_MAKE_A_CASE =
  /(?<![\p{L}\d])(?:(?:kan|vil|kunne|ville|gider)\s+(?:du|i)|(?:can|could|would|will)\s+you)\s+(?:(?:godt|lige|venligst|ikke|please|kindly|just)\s+)*(?!(?:se|finde|vise|læse|slette|lukke|annullere|ændre|tjekke|følge|forklare|show|find|see|read|delete|close|cancel|change|check|explain|tell)(?![\p{L}\d]))\p{L}{3,}\s+(?:(?:en|et|a|an)\s+)?(?:(?:ny|nyt|new)\s+)?(?:sag|henvendelse|ticket|case|support\s+ticket)(?![\p{L}\d])|(?<=^|[.,;:!?]\s*)(?:laver|opretter|sender|starter|åbner|registrerer)\s+(?:du|i)\s+(?:(?:godt|lige|venligst|ikke|så)\s+)*(?:(?:en|et)\s+)?(?:(?:ny|nyt)\s+)?(?:sag|henvendelse|ticket|case)(?![\p{L}\d])/iu;

/**
 * Leave asked to make a case, by the asker for themselves: "kan vi starte en ny sag", "kan jeg lige få oprettet en sag om
 * udlægget", "må jeg åbne en henvendelse", "can I open a ticket about my payslip" (round 29) — one case with its article, by
 * "jeg"/"vi"/"I"/"we": a request put as a question. "Kan man oprette en sag …" (anyone), "kan jeg oprette sager for de
 * andre institutioner" (cases in general), "hvordan kan jeg …" (asked how, see asksHow), a condition put on it
 * ({@link CASE_CONDITION}) and a question word ("which areas can I open a ticket in") ask about cases.
 */
const LEAVE_TO_MAKE_A_CASE =
  /(?<![\p{L}\d])(?:(?:kan|må|kunne)\s+(?:jeg|vi)\s+(?:(?:godt|lige|ikke|please)\s+)*(?:få\s+)?(?:oprette|oprettet|lave|lavet|starte|startet|åbne|åbnet|sende|sendt)|(?:can|could|may)\s+(?:i|we)\s+(?:(?:please|just)\s+)?(?:open|create|raise|log|start|submit|file|get))\s+(?:en|et|a|an)\s+(?:(?:ny|nyt|new)\s+)?(?:sag|henvendelse|ticket|case|support\s+ticket)(?![\p{L}\d])/iu;

/** A case asked for as a question: the assistant or the desk asked to make it ({@link ASKED_TO_MAKE_A_CASE}) or leave asked to ({@link LEAVE_TO_MAKE_A_CASE}). */
function askedToMakeACase(text: string): boolean {
  return ASKED_TO_MAKE_A_CASE.test(text) || (LEAVE_TO_MAKE_A_CASE.test(text) && !CASE_CONDITION.test(text) && !asksHow(text) && !QUESTION_WORD_INSIDE.test(text));
}

/**
 * A condition put on the case asked leave for ("kan jeg oprette en sag uden at være registreret", "… if I'm not registered"),
 * or another party it would be made for ("… på vegne af en anden institution", "… on behalf of a colleague", the merge of
 * round 29): whether it can be, a question.
 */
const CASE_CONDITION =
  /(?<![\p{L}\d])(?:uden|hvis|når|selvom|selv\s+om|inden|før|without|if|when|unless|before|på\s+vegne\s+af|on\s+behalf\s+of|for\s+(?:en|et)\s+(?:anden|andet|kollega)|for\s+(?:another|someone|a\s+colleague))(?![\p{L}\d])/iu;

/**
 * The desk asked to record what was told, as a case: "…, kan du registrere det?", "…, vil I oprette den?", "…, can you log
 * it?", "could you file this for me" — a verb of making a case with the thing told as its object.
 */
const ASKED_TO_LOG_IT =
  /(?<![\p{L}\d])(?:(?:kan|vil|kunne|ville|gider)\s+(?:du|i)|(?:can|could|would|will)\s+you)\s+(?:(?:godt|lige|venligst|please|kindly|just)\s+)*(?:oprette|registrere|logge|indberette|melde|sende\s+(?:det|den|dem)\s+videre|log|file|raise|register|submit|report|record|forward|pass)\s+(?:det|den|dem|it|this|that|them)(?:\s+(?:videre|on|for\s+(?:mig|os|me|us)))*\s*[?.!]*\s*$/iu;

/**
 * A case named by its subject, as a heading rather than a sentence: "sag om moms", "ny henvendelse
 * vedr. rejseafregning", "ticket regarding my payslip", "issue with ISOLA", "ny sag: …", "ticket – …". The case noun first, then
 * what it is about: the user names the case to be made (a question would ask about it; the user's own
 * case is "sagen"/"min sag", see {@link OWN_CASES}).
 */
const NAMES_A_CASE_ABOUT =
  /^(?:(?:en|et|a|an|ny|nyt|new)\s+){0,2}(?:sag|henvendelse|supportsag|forespørgsel|fejlmelding|ticket|case|request|issue|support\s+ticket)(?:\s+(?:om|vedr\.?|vedrørende|angående|ang\.?|omkring|about|regarding|concerning|re:?|on|for|i|in|med|with)(?![\p{L}\d])|\s*[:–—]\s*\S|\s+-\s+\S)/iu;

/**
 * An order made polite: an action verb in the imperative opening a clause, with "venligst", "lige",
 * "tak" or "please" after it and at most its object between ("opret det venligst", "…, slet brugeren
 * lige", "fix it please"). Asked this way, something is to be done by the desk — whatever the rest of
 * the text says about the subject ("min chef skal kunne godkende fakturaer i IndFak, opret det venligst").
 */
/**
 * An order in the passive: "skal"/"må" with the passive of a verb of administration ("skal deaktiveres", "skal slettes",
 * "må lukkes", "skal oprettes som bruger", "skal have adgangen fjernet" is NEED_TO_HAVE_DONE's) — what must be done to a user,
 * an access or a record.
 */
const PASSIVE_ORDER =
  /(?<![\p{L}\d])(?:skal|må|bør)\s+(?:(?:straks|hurtigst\s+muligt|snarest|gerne|lige|også|nu)\s+)?(?:deaktiveres|aktiveres|slettes|oprettes|lukkes|spærres|nulstilles|fjernes|tilføjes|ændres|rettes|flyttes|nedlægges|genåbnes|opdateres|tildeles|låses\s+op|oplåses|forlænges|overdrages)(?![\p{L}\d])/iu;

/** The imperatives an order opens with ("opret", "slet", "fix"), for {@link POLITE_ORDER}. */
const ORDER_VERBS = String.raw`opret|lav|send|slet|luk|ret|giv|tilføj|fjern|spær|nulstil|bestil|indberet|meld|registrer|ændr|opdater|create|open|raise|delete|remove|close|add|give|reset|fix|correct|change|update`;

const POLITE_ORDER = new RegExp(
  String.raw`(?:^|[,;:.!]\s*)(?:${ORDER_VERBS})(?:\s+(?:det|den|dem|ham|hende|mig|os|\p{L}+en|\p{L}+erne|it|them|him|her|me|us|this|that|the\s+\p{L}+)){0,2}\s+(?:venligst|lige|tak|please|pls)(?![\p{L}\d])` +
    // …or the politeness first: "pls register the hire in SLS", "venligst opret en sag", "please get this fixed".
    String.raw`|(?:^|[,;:.!]\s*)(?:venligst|please|pls|plz|kindly)\s+(?:${ORDER_VERBS}|register|set\s+up|get|have|look\s+into|check|sort|handle|investigate)(?![\p{L}\d])`,
  'iu',
);

/**
 * The action and case words long enough to be recognised with a typo ("opreet", "indberrete",
 * "henvendlese", "tikcet"): one edit (a swap counts as one) from one of them.
 */
const ACTION_WORDS_WITH_TYPOS = ['opret', 'oprette', 'indberet', 'indberette', 'indmeld', 'indmelde', 'bestil', 'bestille', 'anmeld', 'anmelde', 'henvendelse', 'forespørgsel', 'create', 'ticket', 'submit', 'report', 'request', 'problem'];

function typedActionWord(text: string): boolean {
  return cleanWords(text).some((w) => w.length >= 5 && ACTION_WORDS_WITH_TYPOS.some((base) => editDistanceWithin(w, base, 1) <= 1));
}

/** Whether the text asks for something to be done in words (see {@link ACTION_WORDS}, typos too), or reports a problem. */
export function asksForAction(text: string): boolean {
  return ACTION_WORDS.test(text) || POLITE_REQUEST.test(sentence(text)) || reportsAProblem(text) || typedActionWord(text);
}

/**
 * A need of something done, told ("vi skal have sat … op", "skal have tilføjet …", "vil gerne have ændret …", "we need X set
 * up"): "have" with a past participle, or "need" with one — what the desk is to do.
 */
const NEED_TO_HAVE_DONE =
  /(?<![\p{L}\d])(?:skal|må|vil|ønsker\s+at)\s+(?:(?:gerne|lige|bare|også)\s+)?(?:have|ha|få)\s+(?:\p{L}+\s+){0,3}?(?:\p{L}{3,}(?:et|ede)|sat|lagt|gjort|givet|flyttet)(?![\p{L}\d])|(?<![\p{L}\d])need\s+(?:\p{L}+\s+){1,4}?(?:set\s+up|added|created|changed|removed|fixed|updated|moved|closed|deleted)(?![\p{L}\d])/iu;

/** Something wrong, in words: an error, a rejection, a hang, a crash ("fejl", "afvist", "hænger", "sidder fast", "failed"). */
const SOMETHING_WRONG = new RegExp(String.raw`(?<![\p{L}\d])(?:${WRONG_WORDS})(?![\p{L}\d])`, 'iu');

/** Words that ask what to put in the field asked ("hvad skal der stå her?", "hvad skal jeg skrive?", "what do I enter here?"). */
const ABOUT_THE_FIELD =
  /(?<![\p{L}\d])(?:her|feltet|skrive|skriv|udfylde|udfylder|stå|angive|angiver|svare|mener\s+du|here|this\s+field|write|enter|fill\s+in|mean\s+by)(?![\p{L}\d])/iu;

function contentWords(text: string): string[] {
  const s = stemmers();
  return cleanWords(text).filter((w) => w.length >= 4 && !s.isStopword(w, 'da') && !s.isStopword(w, 'en'));
}

/**
 * Words of asking, helping, knowing, talking and using, of what the assistant is for and of the chat itself: what a question
 * about the assistant is made of ("hvilke emner kender du til", "what topics do you cover", "hvordan snakker man med dig",
 * "giv mig en oversigt over hvad du kan", "show me what you're capable of"; round 29 added knowing, talking, purpose,
 * capability, an overview shown, "herinde", and the interjections a chat message carries: "plz", "øh").
 */
const ABOUT_ASKING =
  /^(?:spørg\p{L}*|stille|stiller|hjælp\p{L}*|svar\p{L}*|besvar\p{L}*|slags|typer|emne\p{L}*|ting|bruge|bruges|bruger|kunne|klare|virker|fungere\p{L}*|chat\p{L}*|\p{L}*bot|\p{L}*botten|assistent\p{L}*|herinde|derinde|kend\p{L}*|ved|vide|snak\p{L}*|tale|taler|skrive|skriver|formuler\p{L}*|oversigt\p{L}*|overblik\p{L}*|vis|giv|funktion\p{L}*|formål\p{L}*|meningen|plz|pls|øh|øhm|hmm|question\p{L}*|ask\p{L}*|help\p{L}*|assist|assistant|answer\p{L}*|kind|kinds|type|types|sort|sorts|topics?|things?|stuff|able|capable|works?|know\p{L}*|cover\p{L}*|talk\p{L}*|write|show|give|phrase|phrasing|overview|features?|functions?|purpose|point|ur)$/iu;
/** The words of asking and helping that a typo is recognised in ("hjæle", "spøre"). */
const ASKING_WORDS = ['hjælpe', 'hjælp', 'spørge', 'svare', 'question', 'answer'];
/** The assistant addressed in the second person singular ("dig", "du", "dine"; in English "you", "u", "ur"), or by what it is ("den her chat", "this bot", "assistenten"). */
const TO_THE_ASSISTANT = /(?<![\p{L}\d])(?:du|dig|din|dit|dine|you|u|your|ur|chat|chatten|chatbot|chatbotten|bot|botten|assistent|assistenten|assistant)(?![\p{L}\d])/iu;
/**
 * A word that opens what a text is about ("om", "about", "med", "with", "til", "for", "i", "in", …): the word after it is a
 * subject. In lower case, and not after an English auxiliary or question word: "can I throw …", "how should i phrase …" have the
 * pronoun, not Danish "i".
 */
const TOPIC_BEFORE = /(?<![\p{L}\d])(?:om|about|med|with|til|for|(?<!(?:can|could|should|shall|do|did|would|will|may|must|might|when|if|so|and|what|how|where|why|then)\s+)i|in|på|on|af|of|vedr|vedrørende|angående|regarding|concerning)\s+(?:(?:the|a|an|en|et|den|det|min|mit|mine|my)\s+)?$/u;

function aboutAsking(word: string): boolean {
  return ABOUT_ASKING.test(word) || (word.length >= 5 && ASKING_WORDS.some((a) => editDistanceWithin(word, a, 1) <= 1));
}

/**
 * "Hvilke slags spørgsmål kan jeg stille dig?", "what kind of questions can I ask you", "hvordan virker
 * den her chat": the assistant asked what it can be asked, what it knows or how it works — the assistant spoken to, a word
 * of asking, helping or the chat itself among the words (a typo of one too: "hvad kan du hjæle med"), and every other word
 * of substance one of those — not an article's topic.
 *
 * `unfamiliar` (the recognizer's count of words it never saw): one everyday word it never saw may stand among them ("what is
 * this chat window for", "what sort of questions can I throw at you", "hvad er du egentlig skabt til at hjælpe med"; round
 * 29: such a question was declined as about that word) — not a subject introduced as one ("what do you know about taxes")
 * nor a name ("can you help in WorkZone").
 */
function asksWhatTheAssistantDoes(text: string, unfamiliar = 0): boolean {
  if (!TO_THE_ASSISTANT.test(text)) return false;
  const all = cleanWords(text);
  if (!all.some(aboutAsking)) return false;
  const s = stemmers();
  const odd = all.filter((w) => w.length >= 2 && !s.isStopword(w, 'da') && !s.isStopword(w, 'en') && !aboutAsking(w));
  if (odd.length === 0) return true;
  const [word] = odd;
  if (odd.length > 1 || unfamiliar < 1 || word === undefined) return false;
  const at = text.toLowerCase().indexOf(word);
  const written = at < 0 ? word : text.slice(at, at + word.length);
  return at >= 0 && !TOPIC_BEFORE.test(text.slice(0, at)) && !(at > 0 && /\p{Lu}/u.test(written)) && !/\p{N}/u.test(written);
}

/**
 * Whether a question is about the field being asked rather than a question of its own: it asks
 * what to write there, or names the field's own words ("hvad er et afregningsnummer?" at
 * «Afregningsnummer», "hvornår startede rejsen?" at «Rejsens startdato»). Such a question is
 * confirmed ("Er det dit svar til …?"; *Nej* asks the field again with its help), not answered
 * with whatever article shares a word with it.
 */
export function asksAboutTheField(text: string, label: { da: string; en: string }): boolean {
  if (ABOUT_THE_FIELD.test(text)) return true;
  const fieldWords = contentWords(`${label.da} ${label.en}`);
  return contentWords(text).some((w) => fieldWords.some((f) => f.includes(w) || w.includes(f)));
}

/** Words that ask which options there are ("hvilke muligheder har jeg", "hvilke områder er der", "what options do I have"). */
const ABOUT_THE_CHOICES =
  /(?<![\p{L}\d])(?:muligheder(?:ne)?|valgmuligheder(?:ne)?|vælge\s+(?:imellem|mellem)|områderne|systemerne|formularerne|options|choices|choose\s+from|pick\s+from)(?![\p{L}\d])|^(?:hvilke|which|what)\s+(?:områder|systemer|formularer|areas|systems|forms)(?![\p{L}\d])/iu;

/** Whether an answer's article speaks of the field (its title or passage holds one of the field's words). */
function answerSpeaksOf(result: AnswerResult, label: { da: string; en: string }): boolean {
  if (result.kind !== 'answered') return false;
  const shown = `${result.article.title} ${result.passage.text}`.toLowerCase();
  return contentWords(`${label.da} ${label.en}`).some((w) => shown.includes(w));
}

/** Whether the text asks how something is done. */
export function asksHow(text: string): boolean {
  const t = sentence(text);
  return HOW.test(t) && !HOW_IT_STANDS.test(t);
}

/**
 * A question about making something rather than a request for it: asked how ("hvordan vedhæfter jeg en
 * fil"), with a question word ("hvilken formular skal jeg bruge når …", "hvilke oplysninger skal jeg have
 * klar når jeg opretter en sag"), or of anyone ("skal man oprette en sag for at få adgang").
 */
export function asksAboutMaking(text: string): boolean {
  if (asksHow(text)) return true;
  if (!readsAsQuestion(text)) return false;
  const t = sentence(text);
  return WH_QUESTION.test(t) || GENERIC_SUBJECT.test(t);
}

/** "Skal man …", "kan man …": a question of anyone, not a request of one's own. */
const GENERIC_SUBJECT = /^(?:\p{L}+\s+)?man(?![\p{L}\d])/iu;

/** Words of reaching someone: a person, a phone, a mail, opening hours ("ring", "åbent", "sagsbehandler", "speak to", "hours"). */
const CONTACT_WORDS =
  /(?<![\p{L}\d])(?:telefon\p{L}*|tlf\p{L}*|ringe?|ringer|opkald|(?:å|aa)ben\p{L}*|(?:å|aa)bent|(?:å|aa)bne[rt]?|træffe\p{L}*|(?:å|aa)bning\p{L}*|åbnig\p{L}*|lukke[rt]?|lukket|person\p{L}*|menneske\p{L}*|medarbejder\p{L}*|sagsbehandler\p{L}*|konsulent\p{L}*|supporter\p{L}*|tale|snakke|snak|kontakt\p{L}*|mail\p{L}*|e-?mail\p{L}*|adresse\p{L}*|nummer\p{L}*|stille[st]?\s+om|stillet\s+om|fat\s+i|robot|kontoret|phone\p{L}*|call\p{L}*|open\p{L}*|close[sd]?|hours|human|agent|speak|talk|contact\p{L}*|reach|someone|somebody|number|transfer\p{L}*|connect\p{L}*|employee|consultant|handler|representative|operator)(?![\p{L}\d])/iu;

/** Words of reaching the desk long enough to be recognised with a typo ("åbingstider", "telefonummer", "kontakoplysninger"). */
const CONTACT_WORDS_WITH_TYPOS = ['åbningstid', 'åbningstider', 'åbningstiderne', 'telefonnummer', 'telefonnummeret', 'telefontid', 'telefontiden', 'kontaktoplysninger', 'sagsbehandler', 'medarbejder', 'menneske'];

/** Whether a word of the text is one edit from a word of reaching the desk (see CONTACT_WORDS_WITH_TYPOS). */
function contactWordTyped(text: string): boolean {
  return cleanWords(text).some((w) => w.length >= 7 && CONTACT_WORDS_WITH_TYPOS.some((c) => editDistanceWithin(w, c, 1) <= 1));
}

/**
 * Words of contact that also name things of the portal's: staff ("personalet", "personer"), a
 * report sent by mail, an address or a number. "Kan jeg få nøgletal om personalet på mail hvert kvartal?"
 * reaches no one; "hvad er jeres mail?" does, and the contact article answers it. English "hours" are hours worked or paid
 * as often as opening hours ("paying hours to many students at once"; round 28).
 */
const THING_LIKE_CONTACT =
  /(?<![\p{L}\d])(?:person(?:ale|er)\p{L}*|e-?mail\p{L}*|mail\p{L}*|adresse\p{L}*|nummer\p{L}*|number\p{L}*|(?<!(?:office|business|service|desk|support)\s+)hours)(?![\p{L}\d])/giu;

/** To the desk ("maile til jer", "mail til servicedesken", "email you"): a word of THING_LIKE_CONTACT before it reaches the desk. */
const TO_THE_DESK = /^\s+(?:til\s+|to\s+)?(?:jer|servicedesk\p{L}*|support(?:en)?|kundebetjening\p{L}*|you|the\s+(?:service\s*desk|support))(?![\p{L}\d])/iu;

/** The desk's own ("jeres mail", "your email address"): a word of THING_LIKE_CONTACT after it reaches the desk. */
const THE_DESKS = /(?:jeres|your|servicedeskens|supportens|deres)\s+$/iu;

/** Staff in general ("medarbejder", "medarbejdere", "employee", "konsulent", "kollega"): alone, a subject to look up, no one to reach. */
const STAFF_WORD = /^(?:medarbejder\p{L}*|medarbjeder\p{L}*|employees?|konsulent\p{L}*|consultants?|kolleg\p{L}*|colleagues?|staff|ansatte?)[\s.!?]*$/iu;

/** The desk named in the third person ("servicedesken", "kundebetjeningen", "Statens Administration"); not "supporten" (any system's). */
const THE_DESK_AS_THIRD_PARTY = /(?<![\p{L}\d])(?:serv\p{L}{2,5}\s*desk\p{L}*|kundebetj?\p{L}*|statens\s+adm\p{L}*)(?![\p{L}\d])/iu;

/** Spoken to as "du"/"you" (not "jeg"/"vi"/"os": the user's own side). */
const SECOND_PERSON = /(?<![\p{L}\d])(?:du|dig|din|dit|dine|you|your|u)(?![\p{L}\d])/iu;

/** Words of reaching someone beyond those that also name things (see THING_LIKE_CONTACT), unless they are the desk's. */
function reachingWords(text: string): boolean {
  return CONTACT_WORDS.test(text.replace(THING_LIKE_CONTACT, (word, offset: number) => (THE_DESKS.test(text.slice(0, offset)) || TO_THE_DESK.test(text.slice(offset + word.length)) ? word : ' ')));
}

/** How or whom to reach, asked ("hvem kan jeg kontakte", "hvordan får jeg fat i", "how do I reach", "who should I call"). */
const REACH_ASKED =
  /(?<![\p{L}\d])(?:hvem|hvordan|hvor|who|whom|how|where)(?![\p{L}\d]).*?(?<![\p{L}\d])(?:kontakte?r?|ringe?r?|(?:få|får|fik)\s+(?:(?:jeg|vi|man|du)\s+)?fat|fanger|contact|reach|call|phone|get\s+hold)(?![\p{L}\d])/iu;

/** The desk named as such ("jer", "jeres", "you", "servicedesken", "Statens Administration") — not "er i tvivl". */
const THE_DESK_NAMED =
  /(?<![\p{L}\d])(?:jer|jeres|you|your|serv\p{L}{2,5}\s*desk\p{L}*|kundebetj?\p{L}*|support(?:en)?|statens\s+adm\p{L}*)(?![\p{L}\d])/iu;

/** The desk's opening hours, phone, e-mail or address asked for ("åbningstiderne", "e-mail adresse", "phone number", "opening hours"). */
const CONTACT_DETAIL =
  /(?<![\p{L}\d])(?:(?:å|aa)bningstid\p{L}*|(?:å|aa)bent|telefon\p{L}*|tlf\p{L}*|e-?mail\p{L}*|mailadresse\p{L}*|adresse\p{L}*|opening\s+hours|hours|phone\p{L}*|email|e-mail|address)(?![\p{L}\d])/iu;

/**
 * How to use the chat itself asked ("hvad skal jeg skrive", "what am I supposed to type here", "hvordan kommer jeg i gang",
 * "hvilke kommandoer findes der", "vejledning i hvordan chatten bruges", "I don't understand what you want me to answer").
 */
const HOW_TO_USE_THE_CHAT =
  /^(?:(?:hvad|what)\s+(?:skal|må|am|should|do|can)\s+(?:jeg|i|you)\s+(?:(?:supposed\s+to|egentlig|så)\s+)?(?:skrive|skirve|svare|type|write|answer|enter|say)|hvad\s+skal\s+der\s+stå|hvordan\s+kommer\s+jeg\s+i\s*gang|how\s+do\s+i\s+(?:get\s+started|start|use\s+(?:this|you|the\s+chat))|(?:hvilke|which|what)\s+(?:kommandoer|commands)|i\s+do(?:n['’]?t|\s+not)\s+understand\s+what\s+you\s+want|jeg\s+forstår\s+ikke\s+hvad\s+du\s+vil)|(?:eksempl\p{L}*|examples?)\s+(?:på|of)\s+(?:hvad|what)\s+(?:jeg|man|i|you|one)\s+(?:kan|skal|må|can|could|should|may)\s+(?:skrive|spørge|stille|write|type|ask|say)|(?:vejledning|guide|instructions?|hjælp)\s+(?:i|til|for|on|om)\s+(?:hvordan\s+|how\s+)?(?:(?:man|you|to)\s+)?(?:chatten|chat|botten|assistenten|this\s+chat|the\s+chat|the\s+bot|use\s+(?:the\s+)?chat)/iu;

/**
 * What is written named as a thing of its own after "hvad skal jeg skrive"/"what should I write" ("i emnefeltet", "in the
 * subject line", "på fakturaen"): a question about that thing — the article that names it answers — not how the chat is
 * used. Not this chat or the field at hand ("her", "i det felt", "in this box", "to you") (round 28).
 */
const WRITTEN_IN_A_THING =
  /^\s*(?:i|ind\s+i|på|under|in|into|on)\s+(?:(?:the|a|an|den|det|de|en|et|our|vores|my|min|mit)\s+)?(?!(?:the|a|an|den|det|de|en|et|our|vores|my|min|mit|her|here|there|chat\p{L}*|bot\p{L}*|dig|you|this|that|denne|dette|felt|feltet|field|boks|boksen|box|feltet\s+her)(?![\p{L}\d]))\p{L}{3,}/iu;

/** Whether a text asks how to use the chat itself ({@link HOW_TO_USE_THE_CHAT}) — not what to write in a thing it names. */
function asksHowToUseTheChat(text: string): boolean {
  const s = sentence(text);
  const m = HOW_TO_USE_THE_CHAT.exec(s);
  return m !== null && !WRITTEN_IN_A_THING.test(s.slice(m.index + m[0].length));
}

/** The words of "how does this work" ("hvordan virker det her", "how does this thing work"), besides the verb. */
const HOW_THIS_WORKS_WORDS = new Set(['hvordan', 'how', 'det', 'den', 'her', 'dette', 'du', 'egentlig', 'så', 'nu', 'does', 'do', 'this', 'it', 'you', 'thing', 'actually', 'here', 'chat', 'chatten', 'bot', 'botten', 'assistenten']);
/** What the words point at: this chat ("det her", "du", "this thing"). */
const THIS_CHAT = new Set(['her', 'dette', 'du', 'this', 'you', 'thing', 'here', 'chat', 'chatten', 'bot', 'botten', 'assistenten']);
const WORKS_VERBS = ['virker', 'fungerer', 'works', 'work'];

/**
 * "Hvordan virker det her?", "hvordan fungerer du", "how does this thing work" (the verb with a typo too: "hvordan virkr det
 * her"): how the chat itself works, in nothing but those words — its help. "Hvordan virker det" alone may point back at an
 * answer; "hvordan virker godkendelsesflowet i IndFak" asks about a thing.
 */
function asksHowThisWorks(text: string): boolean {
  const w = cleanWords(sentence(text));
  // The question word typed one edit wrong too ("hvordn virker det her", round 29).
  const how = w[0] === 'how' || editDistanceWithin(w[0] ?? '', 'hvordan', 1) <= 1;
  if (w.length < 3 || w.length > 6 || !how || !w.some((x) => THIS_CHAT.has(x))) return false;
  w[0] = 'hvordan';
  const verbs = w.filter((x) => !HOW_THIS_WORKS_WORDS.has(x));
  return verbs.length === 1 && WORKS_VERBS.some((v) => editDistanceWithin(verbs[0] ?? '', v, 1) <= 1);
}

/**
 * How the chat itself is used ("hvordan bruger man den her chat", "how am I supposed to use this assistant", "hvordan
 * benytter jeg dig"): a verb of using with the assistant as its object, and nothing after it — its help, not an article.
 */
const USING_THE_CHAT =
  /^(?:hvordan|how)(?![\p{L}\d])(?:\s+\p{L}+){0,4}?\s+(?:bruge|bruger|benytte|benytter|use|using)\s+(?:(?:man|jeg|vi|i)\s+)?(?:(?:den|denne|det|this|the)\s+)?(?:her\s+)?(?:chat\p{L}*|\p{L}*bot|\p{L}*botten|assistent\p{L}*|assistant|dig|you)[\s?.!]*$/iu;

/**
 * A greeting with the user's name and where they are from, and nothing else ("Goddag, det er Lone fra lønkontoret", "hi,
 * this is Sam from HR"): a greeting — the name is no subject to look up.
 */
const GREETING_OPENING =
  /^(?:hej|hejsa|hejhej|halløj|halløjsa|hallo|goddag|godaw|godmorgen|god\s+morgen|god\s+eftermiddag|godaften|dav|davs|morn|mojn|hi|hiya|hello|hey|heya|morning|good\s+(?:morning|afternoon|evening))(?:\s+(?:igen|med\s+dig|again|there))?[\s,.!:;-]+/iu;
/** After the greeting: who is writing (a name, capitalised) and where from, to the end. */
const NAME_AND_PLACE =
  /^(?:[Dd]et\s+er|[Hh]er\s+er|[Jj]eg\s+hedder|[Mm]it\s+navn\s+er|[Tt]his\s+is|[Mm]y\s+name\s+is|I\s+am|I['’]m)\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?(?:\s+(?:fra|i|på|hos|from|at|in)\s+(?:\p{L}+[\s-]*){1,3})?\s*[.!]*$/u;

function greetsWithName(text: string): boolean {
  const opening = GREETING_OPENING.exec(text.trim());
  return opening !== null && NAME_AND_PLACE.test(text.trim().slice(opening[0].length));
}

/**
 * What may follow a greeting that still only greets: a name for the assistant ("hej med dig servicebot", "hi assistant") or
 * whether anyone is there ("halløj, er der nogen hjemme", "hey, anybody there?") — the assistant addressed, no subject asked.
 */
const GREETING_REST = new RegExp(
  String.raw`^(?:(?:(?:du|min|kære|dear|my)\s+)?(?:\p{L}*bot|\p{L}*botten|assistent\p{L}*|assistant|chat\p{L}*)|(?:er\s+(?:der|du)\s+)?(?:nogen|nogle|anyone|anybody|someone|somebody)(?:\s+(?:hjemme|der|til\s+stede|home|there|around|here|her))?|(?:is|are)\s+(?:anyone|anybody|someone|somebody|you)\s+(?:there|home|around|here)|` +
    // Whether the assistant is there or awake, or where ("hejsa, er du vågen", "hi, are you online?", "hej med dig derude"; round 29).
    String.raw`er\s+du\s+(?:der|her|vågen|online|klar|til\s+stede)|are\s+(?:you|u)\s+(?:awake|online|up|available)|derude|derinde|out\s+there|in\s+there)[\s?.!]*$`,
  'iu',
);

/** Whether the text greets the assistant and says nothing else (see {@link GREETING_REST}). */
function greetsTheAssistant(text: string): boolean {
  const opening = GREETING_OPENING.exec(text.trim());
  return opening !== null && GREETING_REST.test(text.trim().slice(opening[0].length));
}

/** Words that address the desk itself ("jeres", "har I", "your", "servicedesken"; "u", "ur" as texted, round 29), not a third party (a swimming pool, a pharmacy). */
const ADDRESSES_THE_DESK =
  /(?<![\p{L}\d])(?:jer|jeres|you|your|u|ur|servicedesk(?:en)?|service\s+desk|kundebetjening(?:en)?|support(?:en)?|statens\s+adm\p{L}*|(?:har|kan|er|vil)\s+i)(?![\p{L}\d])/iu;

/**
 * The user's own case or cases: "min sag", "mine henvendelser", "my ticket", "vores sager", the case
 * already spoken of ("sagen", "henvendelsen") or the one they sent ("den sag jeg sendte", "det jeg sendte", "the case I opened"),
 * or the list of them ("min sagsliste", "vores sagsoversigt", "my ticket list").
 */
const OWN_CASES =
  /(?<![\p{L}\d])(?:(?:min|mine|vores|my|our)\s+(?:\p{L}+\s+)?(?:sag|sagen|sager|henvendelse|henvendelser|supportsag|fejlmelding|fejlmeldinger|anmodning|forespørgsel|tickets?|cases?|requests?|inquiry|inquiries|sagsliste\p{L}*|sagsoversigt\p{L}*|(?:case|ticket)\s+(?:list|overview))|(?:sagen|henvendelsen|sagerne|henvendelserne|fejlmeldingen|anmodningen|forespørgslen)|(?:den|de|the)\s+(?:sag|sager|henvendelse|henvendelser|fejlmelding|anmodning|tickets?|cases?|requests?)\s+(?:jeg|vi|i|we)|(?:den|det|dem|what|the\s+one|the\s+thing)\s+(?:jeg|vi|I|we)\s+(?:har\s+|have\s+)?(?:sendte|sendt|oprettede|oprettet|indsendte|indberettede|skrev|skrevet|meldte|meldt|lavede|sent|opened|created|submitted|reported|wrote|raised|filed|logged))(?![\p{L}\d])/iu;

/** A case the user tells of having made ("I sent a ticket yesterday", "vi oprettede en sag i sidste uge", "jeg oprettede vist en sag"). */
const CASE_I_MADE =
  /(?<![\p{L}\d])(?:jeg|vi|i|we)\s+(?:(?:vist|nok|også|allerede|lige|just|already|also)\s+)?(?:har\s+|have\s+|had\s+)?(?:(?:vist|nok|også|allerede|lige|just|already|also)\s+)?(?:sendte|sendt|oprettede|oprettet|indsendte|indsendt|sent|opened|created|submitted|raised|filed|logged)\s+(?:(?:vist|nok|også|allerede|lige|just|already|also)\s+)?(?:(?:en|et|a|an|the|min|my|vores|our)\s+)?(?:ny\s+|new\s+)?(?:sag|henvendelse|ticket|case|request|inquiry)(?![\p{L}\d])/iu;

/** Words that ask how a case stands ("er den behandlet", "har I svar", "hvornår løser I den", "where is it at", "where's my case at", "any news"). */
const STANDING_ASKED =
  /(?<![\p{L}\d])(?:status|nyt|svar|besvaret|færdig\p{L}*|afsluttet|afsluttede|løst|løser\s+(?:i|du|de)|løses|solved|lukket|behandlet|kigget\s+på|set\s+på|hvor\s+langt|hvordan\s+går\s+det|hvor\s+står\s+(?:det|den|sagen)|(?:sket|skete|sker)\s+(?:der\s+)?(?:noget\s+)?med|blev\s+der\s+af|(?:gået|kommet)\s+i\s+gang\s+med|happened\s+(?:to|with)|became\s+of|worked\s+on|where\s+\p{L}+(?:\s+\p{L}+){0,6}\s+(?:is|are)\s+at|where(?:['’]s|\s+is|\s+are)\s+(?:my|our|the)\s+(?:\p{L}+\s+){0,3}?(?:case|ticket|request|inquiry)s?(?:\s+at)?(?=\s*(?:$|[?.!,]|now|then|at)(?![\p{L}\d]))|where\s+\p{L}+(?:\s+\p{L}+){0,8}\s+stands|progress|updates?|news|resolved|closed|done|answered|handled|fixed|finished|looked\s+at|picked\s+up)(?![\p{L}\d])/iu;

/**
 * Asked whether a case got to the desk at all ("er den kommet frem?", "har I modtaget min henvendelse?", "er den
 * registreret?", "did it go through?", "did you receive my request?"): the sender unsure that it was sent. A question only:
 * "min medarbejder er ikke registreret i SLS" states a problem.
 */
const RECEIPT_ASKED =
  /(?<![\p{L}\d])(?:modtaget|(?:har|have)\s+(?:i|du|you|nogen)\s+(?:fået|set)|kommet\s+(?:frem|igennem|ind|videre)|nået\s+frem|gået\s+igennem|kom\s+(?:\p{L}+\s+){0,6}(?:frem|igennem)|registreret|gemt|læst|received|arrived|(?:go|gone|went|got|come|came)\s+through|registered|reached\s+you|(?:did|have)\s+you\s+(?:get|got|seen|see|read))(?![\p{L}\d])/iu;

/** Whether the text asks how a case stands (see STANDING_ASKED), or, as a question, whether it arrived (RECEIPT_ASKED); the recognizer asks it too. */
export function asksHowItStands(text: string): boolean {
  return STANDING_ASKED.test(text) || (readsAsQuestion(text) && RECEIPT_ASKED.test(text));
}

/**
 * How the desk tells the sender how a case goes, asked of the process: a notice one gets ("får jeg en kvittering når …", "får man
 * besked når sagen er løst", "bliver jeg orienteret …", "will I get a confirmation …", "do I get notified when …", "do you send a
 * receipt"), the verb before its subject at the start of a sentence, in the present or future. Not a notice missed ("jeg fik ingen
 * kvittering – er den registreret?") nor an answer awaited ("hvornår får jeg svar?"): those ask after one case.
 */
const NOTICE_ASKED = new RegExp(
  String.raw`(?:^|[.,;:!?]\s*)(?:(?:og|men|så|and|but|so)\s+)?(?:` +
    String.raw`(?:får|modtager)\s+(?:jeg|vi|man|du)\s+(?:(?:så|også|altid|automatisk|egentlig)\s+)?(?:(?:nogen|noget|en|et)\s+)?(?:bekræftelse\p{L}*|kvittering\p{L}*|besked|notifikation\p{L}*|underretning\p{L}*|advis\p{L}*|mail|e-?mail)` +
    String.raw`|bliver\s+(?:jeg|vi|man)\s+(?:(?:så|også|altid|automatisk)\s+)?(?:underrettet|orienteret|informeret|adviseret|kontaktet)` +
    String.raw`|(?:will|do|does|would|shall)\s+(?:i|we|one)\s+(?:(?:also|always|automatically)\s+)?(?:(?:get|be)\s+(?:notified|informed|told|alerted|contacted)|(?:get|receive|be\s+sent)\s+(?:(?:an?|any|some)\s+)?(?:e-?mail\s+)?(?:confirmation|receipt|notification|notice|acknowledge?ment|e-?mail))` +
    String.raw`|(?:do|will|would)\s+you\s+(?:(?:also|always)\s+)?(?:send\s+(?:(?:an?|any)\s+)?(?:confirmation|receipt|notification|e-?mail)|notify|let\s+(?:me|us)\s+know)` +
    String.raw`)(?![\p{L}\d])`,
  'iu',
);

/**
 * Where cases are followed, asked of the portal rather than of one's own cases: where one follows or tracks them ("hvor kan jeg
 * følge med i hvordan det går med min sag", "where can I track my tickets"), where or whether anyone sees them ("hvor ser man
 * status på sin henvendelse", "kan man se status på sagerne"), or what the portal shows ("viser serviceportalen status på
 * sagerne", "does the portal show the status"). "Hvor kan jeg se mine sager" asks for the list (the user's own, seen).
 */
const WHERE_CASES_ARE_FOLLOWED =
  /^(?:(?:hvor|where)\s+(?:kan|skal|can|do|does|should)\s+(?:jeg|vi|man|i|we|one|you)\s+(?:(?:så|også|egentlig|then|also)\s+)?(?:følge|follow|track|keep\s+track)|(?:hvor|where)\s+(?:ser|finder|følger)\s+(?:man|jeg|vi)|(?:kan|can)\s+(?:man|one)\s+(?:se|følge|finde|see|follow|track)|(?:viser|kan)\s+(?:serviceportalen|portalen)|(?:does|can|will)\s+the\s+(?:service\s*)?portal)(?![\p{L}\d])/iu;

/** Whether the text asks how the desk tells or shows how cases go — a question of the portal, not one about the user's own case. */
export function asksHowCasesAreFollowed(text: string): boolean {
  const t = sentence(text);
  return NOTICE_ASKED.test(t) || WHERE_CASES_ARE_FOLLOWED.test(t);
}

/** A request told in the past tense ("oprettede", "har sendt", "skrev", "opened", "reported"). */
const MADE_BEFORE =
  /(?<![\p{L}\d])(?:oprettede|har\s+oprettet|indsendte|har\s+indsendt|sendte|har\s+sendt|skrev|har\s+skrevet|meldte|har\s+meldt|created|opened|submitted|raised|filed|logged|sent|reported)(?![\p{L}\d])/iu;

/** Whether the text tells of a request made before (see MADE_BEFORE). */
export function toldAsMadeBefore(text: string): boolean {
  return MADE_BEFORE.test(text);
}

/** Whether someone else than the user can see or follow something ("kan mine kolleger se …", "can my manager see …"). */
const OTHERS_SEE =
  /(?<![\p{L}\d])(?:kan|må|can|may)\s+(?:(?:mine|min|mit|vores|de|alle|andre|my|our|the|other|all)\s+)?(?:kolleg\p{L}*|chef\p{L}*|leder\p{L}*|andre|medarbejder\p{L}*|alle|stedfortræder\p{L}*|colleagues?|managers?|boss|others|everyone|staff|deputy)\s+(?:(?:også|godt|also)\s+)?(?:se|finde|følge|læse|see|find|follow|read|view)(?![\p{L}\d])/iu;

/** Asked where or whether something can be seen or followed ("kan jeg se …", "hvor kan man følge …", "where can I see …"). */
const WHERE_TO_SEE = /(?<![\p{L}\d])(?:(?:hvor\s+)?kan\s+(?:jeg|man|vi)\s+(?:se|finde|følge)|(?:where\s+)?can\s+(?:i|we|one)\s+(?:see|find|follow|track))(?![\p{L}\d])/iu;

/**
 * Someone else than the desk to be reached ("skal jeg ringe til chefen?", "kontakte min leder", "call my
 * manager"): the user's own boss, doctor or colleague, in the definite form or as the user's own — not a
 * person at the desk.
 */
const SOMEONE_ELSE_TO_REACH =
  /(?<![\p{L}\d])(?:ringe|ringer|ring|kontakte|kontakter|skrive|skriver|maile|mailer|call|phone|contact|email|e-mail|text)\s+(?:til\s+|to\s+)?(?:(?:min|mit|mine|vores|my|our)\s+\p{L}+|(?!(?:nogen|noget|hinanden)(?![\p{L}\d]))\p{L}{3,}(?:en|et)(?<!(?:servicedesk|support|kontor|sekretariat|team)(?:en|et)))(?![\p{L}\d])/iu;

/**
 * The opening hours of a place that is not the desk ("hvornår har kantinen åbent", "is the gym open today"):
 * a named place opened or closed, not "har I åbent" or "har servicedesken åbent".
 */
const PLACE_HOURS =
  /(?<![\p{L}\d])(?:har|holder|is|are)\s+(?:the\s+)?(?!(?:servicedesk|support|kundeservice|kundebetjening|sekretariat|jer|you|dig|your)\p{L}*(?![\p{L}\d]))\p{L}{3,}\s+(?:\p{L}+\s+)?(?:åbent|åben|lukket|open|closed)(?![\p{L}\d])/iu;

/**
 * A person asked for in words ("ring mig op", "can someone call me back", "kan jeg få fat i en fra
 * løn-teamet", "I want to speak to a person"), or the wish to phone the desk rather than write ("jeg vil hellere ringe", "I'd
 * rather call you"; round 29 — not a call to someone else: "jeg vil ringe til min chef"): the desk's contact, whatever else the
 * message says.
 */
const PERSON_ASKED =
  /(?<![\p{L}\d])(?:nogen\s+(?:\p{L}+\s+){0,4}(?:jeg|vi)\s+kan\s+(?:tale|snakke|chatte|skrive)\s+med|someone\s+(?:\p{L}+\s+){0,3}i\s+can\s+(?:talk|chat|speak)\s+(?:to|with)|ring(?:e|er)?\s+(?:mig|os)\s+(?:op|tilbage)|call\s+(?:me|us)\s+back|stil\s+(?:mig|os)\s+(?:videre|om)|(?:transfer|put)\s+(?:me|us)\s+(?:through|to)|give\s+(?:me|us)\s+a\s+call|få\s+fat\s+i\s+(?:en|et|nogen)|tale\s+med\s+(?:en|et|nogen)|snakke\s+med\s+(?:en|et|nogen)|speak\s+(?:to|with)\s+(?:a|an|someone|somebody)|talk\s+to\s+(?:a|an|someone|somebody)|get\s+hold\s+of\s+(?:someone|somebody|a|an)|(?:jeg|vi)\s+vil\s+(?:(?:hellere|gerne|bare|helst)\s+)?ringe(?:\s+til\s+(?:jer|dig|servicedesk\p{L}*|support\p{L}*|kundebetjening\p{L}*))?(?=\s*(?:$|[,.!?;]|i\s+stedet))|i(?:['’]d|\s+would)?\s+(?:rather|prefer\s+to|want\s+to|wanna)\s+(?:call|phone|ring)(?:\s+(?:you|u|you\s+guys|the\s+(?:service\s*)?desk))?(?=\s*(?:$|[,.!?;]|instead)))(?![\p{L}\d])/iu;

/** Someone from a team or a place ("en fra lønteamet", "nogen hos jer", "someone from payroll"): a person, not a thing. */
const A_PERSON_FROM = /(?<![\p{L}\d])(?:en|et|nogen|someone|somebody|anyone|a\s+person)\s+(?:fra|hos|from|at|in)\s+\p{L}/iu;

/**
 * What the user has sent or made, asked after ("alt det jeg har sendt ind", "hvad har jeg af sager", "what
 * inquiries have I submitted", "hvilke sager er oprettet fra vores fællespostkasse"): the user's own cases, named by what they did
 * or where they sent them from rather than by "min sag".
 */
const OWN_SUBMISSIONS =
  /(?<![\p{L}\d])(?:(?:det|dem|alt\s+det|hvad|hvilke|what|which)\s+(?:\p{L}+\s+)?(?:jeg|vi|i|we)\s+(?:har\s+|have\s+)?(?:sendt|indsendt|oprettet|sent|submitted|created|opened|raised|filed)|(?:har|have)\s+(?:jeg|vi|i|we)\s+(?:af\s+)?(?:sager|henvendelser|tickets|cases|requests|inquiries)|(?:sager|henvendelser|tickets|cases|requests|inquiries)\s+(?:har|have)\s+(?:jeg|vi|i|we)|(?:sager|henvendelser|tickets|cases|requests|inquiries)\s+(?:(?:er|blev|var|are|were|have\s+been|has\s+been)\s+)?(?:sendt|indsendt|oprettet|sent|submitted|created|opened|raised)\s+(?:fra|af|fra\s+vores|from|by)\s+(?:vores|min|mit|mig|os|our|my|me|us))(?![\p{L}\d])/iu;

/**
 * An overview of the user's cases asked for: what they have sent or made in the plural or as a whole ("alt det jeg har
 * sendt", "hvad har jeg oprettet", "which requests have I raised" — not "det jeg sendte", one case), cases they have
 * ("har jeg nogen sager", "har jeg stadig åbne henvendelser"), or what they have going with the desk ("hvad har jeg gang i
 * hos jer", "har jeg noget liggende", "hvad venter jeg svar på", "what have I got open", "what am I waiting on"), or whether
 * they have sent anything at all ("har jeg sendt noget ind om refusion", "have I submitted anything"; round 29).
 */
const OVERVIEW_ASKED =
  /(?<![\p{L}\d])(?:(?:dem|alt\s+det|alt\s+hvad|hvad|hvilke|what|which|everything|all)\s+(?:\p{L}+\s+)?(?:jeg|vi|i|we)\s+(?:har\s+|have\s+|['’]ve\s+)?(?:sendt|indsendt|oprettet|indberettet|sent|submitted|created|opened|raised|filed|reported)|(?:har|have)\s+(?:jeg|vi|i|we)\s+(?:(?:af|nogen|nogle|flere|stadig|egentlig|any|some|still)\s+)*(?:\p{L}+\s+)?(?:sager|henvendelser|tickets|cases|requests|inquiries)|(?:sager|henvendelser|tickets|cases|requests|inquiries)\s+(?:har|have)\s+(?:jeg|vi|i|we)|(?:hvad|noget)\s+(?:har|står)\s+(?:jeg|vi)\s+(?:(?:egentlig|stadig|nu|så|af)\s+)*(?:gang\s+i|kørende|liggende|åbent|udestående)|har\s+(?:jeg|vi)\s+(?:(?:egentlig|stadig|nu)\s+)*noget\s+(?:gang\s+i|kørende|liggende|åbent|udestående)|hvad\s+(?:venter|afventer)\s+(?:jeg|vi)\s+(?:\p{L}+\s+){0,2}(?:svar|på)|what\s+(?:have|do)\s+(?:i|we)\s+(?:got\s+)?(?:open|pending|outstanding|going\s+on)|what\s+am\s+i\s+(?:still\s+)?waiting\s+(?:on|for)|har\s+(?:jeg|vi)\s+(?:(?:egentlig|stadig|nu|allerede|overhovedet)\s+)*(?:sendt|indsendt|oprettet|meldt|indmeldt|indberettet)\s+(?:noget|nogen|nogle)|have\s+(?:i|we)\s+(?:(?:already|ever|actually)\s+)*(?:sent|submitted|created|opened|raised|filed|reported)\s+(?:anything|any))(?![\p{L}\d])/iu;

/**
 * The user's own answer awaited, the whole text ("hvornår får jeg svar?", "har I svaret?", "er der kommet svar", "have you replied
 * yet?", "any news?"), also with whom it is awaited from ("er der svar fra sagsbehandleren", "any reply from the service desk?").
 */
const AWAITING_REPLY =
  /^(?:(?:hej|hi|hello|og|and)[\s,]+)?(?:(?:hvornår\s+)?(?:får|kan)\s+jeg\s+(?:få\s+)?(?:et\s+)?svar|(?:har|have)\s+(?:i|du|you|sagsbehandler(?:en)?|servicedesk(?:en)?|kundebetjening(?:en)?|nogen|the\s+(?:case\s*worker|caseworker|agent|handler|desk|service\s+desk)|anyone|someone)\s+(?:svaret|set\s+på\s+det|kigget\s+på\s+det|answered|replied|responded|looked\s+at\s+it)|(?:er|kommer)\s+der\s+(?:kommet\s+)?(?:et\s+)?(?:svar|nyt)|(?:when\s+will\s+i\s+(?:get\s+(?:an?\s+)?(?:answer|reply|response)|hear\s+back))|(?:did|will)\s+you\s+(?:answer|reply|respond|get\s+back(?:\s+to\s+me)?)|any\s+(?:news|reply|answer|response|update)s?)(?:\s+(?:fra|from)\s+(?:jer|dig|you|sagsbehandler(?:en)?|servicedesk(?:en)?|support(?:en)?|kundebetjening(?:en)?|the\s+(?:case\s*worker|caseworker|agent|handler|desk|service\s+desk|support)))?(?:\s+(?:endnu|snart|yet|soon|now|nu))?\s*[?!.]*\s*$/iu;

/**
 * What the assistant can do asked of cases or questions in general: "kan du oprette sager?", "kan du også se status
 * på sager, eller …?", "can you create tickets or only answer questions?". The plural with no article: one case asked
 * for ("kan du oprette en sag?") is the request.
 */
const CAPABILITY_ASKED =
  /^(?:(?:og|men|and|but|hej|hi)[\s,]+)?(?:kan|can)\s+(?:du|you)\s+(?:(?:også|også\s+godt|godt|also|really|actually)\s+)?(?:oprette|lave|åbne|sende|svare\s+på|hjælpe\s+med|finde|vise|se|følge|create|open|make|answer|help\s+with|find|show|see|track|check)\s+(?:(?:status\s+på|the\s+status\s+of)\s+)?(?:sager|henvendelser|tickets|cases|spørgsmål|questions)(?:\s*(?:,\s*)?(?:eller|or|og|and)\s+[^?]*)?\s*\?\s*$/iu;

/** The user's own cases opening a text, as a heading ("mine sager i …", "vis mine henvendelser om …", "my tickets about …"). */
const MY_CASES_OPENING =
  /^(?:(?:vis|se|show|list)\s+(?:mig\s+|me\s+)?)?(?:alle\s+|all\s+)?(?:mine|my|vores|our)\s+(?:sager|henvendelser|cases|tickets|requests)\s+(?:i|om|under|vedr\.?|vedrørende|fra|in|about|for|on|regarding|from)(?![\p{L}\d])/iu;

/** Words that ask to see or list something ("se", "vis", "en oversigt", "hvad", "which", "show me", "list"). */
const LISTING_ASKED = /(?<![\p{L}\d])(?:se|vis|oversigt|overblik|liste|hvad|hvilke|show|list|see|overview|what|which)(?![\p{L}\d])/iu;

/** The case nouns a possessive names ("min sag"), for a typo of one ("min sgag", "my tikcet"). */
const CASE_NOUNS = ['sag', 'sagen', 'sager', 'henvendelse', 'henvendelser', 'ticket', 'tickets', 'case', 'cases'];
const POSSESSIVE = /^(?:min|mine|mit|vores|my|our)$/iu;

/** The user's own case(s) named, also with a typo in the case noun after a possessive ("er min sgag om ISOLA behandlet?"). */
function namesOwnCases(text: string): boolean {
  if (OWN_CASES.test(text) || CASE_I_MADE.test(text) || OWN_SUBMISSIONS.test(text) || OVERVIEW_ASKED.test(text)) return true;
  const w = cleanWords(text);
  return w.some((word, i) => i > 0 && POSSESSIVE.test(w[i - 1] ?? '') && word.length >= 3 && CASE_NOUNS.some((noun) => editDistanceWithin(word, noun, 1) <= 1));
}

/**
 * Something of the user's named that is not a case: a possessive before another noun ("min ansøgning", "mit pas",
 * "my application"), with no case of theirs named anywhere in the text (not after a word either: "my open cses")
 * and the desk not spoken to ("hvor langt er I nået med det om vores budgetfil" asks the desk after what it was sent).
 */
function ownMatterNotACase(text: string): boolean {
  if (namesOwnCases(text) || CASE_WORDS.test(text) || ADDRESSES_THE_DESK.test(text)) return false;
  const w = cleanWords(text);
  const caseNoun = (word: string | undefined): boolean => word !== undefined && word.length >= 3 && CASE_NOUNS.some((noun) => editDistanceWithin(word, noun, 1) <= 1);
  return w.some((word, i) => i > 0 && POSSESSIVE.test(w[i - 1] ?? '') && word.length >= 4 && !caseNoun(word) && !caseNoun(w[i + 1]));
}

/** "Hvad betyder fejlkoden …", "what does the error … mean": what something means is asked, not a problem reported. */
const ASKS_WHAT_IT_MEANS = /^(?:hvad\s+(?:betyder|dækker|står)|what\s+(?:does|do|is\s+meant)|what['’]s\s+the\s+meaning)(?![\p{L}\d])/iu;

/** A verb of reporting an error ("melder", "indmelde", "fejlmelde", "report"): what a question about reporting asks of. */
const REPORTING = /(?<![\p{L}\d])(?:meld\p{L}*|indmeld\p{L}*|anmeld\p{L}*|fejlmeld\p{L}*|report\p{L}*)(?![\p{L}\d])/iu;

/** The verbs that make a case of whatever they are about ("opret", "indberet", "meld", "report", "open a …"). */
const CASE_ACTION = /(?<![\p{L}\d])(?:opret\p{L}*|oprett\p{L}*|indberet\p{L}*|indmeld\p{L}*|meld|melde|meldt|anmeld\p{L}*|create|open|raise|report|submit|file|log)(?![\p{L}\d])/iu;

/** Access, logging in or a password: what a user asks of a system ("adgang til", "log ind i", "access to", "password"). */
const ACCESS_OR_LOGIN = /(?<![\p{L}\d])(?:adgang\p{L}*|log(?:ge)?\s*(?:ind|på|in|on)|login|password|adgangskode\p{L}*|access)(?![\p{L}\d])/iu;

/** The case itself named: "sag", "henvendelse", "ticket", "case", "request". */
const CASE_WORDS = /(?<![\p{L}\d])(?:sag|sagen|sager|henvendelse\p{L}*|forespørgsel|ticket|tickets|case|cases|request)(?![\p{L}\d])/iu;

/** A word of thanks ("tak", "thanks", "thx"). */
const THANKS_SAID = /(?<![\p{L}\d])(?:tak|tack|thanks|thank\s+you|thx|ty)(?![\p{L}\d])/iu;

/** The knowledge base found nothing about the text's words (not merely no words to search: "det virker ikke"). */
function unplaced(result: AnswerResult): boolean {
  return result.kind === 'unknown' && result.reason !== 'no-content-words';
}

/**
 * A status asked of something that is not a case at the desk, with no case of the user's named (no case word, no case
 * number): something of their own that is no case, with nothing of the portal named ("min ansøgning om boligstøtte",
 * "my application for a passport"), or what the knowledge base places in another's world (private life, another
 * authority's service, a name the articles never use: "svar på min ansøgning om SU").
 */
function awaitedElsewhere(text: string, namesPortal: boolean, knowledge: () => AnswerResult): boolean {
  if (namesOwnCases(text) || CASE_WORDS.test(text) || findCaseNumbers(text).length > 0) return false;
  if (ownMatterNotACase(text) && !namesPortal) return true;
  const found = knowledge();
  return found.kind === 'unknown' && (found.reason === 'private-life' || found.reason === 'unknown-name');
}

/** The knowledge base declined the text as the asker's private life (knowledge/decline.ts). */
function privateLife(result: AnswerResult): boolean {
  return result.kind === 'unknown' && result.reason === 'private-life';
}

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter((w) => w !== '');
}

/** Whether a text could be a value of the given strict shape (before the form engine validates it). */
export function fitsShape(text: string, shape: 'code' | 'number' | 'date' | 'email' | 'phone', label?: Localized): boolean {
  if (fitsAsIs(text, shape)) return true;
  // "Det er faktura 12345", "beløbet er 4.500 kr", "hendes mail er mette@…": a sentence that points at a value of the shape;
  // at a code, one the form spells its own way too ("det er marts 2026", "cvr-nummeret er 12 34 56 78").
  if (shape === 'code' && valuesInSentence(text, 'formatted', label).some((value) => monthYear(value) !== undefined || /^\d{8}$/.test(normaliseCvr(value)))) return true;
  return valuesInSentence(text, shape, label).some((value) => (shape === 'number' ? parseNumberAnswer(value) !== undefined : shape === 'date' ? parseDate(value) !== undefined : fitsAsIs(value, shape)));
}

function fitsAsIs(text: string, shape: 'code' | 'number' | 'date' | 'email' | 'phone'): boolean {
  const t = text.trim();
  const n = words(t).length;
  switch (shape) {
    case 'email':
      return /\S+@\S+/.test(t) && n <= 3;
    case 'phone':
      return (t.match(/\d/g) ?? []).length >= 8 && n <= 5;
    case 'number':
      // "tolv", "ca. 12 medarbejdere": what the form reads as a number.
      return ((/\d/.test(t) && n <= 4) || parseNumberAnswer(t) !== undefined) && !t.includes('?');
    case 'date':
      // "i morgen", "på mandag", "1. marts": what the form reads as a date.
      return (/\d/.test(t) || parseDate(t) !== undefined) && n <= 5 && !t.includes('?');
    case 'code':
      // Digits in groups are one code ("12 34 56 78", "cvr er 12 34 56 78").
      return words(t.replace(/(?<=\d)\s+(?=\d)/g, '')).length <= 3 && !t.includes('?') && (/\d/.test(t) || /^[A-ZÆØÅ0-9][A-ZÆØÅ0-9\-_/.]+$/.test(t));
  }
}

/** An intent about one case the user names by its number (its status, a comment or a file for it). */
function namesItsCase(intent: Recognition['intent']): boolean {
  return (intent.kind === 'status' || intent.kind === 'addComment' || intent.kind === 'attachFile') && intent.caseNumber !== undefined;
}

/**
 * A case asked for in a sentence of its own after the rest ("min lønseddel viser forkert skatteprocent, hvem
 * kan rette det?? opret gerne en sag"): the last sentence is the order, whatever the sentences before it ask.
 */
function ordersACaseAfter(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+/u).filter((part) => part.trim() !== '');
  const last = sentences.at(-1);
  return sentences.length > 1 && last !== undefined && ASKS_FOR_A_CASE.test(last) && !readsAsQuestion(last) && !asksHow(last);
}

/**
 * The desk asked to correct something ("kan I rette min adresse", "kan i få rettet min feriesaldo", "can you
 * fix the cost centre"): that something is wrong is said by the request itself.
 */
const ASKED_TO_CORRECT = /(?<![\p{L}\d])(?:rette|rettet|korrigere|korrigeret|fikse|fikset|fix|fixed|correct|corrected)(?![\p{L}\d])/iu;

/**
 * The desk (or the assistant) asked to change something in so many words ("gider du lige registrere at vores
 * kontaktperson er skiftet", "kan I oprette en bruger til Mette", "…, can you set that up?"): a
 * request in a question's form — with nothing wrong said, unlike {@link DESK_ASKED_TO_ACT}.
 */
const CHANGE_ASKED =
  /(?:^|[.,;:!?]\s*)(?:(?:kan|vil|kunne|ville|gider)\s+(?:du|i|nogen|en\s+af\s+jer)|(?:can|could|would|will)\s+(?:you(?:\s+(?:guys|all|folks))?|someone|somebody|one\s+of\s+you))\s+(?:(?:lige|venligst|godt|please|kindly|just)\s+)?(?:registrere|oprette|ændre|opdatere|slette|tilføje|fjerne|spærre|lukke|nulstille|indberette|tildele|låse\s+op|register|create|update|change|delete|add|remove|reset|close|unlock|set\s+up|set\s+(?:that|it|this|them)\s+up|sætte\s+(?:det|den|dem)\s+op)(?![\p{L}\d])/iu;

/**
 * Access asked for, for the asker or someone named, in a question's form (round 28): "kan jeg få adgang til ØS Indsigt?",
 * "må jeg bede om adgang til Statens HR", "kan vi få oprettet en ny godkender i IndFak", "kan min kollega få de samme
 * rettigheder som mig i RejsUd", "har I mulighed for at give mig rettigheder til …", "can I get access to the LDV cubes" — a
 * request to the desk, as "kan I give mig adgang" is. "Kan man få adgang …", "hvem kan få adgang …", "hvordan får jeg adgang …"
 * ask how access is had.
 */
const ACCESS_ASKED_FOR = new RegExp(
  String.raw`^(?:(?:kan|kunne|må|mon)\s+(?:jeg|vi|min\s+\p{L}+|mine\s+\p{L}+|vores\s+\p{L}+)\s+(?:(?:godt|lige|også|gerne|ikke)\s+)*(?:få|bede\s+om|have)|(?:can|could|may)\s+(?:i|we|my\s+\p{L}+|our\s+\p{L}+)\s+(?:(?:please|also|just)\s+)*(?:get|have|be\s+given|request|ask\s+for))\s+(?:\p{L}+\s+){0,4}?(?:\p{L}*adgang\p{L}*|rettighed\p{L}*|bruger|brugeradgang|brugerkonto|login|adgangskode\p{L}*|password|godkender\p{L}*|roller?|rollen|rollerne|access|permissions?|rights|user|account|login)(?![\p{L}\d])` +
    String.raw`|^(?:har|have)\s+(?:i|du|you)\s+(?:\p{L}+\s+)?mulighed\s+for\s+at\s+(?:give|oprette|tildele|åbne|nulstille)(?![\p{L}\d])`,
  'iu',
);

/** A condition or circumstance that makes a request for access a question of whether it may be had ("… som selvejende", "… uden Excel", "if …"). */
const ACCESS_CONDITION = /(?<![\p{L}\d])(?:som(?!\s+(?:mig|jeg|os|vi|dig|du|hende|ham)(?![\p{L}\d]))|hvis|når|uden|selvom|selv\s+om|if|as\s+an?|without|when|even)(?![\p{L}\d])/iu;

/** Whether the text asks for access for someone in a question's form ({@link ACCESS_ASKED_FOR}), with no condition that makes it a question of whether. */
export function asksForAccess(text: string): boolean {
  const s = sentence(text);
  return ACCESS_ASKED_FOR.test(s) && !GET_IT_TO.test(s) && !ACCESS_CONDITION.test(s) && words(s).length <= 14;
}

/** A case number with at most a word or two around it ("SA-2026-000123", "sag SA-2026-000123"), not a request naming one. */
function isBareCaseNumber(text: string, recognition: Recognition): boolean {
  const intent = recognition.intent;
  if ((intent.kind !== 'status' && intent.kind !== 'addComment') || !intent.caseNumber) return false;
  const rest = text.replace(/\bSA[\s-]?\d{4}[\s-]?\d{1,6}\b/gi, ' ');
  return words(rest).length <= 2 && !/\bstatus\b/i.test(rest) && !rest.includes('?');
}

// ---------------------------------------------------------------------------------------------
// Intents

/** Intents that interrupt whatever is asked when the whole text is the command. */
const INTERRUPTING: ReadonlySet<IntentKind> = new Set(['help', 'cancel', 'restart', 'myCases', 'showMore', 'status', 'human', 'language']);

/** Intents that ask for something to be done (the alternative to answering a question). */
const REQUESTS: ReadonlySet<IntentKind> = new Set(['createCase', 'myCases', 'showMore', 'status', 'addComment', 'attachFile', 'register', 'communityAccess', 'membership', 'mailboxMembers', 'human']);

/** Below this coverage of a question's words by the best article, the articles hardly speak of it (see aboutNothingOfThePortal). */
const OFF_TOPIC_COVERAGE = 0.5;

/** Small talk and conversation control. */
const SOCIAL: ReadonlySet<IntentKind> = new Set(['greeting', 'thanks', 'help', 'cancel', 'restart', 'yes', 'no', 'ask']);

// ---------------------------------------------------------------------------------------------
// The decision

export function decide(input: RouteInput): RouteDecision {
  const { recognition, expectation } = input;
  const base = { intent: recognition.intent.kind, confidence: recognition.confidence, expecting: expectation.kind } as const;
  let asked: AnswerResult | undefined;
  // A short follow-up ("hvem skal bruge det?", "og hvad med RejsUd?") is asked of the knowledge base with the answer before it.
  const free = expectation.kind === 'none' || (expectation.kind !== 'field' && expectation.about.startsWith('router:'));
  /** "Og hvad med RejsUd?" whose answer was asked of that system's own articles only (its id). */
  let otherSystem: string | undefined;
  // "Kan du sige det mere enkelt?", "forstår ikke", "hvad betyder det?" after an answer: that answer explained again (another
  // passage of its article), not a new search for the words of not understanding.
  if (free && input.previous !== undefined && recognition.intent.kind !== 'language' && asksToExplainAgain(input.text)) {
    return { ...base, route: { kind: 'intent', intent: { kind: 'explain' } }, reason: 'follow-up' };
  }
  const followUp = free ? readWithPrevious() : undefined;
  const knowledge = (): AnswerResult => (asked ??= input.knowledge(followUp ?? input.text, input.lang));
  const done = (route: Route, reason: RouteReason): RouteDecision => ({
    ...base,
    route,
    reason,
    ...(asked ? { knowledge: asked.kind, knowledgeScore: bestScore(asked), ...(asked.kind === 'unknown' ? { knowledgeReason: asked.reason } : {}) } : {}),
  });
  const answer = (reason: RouteReason, inDoubt = false): RouteDecision => done({ kind: 'answer', inDoubt }, reason);
  const intent = (reason: RouteReason): RouteDecision => done({ kind: 'intent', intent: recognition.intent }, reason);
  const ask = (reason: RouteReason): RouteDecision => {
    const answer = knowledge();
    // Not the portal's: a problem with something it does not name, a name the knowledge base does not know, or a password
    // or access asked for a thing the articles do not speak of ("adgangskode til e-Boks", "password to my work laptop").
    const outsidePortal =
      unplaced(answer) &&
      (reason === 'outside-portal' ||
        reason === 'unknown-subject' ||
        (answer.kind === 'unknown' && answer.reason === 'unknown-name' && ACCESS_OR_LOGIN.test(input.text)) ||
        (answer.kind === 'unknown' && answer.reason === 'access-not-held') ||
        (reportsAProblem(input.text) && !namesThePortal(recognition.slots) && !ADDRESSES_THE_DESK.test(input.text)));
    const offTopic = !outsidePortal && followUp === undefined && aboutNothingOfThePortal(answer);
    const missingFor = otherSystem !== undefined && answer.kind === 'unknown' ? getSystem(otherSystem)?.name : undefined;
    // Two questions in one message, the whole answered: the dialog answers the part that answer leaves out too.
    const parts = expectation.kind === 'none' && followUp === undefined && answer.kind === 'answered' ? twoQuestions(input.text) : undefined;
    return done(
      {
        kind: 'knowledge',
        answer,
        ...(outsidePortal ? { outsidePortal } : {}),
        ...(offTopic ? { offTopic } : {}),
        ...(followUp !== undefined ? { asked: followUp } : {}),
        ...(missingFor !== undefined ? { missingFor } : {}),
        ...(parts !== undefined ? { parts } : {}),
      },
      reason,
    );
  };

  const kind = recognition.intent.kind;
  const text = input.text;
  const question = readsAsQuestion(text);

  /**
   * The system a problem is told in: the one named, or else the one its thing implies (round 28) — inside a compound
   * ("indfakfakturaen", "rejseafregningsmodulet"), by the area's word ("lønsedlen", "lønnen"), or by a form of one system told
   * by its problem ("dobbelt løn" of «Fejl i lønkørsel»). "Lønsedlerne i e-boks er tomme" tells a problem in SLS as surely as
   * "SLS viser tomme lønsedler"; routing read the named system only before.
   */
  const problemSystem: string | undefined = (() => {
    const slots = recognition.slots;
    if (slots.systemId !== undefined || slots.systemImplied !== undefined) return slots.systemId ?? slots.systemImplied;
    const form = slots.formId === undefined ? undefined : getForm(slots.formId);
    return form !== undefined && form.systemIds.length === 1 ? form.systemIds[0] : undefined;
  })();

  /**
   * "Hvordan bliver vejret i morgen?", "tell me a joke", "hvad er hovedstaden i Frankrig": a question or small talk
   * that names nothing of the portal (no area, system or form, no case, no access), is not put to the desk and
   * reports no problem, whose words the articles hardly speak of (none matched, or the best article covers less
   * than half of them) or that asks what a thing is that the articles only name in passing ("hvad er kildeskat":
   * general knowledge, round 24) — no case with Statens Administration would answer it either.
   */
  function aboutNothingOfThePortal(answer: AnswerResult): boolean {
    if (answer.kind !== 'unknown') return false;
    const unmatched =
      answer.reason === 'no-match' ||
      answer.reason === 'common-words' ||
      answer.reason === 'definition-not-held' ||
      (answer.reason === 'low-confidence' && (answer.coverage ?? 1) < OFF_TOPIC_COVERAGE);
    const slots = recognition.slots;
    return (
      unmatched &&
      (kind === 'question' || SOCIAL.has(kind)) &&
      slots.areaId === undefined &&
      slots.systemId === undefined &&
      slots.formId === undefined &&
      !ADDRESSES_THE_DESK.test(text) &&
      // "… før I svarer": the desk as Danish "I", capitalised inside a Danish sentence.
      !(input.lang === 'da' && /(?<=\S\s+)I(?![\p{L}\d])/u.test(text)) &&
      !CASE_WORDS.test(text) &&
      !ACCESS_OR_LOGIN.test(text) &&
      !reportsAProblem(text) &&
      !SOMETHING_WRONG.test(text)
    );
  }

  switch (expectation.kind) {
    case 'choice': {
      // A typed answer to a pending choice is matched against that choice first.
      const exact = exactChoice(expectation.choices, text);
      if (recognition.command && (kind === 'help' || kind === 'cancel' || kind === 'restart') && !exact) return intent('command');
      if (exact) return answer('choice-exact');
      // The router's own yes/no offered as buttons («Opret en sag»), answered in words ("ok gør det"; see readInContext).
      if ((kind === 'yes' || kind === 'no') && expectation.about.startsWith('router:') && expectation.choices.some((c) => c.id === kind)) return answer('yes-no');
      // The case offered, asked for in a few words ("opret", "ja tak, opret den") or answered with its details ("fakturanr
      // 12345 fra Dell"): the case, on the path offered — not a new request without it, nor a question searched.
      if (expectation.about === 'router:offerCase' && (asksForTheCase(text) || (givesCaseDetails(text) && !recognition.command))) return answer('yes-no');
      // "Det ved jeg ikke", "I don't know": the dialog helps with its options — never a cancel, however sure
      // the classifier is of one. The router's own offers give way to whatever comes next.
      if (saysDontKnow(text) && !expectation.about.startsWith('router:')) return answer('dont-know');
      if (recognition.command && INTERRUPTING.has(kind)) return intent('command');
      // "Du forstår mig ikke", "det giver ingen mening" at a choice name no option, whatever word they share with one
      // ("ingen" and «Intet bestemt system»): the step is explained again, with an apology.
      if (kind === 'complaint' && recognition.command) return intent('command');
      const typed = typedOption(expectation, text);
      // "Hvilke muligheder har jeg?", "what options do I have": the dialog shows its options again.
      if (question && ABOUT_THE_CHOICES.test(sentence(text))) return answer('question-about-choices');
      if (question) {
        const found = knowledge();
        if (found.kind !== 'unknown') return ask('question-at-choice');
        return typed ? answer('choice-typed') : ask('question-at-choice');
      }
      if (typed) return answer('choice-typed');
      if (INTERRUPTING.has(kind) && recognition.confidence >= ROUTING_THRESHOLDS.confident) return intent('intent-at-field');
      // The router's own offers ("Opret en sag / Spørg på en anden måde") give way to a new request.
      if (expectation.about.startsWith('router:')) return decideFree();
      // Not an option (and not a question): the dialog says so and asks again.
      return answer('answer-to-dialog');
    }

    case 'yesNo': {
      const field = expectation.answers;
      if (field) {
        // "Er det dit svar til «Fakturanummer»?": a yes or a no answers it; anything else is a new answer to the
        // field, weighed as at the field (validated, and confirmed again when in doubt) — never stored unchecked.
        // "Nej, det er 12345": the words after the "no" are that answer.
        const rest = afterNo(text);
        if (rest !== undefined) return decide({ ...input, text: rest, expectation: field });
        if ((kind === 'yes' || kind === 'no') && words(text).length <= 3) return answer('yes-no');
        return decide({ ...input, expectation: field });
      }
      if (kind === 'yes' || kind === 'no') return answer('yes-no');
      // "Opret", "ja opret en sag" after "Hjalp det?": the case about the question answered (see router:offerCase).
      if (expectation.about === 'router:feedback' && asksForTheCase(text)) return answer('yes-no');
      if (recognition.command && (INTERRUPTING.has(kind) || kind === 'complaint')) return intent('command');
      // The router's own follow-ups ("Hjalp det?") give way to a new request; a dialog's step takes the text.
      if (expectation.about.startsWith('router:')) return decideFree();
      // A dialog's yes/no ("Er det dit svar til «Fakturanummer»?") takes anything else as a new answer: a
      // question is answered (the dialog asks again), or, when nothing answers it, confirmed — never stored as it is.
      if (question) return knowledge().kind === 'unknown' ? answer('question-at-field', true) : ask('question-at-field');
      return answer('answer-to-dialog');
    }

    case 'field': {
      // A button offered beside the field («Send en ny kode»), typed or clicked, is for the dialog.
      if (expectation.choices && exactChoice(expectation.choices, text)) return answer('choice-exact');
      // A case number where one is asked for ("which case?") answers it; "status på SA-…" is a request of its own.
      if (expectation.shape === 'caseNumber' && isBareCaseNumber(text, recognition)) return answer('value-fits-field');
      if (recognition.command && INTERRUPTING.has(kind)) return intent('command');
      if (expectation.optional && isSkip(text)) return answer('value-fits-field');
      // "Fakturanr 12345, leverandør Dell, beløb 4.500 kr": values for several of the form's fields, each named or placed by
      // its shape — the answer (the form fills them all), not a question nor a value to confirm.
      if (givesSeveralValues(text, expectation)) return answer('value-fits-field');
      // Not known: the dialog says what the field needs (a required field is never left empty, nor the case cancelled).
      if (saysDontKnow(text)) return answer('dont-know', true);
      // "Spring over" at a required field: the dialog says it must be filled in — no article about skipping.
      if (isSkip(text) && words(text).length <= 3) return answer('answer-to-dialog');
      const shape = expectation.shape;
      // A question about the field itself is never answered with an article that merely shares a word with it:
      // An article that speaks of the field answers it ("hvad er et afregningsnummer?"); otherwise it is confirmed.
      if (question && shape !== 'caseNumber' && asksAboutTheField(text, expectation.label)) {
        return answerSpeaksOf(knowledge(), expectation.label) ? ask('question-at-field') : answer('question-about-field', true);
      }
      switch (shape) {
        case 'code':
        case 'number':
        case 'date':
        case 'email':
        case 'phone': {
          if (fitsShape(text, shape, expectation.label)) return answer('value-fits-field');
          if (question) return ask('question-at-field');
          if (REQUESTS.has(kind) && recognition.confidence >= ROUTING_THRESHOLDS.confident) return intent('intent-at-field');
          if (kind === 'question' && recognition.confidence >= ROUTING_THRESHOLDS.plausible && knowledge().kind !== 'unknown') return ask('knowledge-at-field');
          // Numbers, dates, e-mails and phone numbers are validated by the form; a code that does not look like one is asked about.
          return answer(shape === 'code' ? 'unclear-value' : 'answer-to-dialog', shape === 'code');
        }
        case 'name':
        case 'shortText': {
          if (question) return knowledge().kind === 'unknown' ? answer('question-at-field', true) : ask('question-at-field');
          if (REQUESTS.has(kind) && recognition.confidence >= ROUTING_THRESHOLDS.confident) return intent('intent-at-field');
          // A name that reads like a request the knowledge base answers well ("nulstil min adgangskode") is asked about.
          if (shape === 'name' && words(text).length >= 3 && kind === 'question' && recognition.confidence >= ROUTING_THRESHOLDS.confident) {
            const found = knowledge();
            if (found.kind === 'answered' && found.score >= ROUTING_THRESHOLDS.strongAnswer) return answer('unclear-value', true);
          }
          return answer('value-fits-field');
        }
        case 'longText': {
          // A description may well be phrased as a question: ask before storing it, never answer over it.
          if (REQUESTS.has(kind) && INTERRUPTING.has(kind) && recognition.confidence >= ROUTING_THRESHOLDS.confident && words(text).length <= 5) {
            return intent('intent-at-field');
          }
          if (question) return answer('question-at-free-text', true);
          return answer('value-fits-field');
        }
        case 'caseNumber':
          if (question) return ask('question-at-field');
          if (REQUESTS.has(kind) && recognition.confidence >= ROUTING_THRESHOLDS.plausible) return intent('intent-at-field');
          return answer('answer-to-dialog');
        case 'choice':
        case 'yesNo': {
          if (kind === 'yes' || kind === 'no') return answer('yes-no');
          if (question && shape === 'choice' && ABOUT_THE_CHOICES.test(sentence(text))) return answer('question-about-choices');
          if (question) return knowledge().kind === 'unknown' ? answer('question-at-choice', true) : ask('question-at-choice');
          if (INTERRUPTING.has(kind) && recognition.confidence >= ROUTING_THRESHOLDS.confident && kind !== 'cancel') return intent('intent-at-field');
          if (kind === 'complaint' && recognition.command) return intent('command');
          return answer('answer-to-dialog');
        }
      }
      return answer('answer-to-dialog');
    }

    case 'none':
      return decideFree();
  }

  /**
   * The follow-up's question read with the answer before it, when it is one: always when it says so ("hvem skal bruge
   * det?", "og hvad med RejsUd?"); a short question that names nothing ("hvordan får jeg adgang?") when the knowledge
   * base has no answer to it alone, or when read with the answer before it it is answered from the same article.
   */
  function readWithPrevious(): string | undefined {
    const previous = input.previous;
    const found = followUpQuery(input.text, previous, recognition);
    if (!previous) return undefined;
    if (!found) return detailAskedOf(previous);
    if (found.sure && found.system !== undefined) {
      // "Og hvad med RejsUd?": answered from RejsUd's own articles — not from another system's page that merely names
      // it (the Serviceportal's password page); when none of them speaks of it, that is said, and a case offered.
      const withIt = input.knowledge(found.query, input.lang);
      if (answeredAbout(withIt, found.system)) asked = withIt;
      else {
        // What the system's articles say of the question's own words ("glemt adgangskode"), its name left out: every
        // one of them names the system.
        const own = input.knowledge(withoutSystems(found.query), input.lang, found.system);
        asked = own.kind === 'unknown' && own.reason === 'no-content-words' ? input.knowledge(found.query, input.lang, found.system) : own;
        otherSystem = found.system;
      }
    }
    if (found.sure && found.system === undefined) {
      // "Hvad koster det?" after RejsUd's history page: read with that page's subject nothing answers it (the page holds
      // no price); the system's own articles may ("Hvordan får man RejsUd? … pris").
      const withIt = input.knowledge(found.query, input.lang, undefined, found.own);
      asked = withIt;
      const system = withIt.kind === 'unknown' ? (mentionedSystems(previous.subject)[0] ?? mentionedSystems(previous.question)[0]) : undefined;
      if (system !== undefined) {
        // With the system's name, not the page's whole subject: "Generelt om RejsUd" would find the same page again.
        const own = input.knowledge(`${input.text} ${system.name}`, input.lang, system.id);
        if (own.kind !== 'unknown') asked = own;
      }
      asked = detailOfPrevious(factFromItsSystem(asked, previous), previous, REFERS_BACK.test(found.own ?? ''));
      asked = referredBack(asked, found.query, found.own ?? input.text, previous);
    }
    if (found.sure) return found.query;
    // Both readings are asked here, and the one taken is kept as the turn's answer (not asked again).
    const alone = input.knowledge(input.text, input.lang);
    const withIt = input.knowledge(found.query, input.lang, undefined, found.own);
    const ids = withIt.kind === 'answered' ? [withIt.article.id, withIt.article.translationOf] : [];
    if (newTermAsked(alone, previous) || newSubjectNamed(input.text, alone, previous)) {
      asked = alone;
      return undefined;
    }
    if (anotherPageOfItsSystem(alone, withIt, previous)) {
      asked = withIt;
      return found.query;
    }
    const bent = bentToPrevious(input.text, alone, withIt, ids.includes(previous.articleId)) && !(alone.kind !== 'unknown' && !ids.includes(previous.articleId));
    asked = bent ? detailOfPrevious(factFromItsSystem(withIt, previous), previous, false, alone) : detailOfPrevious(alone, previous, false, alone);
    // A thing no article speaks of ("hvor meget tjener en sygeplejerske?" after the payslip, "when is Easter this year?"
    // after the payroll calendar): the question's own subject, outside the articles — not a detail of the page before,
    // whose subject added would answer it with that page (round 29). Weighed only when the page before would answer it.
    if (asked !== alone && asked.kind !== 'unknown' && ownThingOutside(alone, previous)) {
      asked = alone;
      return undefined;
    }
    return bent || asked !== alone ? found.query : undefined;
  }

  /** Whether a follow-up that does not refer back names a thing no article speaks of ({@link namesAThingNoArticleKnows}). */
  function ownThingOutside(alone: AnswerResult, previous: PreviousAnswer): boolean {
    return !REFERS_BACK.test(input.text) && namesAThingNoArticleKnows(alone, previous);
  }

  /**
   * A term's meaning asked with the indefinite article ("hvad er en dispositionsdato egentlig?" after IndFak's page for
   * administrators, "what is a cutoff date?"), none of whose words the article before holds, which alone is answered: a new
   * subject, not announced — the question's own answer, not the article before read again (round 28).
   */
  function newTermAsked(alone: AnswerResult, previous: PreviousAnswer): boolean {
    if (!TERM_ASKED.test(input.text) || alone.kind !== 'answered' || [alone.article.id, alone.article.translationOf].includes(previous.articleId)) return false;
    const held = input.knowledge(input.text, input.lang, undefined, undefined, previous.articleId);
    return held.kind === 'unknown' && held.reason === 'no-match';
  }

  /**
   * A follow-up that alone finds no answer and names a thing no article speaks of: a Danish word of substance that alone finds
   * no article at all ("sygeplejerske", "bleer", "baby"), or in English a name — a word capitalised inside the sentence —
   * that none finds ("Easter"); an English question's everyday words are read through the glossary, so only its names
   * are weighed alone (round 29). Such a thing is the question's own subject, outside the portal.
   */
  function namesAThingNoArticleKnows(alone: AnswerResult, previous: PreviousAnswer): boolean {
    if (alone.kind !== 'unknown') return false;
    // A word of the article before beside it makes the unknown word an everyday word for a thing of that article ("hvad er
    // genvejen til søgefeltet?" after Navision's tips, which name the search field and its keys).
    const before = previous.text;
    if (before !== undefined && contentWords(input.text).some((word) => wordStem(word.toLocaleLowerCase('da')).length >= 4 && before.includes(wordStem(word.toLocaleLowerCase('da'))))) return false;
    const candidates = input.lang === 'en' ? capitalisedInside(input.text) : contentWords(input.text);
    return candidates.some((word) => {
      const found = input.knowledge(word, 'da');
      // Low confidence counts only when no more than a part of the word is in the articles ("sygeplejerske": "syge").
      return found.kind === 'unknown' && (found.reason === 'no-match' || found.reason === 'unknown-name' || (found.reason === 'low-confidence' && (found.coverage ?? 1) <= PART_OF_A_WORD));
    });
  }

  /**
   * A new subject named by its own word (round 29): "what is the purpose of Kundeportalen?" after Statens HR's FAQ, "what is
   * the indkøbskaskade?" after the service portal's page — the question alone is answered by an article whose title holds a
   * word of it that the article before has nowhere (not even as a part of another word). The question's own answer, not
   * the article before read again with the question's other words ("purpose" is "formål" in Statens HR's FAQ).
   */
  function newSubjectNamed(text: string, alone: AnswerResult, previous: PreviousAnswer): boolean {
    if (alone.kind !== 'answered' || previous.text === undefined || [alone.article.id, alone.article.translationOf].includes(previous.articleId)) return false;
    const title = alone.article.title.toLocaleLowerCase('da').match(/[\p{L}\d]+/gu) ?? [];
    const before = previous.text;
    return contentWords(text).some((word) => {
      const stem = wordStem(word.toLocaleLowerCase('da'));
      // The title's word itself, in another form ("indkøbskaskaden"), not a compound it begins ("leverandørvejledning": "hvem er
      // leverandør?" after Statens HR asks the supplier of the system just answered about).
      return stem.length >= 5 && title.some((t) => wordStem(t) === stem) && !before.includes(stem);
    });
  }

  /**
   * A short question that names nothing ("hvad skal vi selv sørge for?" after CIP's overview), read with the answer before
   * it, answered by another page of that answer's system which holds the question's own words (CIP's page of duties) —
   * where alone its words found a page of a system it does not name (the service desk's description, which "varetager"
   * tasks). The conversation is still about the system just answered about (round 27).
   */
  function anotherPageOfItsSystem(alone: AnswerResult, withIt: AnswerResult, previous: PreviousAnswer): boolean {
    if (withIt.kind !== 'answered' || alone.kind !== 'answered' || [withIt.article.id, withIt.article.translationOf].includes(previous.articleId)) return false;
    if (alone.article.id === withIt.article.id || sharesSystem(alone.article.system, withIt.article.system)) return false;
    const system = mentionedSystems(previous.subject)[0] ?? mentionedSystems(previous.question)[0];
    if (system === undefined || !answeredAbout(withIt, system.id) || answeredAbout(alone, system.id)) return false;
    const heldThere = input.knowledge(input.text, input.lang, undefined, undefined, withIt.article.id);
    return heldThere.kind === 'answered';
  }

  /**
   * A follow-up that refers back ("hvem godkender den bagefter?" after RejsUd's page on travel claims) asks of the thing
   * the answer before it spoke of: that article answers it, read with its subject, rather than another page of the
   * system the added subject led to — unless that page answers the question's own words and the article before does not
   * ("hvem er leverandør på systemet?": the page that names the supplier; "findes der en app til det?": the page on the app).
   */
  function referredBack(result: AnswerResult, query: string, own: string, previous: PreviousAnswer): AnswerResult {
    // Danish only: an English question's own words are read through the glossary, and few of them weigh alone ("who creates
    // the users in it?" is common words both in CIP's overview and in its page of duties).
    if (input.lang !== 'da' || result.kind !== 'answered' || [result.article.id, result.article.translationOf].includes(previous.articleId) || !REFERS_BACK.test(own)) return result;
    const there = input.knowledge(query, input.lang, undefined, own, previous.articleId);
    if (there.kind !== 'answered' || ![there.article.id, there.article.translationOf].includes(previous.articleId)) return result;
    const ownThere = input.knowledge(own, input.lang, undefined, undefined, previous.articleId);
    const ownOther = input.knowledge(own, input.lang, undefined, undefined, result.article.id);
    return ownOther.kind === 'answered' && ownThere.kind !== 'answered' ? result : there;
  }

  /**
   * A question too long or too specific to be read as a follow-up ("hvad skal jeg så bruge i stedet?", "i hvilken
   * lønkørsel sker det?", "how often do we have to apply?") that still asks a detail of the answer before it: that
   * article answers it when it holds the question's words ({@link detailOfPrevious}). Only a question, short, naming no
   * system but the article's own.
   */
  function detailAskedOf(previous: PreviousAnswer): string | undefined {
    if (recognition.intent.kind !== 'question' || words(input.text).length > MAX_WORDS_OF_FOLLOW_UP || !readsAsQuestion(input.text) || NEW_SUBJECT.test(input.text.trim())) return undefined;
    const systemId = recognition.slots.systemId;
    const alone = input.knowledge(input.text, input.lang);
    const fact = factOfPrevious(alone, previous);
    // "Hvor mange bleer bruger en baby om dagen?" after the Barselsfond's page: a thing of its own, outside the articles (round 29).
    if (fact !== undefined && !ownThingOutside(alone, previous)) {
      asked = fact;
      return `${input.text} ${previous.subject}`;
    }
    const taken = detailOfPrevious(alone, previous, REFERS_BACK.test(input.text), alone);
    // Not a detail of the article before: the text's own answer stands, already asked.
    asked = taken === alone || (systemId !== undefined && !answeredAbout(taken, systemId)) || ownThingOutside(alone, previous) ? alone : taken;
    return asked === alone ? undefined : input.text;
  }

  /**
   * A fact of the article just shown asked by its kind alone, in words of no subject ("hvor mange uger går der før vi er
   * kørende?" after IndFak's page on getting started, which says the implementation takes "4 uger"): alone its words are
   * hardly in the articles (low confidence, no decline of a subject of its own); read with that article's subject, that
   * article answers with a passage that holds a fact of the kind asked (round 28).
   */
  function factOfPrevious(alone: AnswerResult, previous: PreviousAnswer): AnswerResult | undefined {
    if (alone.kind !== 'unknown' || alone.reason !== 'low-confidence' || recognition.slots.systemId !== undefined || ASKER_ALONE.test(input.text)) return undefined;
    const kinds = askedKinds(input.text);
    if (kinds.length === 0) return undefined;
    const there = input.knowledge(`${input.text} ${previous.subject}`, input.lang, undefined, input.text, previous.articleId);
    return there.kind === 'answered' && kindMatch(there.passage.text, kinds) > 0 ? there : undefined;
  }

  /**
   * A follow-up weighed between the article shown before and the one its reading found (`result`), by the follow-up's own
   * words. Asked of the article before alone and answered there, it asks a detail of that article ("i hvilken lønkørsel
   * sker det?" after the year-end adjustment, "hvad skal jeg så bruge i stedet?" after the controller role): that
   * article, not another the added subject or a common word led to — unless, not referring back, its words alone are
   * answered by another article of the same system ("hvad er satserne i år?" after the Barselsfond's refund page: the
   * rates' own page). None of its words in the article before, which the reading found only by the subject added: asked
   * of that system's articles ("hvem er leverandør?" after Statens HR's overview: its FAQ, which names the supplier).
   */
  function detailOfPrevious(result: AnswerResult, previous: PreviousAnswer, refersBack: boolean, aloneAsked?: AnswerResult): AnswerResult {
    const isPrevious = (found: AnswerResult): boolean => found.kind === 'answered' && [found.article.id, found.article.translationOf].includes(previous.articleId);
    const held = input.knowledge(input.text, input.lang, undefined, undefined, previous.articleId);
    // Round 28: or hardly any ("hvem leverer systemet?" after Statens HR's page with HR-sag: "systemet" alone is in it, and the
    // page's whole title added found it again; the system's FAQ names the supplier).
    const hardlyHeld = held.kind === 'unknown' && (held.reason === 'no-match' || (held.reason === 'low-confidence' && (held.coverage ?? 1) < HARDLY_HELD));
    if (isPrevious(result) && hardlyHeld) {
      // None of its words is in the article before, which only the subject added found ("hvem er leverandør?" after Statens
      // HR's overview): another article of that system may hold them (its FAQ names the supplier).
      const system = mentionedSystems(previous.subject)[0] ?? mentionedSystems(previous.question)[0];
      const own = system === undefined ? undefined : input.knowledge(input.text, input.lang, system.id);
      return own?.kind === 'answered' && !isPrevious(own) ? own : result;
    }
    if (held.kind !== 'answered' || isPrevious(result)) return result;
    const alone = aloneAsked ?? input.knowledge(input.text, input.lang);
    const sameSystemElsewhere = alone.kind === 'answered' && !isPrevious(alone) && sharesSystem(alone.article.system, held.article.system);
    return sameSystemElsewhere && !refersBack ? result : held;
  }

  /**
   * The answer before read again, but without the kind of fact asked ("hvad er fristen?" after the Barselsfond's page,
   * which names no deadline): the fact from another article of its system when one holds it (the refund deadlines);
   * else the article as it was. The article before is kept whenever it holds the fact.
   */
  function factFromItsSystem(result: AnswerResult, previous: PreviousAnswer): AnswerResult {
    if (result.kind !== 'answered' || ![result.article.id, result.article.translationOf].includes(previous.articleId)) return result;
    const kinds = askedKinds(input.text);
    if (kinds.length === 0 || kindMatch(result.passage.text, kinds) > 0) return result;
    const system = mentionedSystems(previous.subject)[0] ?? mentionedSystems(previous.question)[0];
    if (system === undefined) return result;
    const own = input.knowledge(`${input.text} ${system.name}`, input.lang, system.id);
    return own.kind === 'answered' && own.article.id !== result.article.id && kindMatch(own.passage.text, kinds) > 0 ? own : result;
  }


  /** "RejsUd hænger når jeg uploader bilag": a problem reported in a system the portal has, not a question of how. */
  function problemInSystem(): boolean {
    // One system: "vi har ikke Navision, kan vi så bruge LDV" weighs two systems, it reports no problem in either.
    // "Hvad skal jeg skrive i en sag om en fejl i Navision …" asks about cases, it reports no problem.
    // "Hvad skal jeg skrive i emnefeltet når jeg melder en fejl i refusion" asks how errors are reported, it reports none.
    // "Hvad gør jeg hvis Navision giver fejl?" supposes the problem in a condition, it tells none.
    // Two systems told of, not asked about ("data fra SLS kommer ikke med i LDV", "ISOLA og LDV viser forskellige tal"): the
    // problem lies between them, and it is the case of the one the slots chose (round 27).
    // A system only implied counts for a problem told as a sentence, not asked nor named as a topic ("fejlindmeldelse løn emnefelt"),
    // nor with a question inside it ("jeg kan ikke se hvad tallene på lønsedlen står for").
    if (recognition.slots.systemId === undefined && (question || !toldAsSentence(text) || namesATopic(text) || QUESTION_WORD_INSIDE.test(text.replace(NOT_KNOWING_WHY, ' ')))) return false;
    return problemSystem !== undefined && !asksHow(text) && !ASKS_WHAT_IT_MEANS.test(sentence(text)) && !namesOwnCases(text) && !(WH_QUESTION.test(sentence(text)) && (CASE_WORDS.test(text) || REPORTING.test(text))) && (reportsAProblem(text) || SOMETHING_WRONG.test(text)) && !(question && problemOnlySupposed(text)) && (mentionedSystems(text).length <= 1 || !question);
  }

  /**
   * Whether the answer's passage speaks of the problem the text tells (its system's name left out): it holds what fails and half
   * the text's words ({@link passageSpeaksOfTheProblem}), or two thirds of the text's words of substance, whatever verb says it
   * fails ("kan ikke se skærmbilledet udenlandske betalinger", "data fra vores fagsystem via GIS kommer ikke over … efter
   * passwordskift": the page on exactly that), or the message the system showed as the passage quotes it ("afvist af
   * adgangskontrollen").
   */
  function answerSpeaksOfTheProblem(found: AnswerResult): boolean {
    if (found.kind !== 'answered') return false;
    const told = withoutSystems(text);
    const passage = `${found.passage.heading ?? ''}\n${found.passage.text}`;
    // A passage whose word on it is to make a case or to report it ("Opret en sag med formularen Faktura i IndFak …, fx hvis
    // fakturaen … er afvist", "Sådan melder du fejlen") does not answer a problem told as happening: the case does (round 28).
    if (sendsToACase(passage)) return false;
    if (passageSpeaksOfTheProblem(told, passage)) return true;
    const haystack = passage.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
    // The message the system showed, quoted as the passage has it ("SLS skriver afvist af adgangskontrollen …"): three words in
    // a row, one of them a word of what fails.
    const wrong = new Set(problemWords(told));
    const said = told.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
    const shown = ` ${haystack.join(' ')} `;
    if (said.some((_, i) => i + 3 <= said.length && said.slice(i, i + 3).some((word) => wrong.has(word)) && shown.includes(` ${said.slice(i, i + 3).join(' ')} `))) return true;
    const content = contentWords(told).map((word) => word.toLowerCase());
    // Two words of substance held are the problem's only when the passage tells of something failing at all: "vi har ikke
    // modtaget lønsedler for december" shares "lønsedler" and "december" with a page on the payslip's sections, which tells of
    // no failure (round 28). Three or more held ("data fra vores fagsystem via GIS … efter passwordskift") are the page on it.
    const held = content.filter((word) => holdsWord(haystack, word)).length;
    if (content.length >= 2 && held * 3 >= content.length * 2 && (held >= 3 || passageTellsOfFailure(passage))) return true;
    return englishSpeaksOfTheProblem(found, told);
  }

  /**
   * ENGLISH_PROBLEM (round 28): whether the Danish passage speaks of a problem told in English ("a user won't synchronise
   * in RejsUd", "a user we created is not synced over to the invoices"): as {@link passageSpeaksOfTheProblem}, but a word is
   * held when the knowledge base, reading it as English (the glossary's Danish), finds it in that passage of the article
   * alone — the English words never meet the Danish passage's letters.
   */
  function englishSpeaksOfTheProblem(found: AnswerResult, told: string): boolean {
    if (input.lang !== 'en' || found.kind !== 'answered') return false;
    const wrong = problemWords(told);
    const content = contentWords(told).map((word) => word.toLowerCase());
    if (wrong.length === 0 || content.length === 0) return false;
    const seen = new Map<string, boolean>();
    const held = (word: string): boolean => {
      let known = seen.get(word);
      if (known === undefined) {
        // "the" makes one word English to the analyser, which reads a word alone as Danish.
        const alone = input.knowledge(`the ${word}`, 'en', undefined, undefined, found.article.id);
        known = alone.kind === 'answered' && alone.passage.id === found.passage.id;
        seen.set(word, known);
      }
      return known;
    };
    return wrong.some(held) && content.filter(held).length * 2 >= content.length;
  }

  /**
   * A problem told in one system ({@link problemInSystem}) as a statement, with no case, order or need asked for in words
   * ("opret en sag", "kan I rette det", "skal deaktiveres", "I need to report"), that the knowledge base answers well with an
   * article about that system.
   */
  function impliedCase(): boolean {
    const systemId = problemSystem;
    if (systemId === undefined || question || !problemInSystem()) return false;
    const s = sentence(text);
    // A verb of making a case counts only where nothing is said to fail ("RejsUd vil ikke lade mig oprette …" reports a problem).
    if ((CASE_ACTION.test(text) && !reportsAProblem(text)) || CASE_WORDS.test(text) || ASKS_FOR_A_CASE.test(text) || NAMES_A_CASE_ABOUT.test(s) || askedToMakeACase(text) || ASKED_TO_LOG_IT.test(text)) return false;
    if (DESK_ASKED_TO_ACT.test(s) || NEED_TO_HAVE_DONE.test(text) || PASSIVE_ORDER.test(text) || POLITE_ORDER.test(text) || ordersACaseAfter(text) || ordersRemoval(text)) return false;
    // "…, vil gerne have det undersøgt", "please look into it": a wish that the desk act; "RejsUd er gået ned": an outage only
    // the desk can mend — both the case, as asked.
    if (WISH_FOR_ACTION.test(text) || OUTAGE.test(text)) return false;
    const found = knowledge();
    if (found.kind !== 'answered' || found.score < ROUTING_THRESHOLDS.strongAnswer || !answeredAbout(found, systemId)) return false;
    // The problem's own words, the system's name left out, find the same article among the system's: it answers the
    // problem, not merely the system (an overview of SLS is no answer to "lønnen er forkert … i SLS").
    const own = input.knowledge(withoutSystems(text), input.lang, systemId);
    if (own.kind !== 'answered' || own.score < ROUTING_THRESHOLDS.strongAnswer || own.article.id !== found.article.id || own.passage.id !== found.passage.id) return false;
    const passage = `${found.passage.heading ?? ''}\n${found.passage.text}`;
    return !sendsToACase(passage) && (passageSpeaksOfTheProblem(withoutSystems(text), passage) || englishSpeaksOfTheProblem(found, withoutSystems(text)));
  }

  /** The knowledge base's answer, with a case offered after it. */
  function offering(reason: RouteReason): RouteDecision {
    const decided = ask(reason);
    return decided.route.kind === 'knowledge' ? { ...decided, route: { ...decided.route, caseOffered: true } } : decided;
  }

  /** Nothing asked (or a follow-up the user went past): a new request or a question. */
  function decideFree(): RouteDecision {
    // "Ok tak" with nothing asked: a thanks, not a yes to nothing (asked yes or no, it is the yes; see above).
    if (recognition.command && kind === 'yes' && THANKS_SAID.test(text)) return done({ kind: 'intent', intent: { kind: 'thanks' } }, 'command');
    if (recognition.command) return kind === 'question' ? ask('question') : intent('command');
    // A follow-up the answer before it makes answerable is that question, whatever the classifier reads in its few words.
    if (followUp !== undefined && kind !== 'cancel' && kind !== 'human' && (knowledge().kind !== 'unknown' || otherSystem !== undefined)) return ask('follow-up');
    if (recognition.confidence >= 1 && kind !== 'question') {
      // "Hvorfor står min sag SA-2026-000455 som afventer kunde?", "hvornår bliver SA-… behandlet": a question
      // about a case the user names by its number is about that case — unless it asks how something is done.
      if (namesItsCase(recognition.intent) && !asksHow(text)) return intent('rule');
      // A rule that fired inside a question ("who may order access to … at our institution?"): the knowledge base first —
      // unless the question asks for the case ("…, kan du oprette en sag til brugeradministration?").
      if (question && !(kind === 'createCase' && askedToMakeACase(text)) && knowledge().kind !== 'unknown') return ask('question');
      return intent('rule');
    }
    // "Hvad skal jeg skrive?", "what am I supposed to type here", "hvilke kommandoer findes der": how to use the chat — its help.
    if ((asksHowToUseTheChat(text) || asksHowThisWorks(text) || USING_THE_CHAT.test(sentence(text))) && !CASE_WORDS.test(text) && recognition.slots.systemId === undefined && recognition.slots.formId === undefined && words(text).length <= 12) {
      return done({ kind: 'intent', intent: { kind: 'help' } }, 'small-talk');
    }
    // "Hvad kan man bruge sådan en som dig til", "hvordan snakker man med dig", "giv mig en oversigt over hvad du kan": what the
    // assistant does, asked in words of nothing else, is its help however the classifier reads it (as a question, round 29).
    if ((kind === 'question' || kind === 'help') && asksWhatTheAssistantDoes(text, recognition.unfamiliar) && !CASE_WORDS.test(text) && !namesThePortal(recognition.slots) && words(text).length <= 12) {
      return done({ kind: 'intent', intent: { kind: 'help' } }, 'small-talk');
    }
    if ((greetsWithName(text) || greetsTheAssistant(text)) && recognition.slots.systemId === undefined) return done({ kind: 'intent', intent: { kind: 'greeting' } }, 'small-talk');
    // "Kan du oprette sager, eller svarer du kun på spørgsmål?", "can you also check tickets?": what the assistant can do
    // with cases or questions in general (no article, the plural) — its help, not a case made.
    if (CAPABILITY_ASKED.test(text) && recognition.slots.systemId === undefined && findCaseNumbers(text).length === 0) {
      return done({ kind: 'intent', intent: { kind: 'help' } }, 'small-talk');
    }
    // "Får jeg nogen bekræftelse på at I har fået min henvendelse?", "hvor kan jeg følge med i hvordan det går med min sag",
    // "do I get notified when my request is resolved?": how the desk tells or shows how cases go is asked of the process —
    // the article on it, not the user's own cases or the status of one, however sure the classifier is of those. A case
    // named by its number is that case's.
    if ((kind === 'status' || kind === 'myCases' || kind === 'question' || kind === 'addComment') && asksHowCasesAreFollowed(text) && findCaseNumbers(text).length === 0 && knowledge().kind === 'answered') {
      return ask('how-cases-are-followed');
    }
    // "Open ticket", "lav en ny sag": a case asked for in so many words is one, however unsure the classifier.
    // The same words are a new case whatever else the classifier leans to ("åbn sag" read as a status,
    // "vil oprette sag under brugeradministration" as a question) — not a question about making one.
    if (((ASKS_FOR_A_CASE.test(text) || NAMES_A_CASE_ABOUT.test(sentence(text))) && !question && !asksHow(text)) || ordersACaseAfter(text) || ((askedToMakeACase(text) || ASKED_TO_LOG_IT.test(text)) && !asksHow(text))) {
      if (kind === 'createCase') return intent('intent-request');
      if (!OWN_CASES.test(text) && findCaseNumbers(text).length === 0) return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "Ingen af os kan åbne rapporterne i LDV, hvad gør vi?": a problem in a system the portal has, that the
    // knowledge base cannot answer, is that system's case — also when it ends in a question (the desk's answer
    // to it is the case). Not a question of how something is done.
    // An article about another system, or about none, does not answer it ("ISOLA giver en fejlbesked …" is not
    // answered by SLS's error messages).
    // Told as a statement ("RejsUd won't let me submit my expense report, it just spins", "kurset i Campus kan ikke åbnes"), the
    // system's own article answers it only when its passage speaks of what fails: the system's overview, which names the
    // system and none of the problem, is no answer to it — the case is (an English report meets a Danish passage the same way).
    // Read, unsure, as a person asked for ("the budget system wont let me save …": "let me" is no one to reach) or as a cancel
    // ("the budget system won't save my changes": "won't" is no stopping), a problem told in a system with no word of reaching
    // anyone or of stopping is the same problem.
    const unsure = recognition.confidence < ROUTING_THRESHOLDS.confident && !recognition.command && !question;
    const unsurePerson = kind === 'human' && unsure && !CONTACT_WORDS.test(text) && !contactWordTyped(text) && !PERSON_ASKED.test(text);
    const unsureCancel = kind === 'cancel' && unsure && !STOP_WORD.test(text);
    // "Tak for svaret, men det virker stadig ikke, ISOLA viser forkerte tal", "godmorgen, RejsUd er nede igen", "please help, LDV
    // shows the wrong numbers": thanks, a greeting or a call for help before a problem told in a system is that problem, however
    // sure the classifier is of the small talk (round 29).
    const smallTalkThenProblem = (kind === 'thanks' || kind === 'greeting' || kind === 'help') && !question;
    if ((kind === 'question' || kind === 'createCase' || unsurePerson || unsureCancel || smallTalkThenProblem) && problemInSystem() && ((recognition.slots.systemId !== undefined && !answersAboutSystem(knowledge(), problemSystem)) || (!question && !answerSpeaksOfTheProblem(knowledge())))) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'problem-in-system');
    }
    // "Kan jeg få adgang til ØS Indsigt?", "må jeg bede om adgang til Statens HR", "kan min kollega få de samme rettigheder som
    // mig i RejsUd": access asked for someone, in a question's form, in a system or access form the portal names — the request
    // for access, however the classifier reads it; and a need of access told ("… og skal have nulstillet min adgangskode").
    const accessNamed = recognition.slots.systemId !== undefined || recognition.slots.areaId === 'brugeradministration';
    if ((kind === 'question' || kind === 'createCase') && accessNamed && !asksHow(text) && !WH_QUESTION.test(sentence(text)) && (asksForAccess(text) || (!question && ACCESS_OR_LOGIN.test(text) && NEED_TO_HAVE_DONE.test(text)))) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "Nedlæg Karens bruger i IndFak", "deactivate John's account in RejsUd": an order to remove a user's access is a
    // request for the removal form, however the classifier reads it.
    if ((kind === 'question' || kind === 'createCase') && !question && !asksHow(text) && recognition.slots.formId === REMOVAL_FORM && ordersRemoval(text)) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "Brugeren skal deaktiveres i LDV", "fakturaen skal slettes i IndFak": an order in the passive, in a system or form
    // the portal names, is a request for the desk — not a question about it.
    if ((kind === 'question' || kind === 'createCase') && !question && !asksHow(text) && (recognition.slots.systemId !== undefined || recognition.slots.formId !== undefined) && PASSIVE_ORDER.test(text)) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "…, opret det venligst": an order made polite is a request, however the classifier reads the rest.
    if ((kind === 'question' || kind === 'createCase') && !question && !asksHow(text) && POLITE_ORDER.test(text)) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "Hvordan vedhæfter jeg en fil?": a request asked how is a question of how (the recognizer's reading).
    // When the knowledge base has nothing on it and the classifier was sure of the request, the request helps.
    if (kind === 'question' && recognition.askedHow !== undefined) {
      if (recognition.confidence < ROUTING_THRESHOLDS.confident || knowledge().kind !== 'unknown') return ask('how-question');
      // Asked who, when, how soon or which ("hvem sørger for …", "hvor hurtigt skal vi melde …"): a question of
      // fact about the request, which no case answers better than the knowledge base's decline (a case offered).
      if (!asksHow(text) && !CASE_WORDS.test(text)) return ask('question');
      return done({ kind: 'intent', intent: recognition.askedHow }, 'intent-without-answer');
    }
    // "Kan jeg se en oversigt over alt det jeg har sendt ind", "what inquiries have I submitted this year?", "hvad har jeg
    // gang i hos jer": what the user has sent or has going, asked to be seen or listed, is the list of their cases —
    // also when it asks which of them are done ("hvad har jeg sendt ind, som ikke er løst"). Read as help or as a
    // status, the same words ask for the list.
    // Asked as a yes/no question ("har jeg sendt noget ind om refusion?", "har jeg nogen sager åbne"), the list answers it too (round 29).
    if ((kind === 'question' || kind === 'createCase' || kind === 'myCases' || kind === 'status' || kind === 'help') && OVERVIEW_ASKED.test(text) && (LISTING_ASKED.test(text) || question) && !asksHow(text)) {
      return done({ kind: 'intent', intent: { kind: 'myCases' } }, 'own-cases');
    }
    // "Hvornår kan jeg forvente svar på sagen om …", "I sent a ticket yesterday …, has anyone looked at it yet?", "er
    // min henvendelse om lønsedlen kommet frem?": the user's own case asked after is its status, however the classifier
    // reads it (a status it half believes in too) — not how cases work.
    // "Kan jeg se hvor langt min sag er nået i portalen" asks where to see it: the article on that.
    // "Hvis jeg skriver en kommentar i anmodningen, bliver den så læst af jer?": a case supposed, not one there is — how it works.
    if ((kind === 'question' || kind === 'createCase' || kind === 'status') && namesOwnCases(text) && asksHowItStands(text) && !asksHow(text) && !WHERE_TO_SEE.test(text) && !SUPPOSED.test(text)) {
      return done({ kind: 'intent', intent: { kind: 'status' } }, 'own-cases');
    }
    // "Hvornår får jeg svar?", "har I svaret?", "any news?": the user's own answer awaited, with nothing else said — the
    // status of their case (the one meant, or which one), not an article on how cases are handled.
    if (AWAITING_REPLY.test(text.trim()) && kind !== 'cancel') return done({ kind: 'intent', intent: { kind: 'status' } }, 'own-cases');
    // "Mine sager i Statens Løn og HR", "show my cases about RejsUd": the list of one's cases opening the text, narrowed
    // by what follows — the list (a statement about them, "mine sager er forsvundet", is not asked for the list).
    if ((kind === 'question' || kind === 'myCases' || kind === 'status') && MY_CASES_OPENING.test(text) && !question && words(text).length <= 10 && !SOMETHING_WRONG.test(text) && !reportsAProblem(text)) {
      return done({ kind: 'intent', intent: { kind: 'myCases' } }, 'own-cases');
    }
    // "Can someone call me back about my payroll issue?": a person asked for in words.
    if (PERSON_ASKED.test(text) && !asksHow(text)) return done({ kind: 'intent', intent: { kind: 'human' } }, 'intent-request');
    // "Jeg har glemt adgangskoden til min Windows-pc …, kan I nulstille den?": the asker's own thing that no article
    // is about (the knowledge base declines it as private life), with no system or form of the portal named, is not
    // the portal's, whatever area a word of it names ("adgangskode"): declined, with a case still offered.
    if ((kind === 'question' || kind === 'createCase') && recognition.slots.systemId === undefined && recognition.slots.formId === undefined && !CASE_WORDS.test(text) && privateLife(knowledge())) {
      return ask('outside-portal');
    }
    // "Our CIP integration has been failing since last night … Can someone look into it?": a problem in
    // the portal's system (or one its articles speak of) with the desk asked to deal with it is a case,
    // however the classifier reads it.
    // A need told with what is to be done ("vi skal have sat Navision Stat op til det nye ministerie, vil I tage den?",
    // "… skal have tilføjet fællespostkassen …, kan I ordne det") is asked of the desk the same way. Read as a status or a
    // list, the same holds when no case of the user's is named ("Can you fix the cost centre on my last two travel claims").
    if (
      (kind === 'question' || kind === 'createCase' || SOCIAL.has(kind) || ((kind === 'status' || kind === 'myCases') && !namesOwnCases(text) && findCaseNumbers(text).length === 0)) &&
      DESK_ASKED_TO_ACT.test(sentence(text)) &&
      (reportsAProblem(text) || SOMETHING_WRONG.test(text) || ASKED_TO_CORRECT.test(text) || NEED_TO_HAVE_DONE.test(text)) &&
      (namesThePortal(recognition.slots) || knowledge().kind !== 'unknown')
    ) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "Gider du lige registrere at vores kontaktperson til årsafslutningen er skiftet": a change asked of the
    // desk, about something of the portal's, is a case. Not "kan du slette den venligst?": it names nothing to change.
    if (
      (kind === 'question' || kind === 'createCase' || kind === 'human' || SOCIAL.has(kind)) &&
      CHANGE_ASKED.test(sentence(text)) &&
      // Two words of substance when one names the portal's system ("kan I nulstille min adgangskode til HR-Løn").
      (namesThePortal(recognition.slots) ? contentWords(text).length >= 2 : contentWords(text).length >= 3 && knowledge().kind !== 'unknown')
    ) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "hvad er telefonnummeret", "what are the opening hours of the Navision support": a question of reaching someone
    // whose answer is the desk's contact article asks how to reach the desk — its contact details, with a case offered.
    if (kind === 'question' && CONTACT_WORDS.test(text) && answersWithContact(knowledge())) return done({ kind: 'intent', intent: { kind: 'human' } }, 'contact-article');
    // "Hvad er åbningstiderne for servicedesken", "whats the email for the service desk": the desk's own contact details.
    // English "you" is left out of naming the desk here: "can you give me the address of …" asks anyone.
    if ((kind === 'question' || kind === 'human' || (kind === 'createCase' && recognition.confidence < ROUTING_THRESHOLDS.confident)) && CONTACT_DETAIL.test(text) && THE_DESK_NAMED.test(text.replace(/(?<![\p{L}\d])(?:you|your)(?![\p{L}\d])/giu, ' ')) && recognition.slots.systemId === undefined && !CASE_WORDS.test(text) && !holdsTheContactAsked(knowledge(), text)) {
      return done({ kind: 'intent', intent: { kind: 'human' } }, 'contact-article');
    }
    // "Hvem kan jeg kontakte hos Statens Administration?", "how do I reach you?": asked how to reach the desk itself, named,
    // with no system of its named — its contact details, whatever article shares the desk's name. "Hvordan får jeg fat i en fra
    // lønteamet", "how do I get hold of someone from payroll": a person of a team asked how to reach is the desk's too (round 29).
    const aPersonOfATeam = A_PERSON_FROM.test(text) && !SOMEONE_ELSE_TO_REACH.test(text);
    if (kind === 'question' && REACH_ASKED.test(text) && (THE_DESK_NAMED.test(text) || aPersonOfATeam) && recognition.slots.systemId === undefined && !DESK_ASKED_TO_ACT.test(sentence(text))) {
      return done({ kind: 'intent', intent: { kind: 'human' } }, 'contact-article');
    }
    if (kind === 'question') return ask('question');

    const sure = recognition.confidence >= ROUTING_THRESHOLDS.confident;
    const namesPortal = namesThePortal(recognition.slots);
    const plausible = recognition.confidence >= ROUTING_THRESHOLDS.plausible;


    if (SOCIAL.has(kind)) {
      // "Det virker ikke", "hjælp, jeg kan ikke logge ind": a problem, not a greeting, a cancel or the menu.
      // Sure of the help or the greeting, a problem told in three words of substance or more is still the
      // problem ("Teams crasher hver gang jeg deler skærm – hjælp"): the "hjælp" asks for help with it.
      // A problem told with no word of stopping ("min bærbare vil ikke lade op") is the problem however sure the classifier is of a cancel.
      const stopsNothing = kind === 'cancel' && !STOP_WORD.test(text) && !MORE_STOP_WORDS.test(text);
      // "Cancel the invoice from Dell", "annuller fakturaen fra Dell": a thing of the portal's stopped, read as a cancel — about
      // that thing: its article, or the case when none answers (round 29; the recognizer no longer takes it as the command).
      if (kind === 'cancel' && !recognition.command && namesPortal && stopsAThing(text)) {
        return knowledge().kind === 'unknown' ? done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request') : ask('question');
      }
      if ((kind === 'cancel' || kind === 'greeting' || kind === 'help') && (!sure || stopsNothing || (kind !== 'cancel' && contentWords(text).length >= 3)) && reportsAProblem(text) && !REFUSAL.test(text)) return ask('question');
      // "Det her er simpelthen for dårligt, jeg har siddet med det i en halv time": a sentence with no word of stopping or
      // refusing stops nothing, however the classifier leans to a cancel — a remark, weighed as a question.
      if (kind === 'cancel' && !recognition.command && words(text).length >= 4 && !STOP_OR_NEGATION.test(text)) return ask('question');
      // "Jeg vil ikke fortsætte", "I don't want to go on": a refusal read as a cancel is one, however unsure.
      if (kind === 'cancel' && REFUSAL.test(text) && !question) return intent('small-talk');
      // "Will it rain this afternoon?": a question the classifier half reads as a cancel or thanks is a question (declined when nothing answers it).
      if ((kind === 'cancel' || kind === 'thanks') && question && !sure) return ask('question');
      // "What kind of questions can I ask you?": the assistant asked about itself is the help, however the words match an article.
      if (kind === 'help' && asksWhatTheAssistantDoes(text, recognition.unfamiliar)) return intent('small-talk');
      // "Hvad er du for en størrelse?", "er du en robot?": the assistant asked what it is (dialogs/small-talk.ts), read as
      // help or a greeting however unsure — the welcome answers it about itself, no article does.
      if ((kind === 'help' || kind === 'greeting') && asksAboutAssistant(text)) return intent('small-talk');
      // "Hej, hvordan nulstiller jeg min kode?": the question is what counts. Small talk the classifier
      // is sure of ("tak for hjælpen, det virkede", "what can you help with", "det var en fejl, stop")
      // stays small talk even where a word of it finds an article; a greeting or thanks that also asks
      // something or names the portal ("hej, jeg har et spørgsmål om RejsUd") is weighed against the knowledge base.
      const carriesMore = (kind === 'greeting' || kind === 'thanks') && (question || namesPortal);
      // "What can I ask", "det var en fejl, stop": too little of substance for an article to outweigh the classifier.
      const substantial = contentWords(text).length >= 2 || namesPortal;
      // "What does the service desk help with?": help asked about someone else than the assistant and the user. "Hvad kan
      // servicedesken hjælpe os med": the desk named as the one who helps, "os" the user's side — not the assistant spoken to.
      const deskAsked = kind === 'help' && THE_DESK_AS_THIRD_PARTY.test(text) && !SECOND_PERSON.test(text);
      const aboutAThirdParty = kind === 'help' && (!SPEAKS_TO_THE_ASSISTANT.test(text) || deskAsked);
      // "By what date do you need our forms to get this month's salary right": a question with three words or more
      // of substance is a question, however sure the classifier is that it asks what the assistant can do.
      const asksOfSubstance = (kind === 'help' || kind === 'greeting') && question && contentWords(text).length >= 3;
      if (words(text).length > 3 && (substantial || deskAsked) && (!sure || carriesMore || aboutAThirdParty || asksOfSubstance) && knowledge().kind !== 'unknown') return ask('knowledge-over-small-talk');
      // "navision hjælp", "hjælp rejsud", "lønseddel hjælp": help typed beside a system or a subject of the portal, as
      // into a search box, is help with that thing — its article, when one answers; the menu otherwise.
      if (kind === 'help' && !recognition.command && namesPortal && !asksWhatTheAssistantDoes(text, recognition.unfamiliar) && knowledge().kind === 'answered') return ask('knowledge-over-small-talk');
      // "How do I get access to Silkeborg Data?": words the classifier was never taught, which the knowledge
      // base cannot place either — the text is about them, not small talk: declined, not the welcome.
      // "Hvad er du for en størrelse?": the assistant asked what it is, however new the words — about itself, not a subject.
      // "What replaced ODUP?": a question of two such words is as much about them as a longer text is.
      const aboutItsWords = words(text).length > 3 || (question && contentWords(text).length >= 2);
      if ((kind === 'help' || kind === 'greeting') && aboutItsWords && (recognition.unfamiliar ?? 0) > 0 && !INTRODUCTION.test(text) && !asksAboutAssistant(text) && unplaced(knowledge())) return ask('unknown-subject');
      if (plausible) return intent('small-talk');
      // A word or three that is not a question ("kommandoer", "ty"): a weaker guess is still better than "no answer".
      return words(text).length <= 3 && !question && recognition.confidence >= ROUTING_THRESHOLDS.shortSmallTalk && knowledge().kind === 'unknown' ? intent('small-talk') : ask('question');
    }

    // A request (a case, my cases, a person, access, registration) — or a question about one?
    if (kind === 'human') {
      // "Medarbejder", "employee": one word naming staff in general, typed as into a search box, is its subject — the
      // knowledge base answers or declines it (a case offered) — however sure the classifier is of a person asked for.
      if (STAFF_WORD.test(text.trim())) return ask('question');
      // "Hvilket telefonnummer skal jeg så ringe til?" after the page on reporting an error, which gives the number to call
      // for it: that page's number — not when a person is asked for or the desk addressed ("hvad er jeres telefonnummer").
      if (question && input.previous !== undefined && words(text).length <= MAX_WORDS_OF_FOLLOW_UP && !PERSON_ASKED.test(text) && !ADDRESSES_THE_DESK.test(text)) {
        // Read with the page's subject, as a follow-up is; its own words choose the passage shown.
        const held = input.knowledge(`${text} ${input.previous.subject}`, input.lang, undefined, text, input.previous.articleId);
        if (contactOfPrevious(held, input.previous.articleId, text)) {
          asked = held;
          return ask('follow-up');
        }
      }
      // A person, a phone number, opening hours. Fairly sure: the contact article found by the knowledge
      // base confirms it; another article that answers a question wins ("hvad er et CVR-nummer");
      // a question nothing answers is declined ("hvornår har svømmehallen åbent"); a plain request
      // for a person the knowledge base cannot place ("speak to an agent") is one.
      // "Hvornår i måneden får vi afstemningen fra jer?": a question to the desk about something else than
      // reaching it — no word of contact, and another article answers it — is that article's.
      // "My phone company sent me an invoice that looks wrong, what should I do?": something wrong asked about,
      // with no person asked for and the desk not addressed, is a question ("phone" names the user's own thing).
      if (question && (SOMETHING_WRONG.test(text) || reportsAProblem(text)) && !PERSON_ASKED.test(text) && !ADDRESSES_THE_DESK.test(text)) return ask('question');
      // "SAM payroll error phone number", "tlf nummer til … fejlindmeldelse": the number or address of something an
      // article other than the desk's contact article names, in the passage it shows, is that article's answer.
      if (!PERSON_ASKED.test(text) && holdsTheContactAsked(knowledge(), text)) return ask('question');
      // "Kan jeg få nøgletal om personalet på mail hvert kvartal?": staff and a mail are things, not someone to reach;
      // asked or requested, an article that answers it strongly is the answer. Only half believed in, a person read in words
      // of no one to reach ("§56 agreement sick up to 30 days deadline") is that answer the more (round 28).
      if ((sure || plausible) && !reachingWords(text) && !contactWordTyped(text)) {
        const found = knowledge();
        if (found.kind === 'answered' && found.score >= ROUTING_THRESHOLDS.strongAnswer && !namesContact(found)) return ask('question');
      }
      // "Hvordan melder jeg mig syg, skal jeg ringe til chefen?": a call to the user's own boss is not one to the desk.
      if (SOMEONE_ELSE_TO_REACH.test(text) && !PERSON_ASKED.test(text) && !ADDRESSES_THE_DESK.test(text)) return ask('question');
      // "Hvornår har kantinen åbent i dag?": another place's hours — declined when the knowledge base cannot place it.
      if (PLACE_HOURS.test(text) && !PERSON_ASKED.test(text) && !ADDRESSES_THE_DESK.test(text) && unplaced(knowledge())) return ask('question');
      // "Giv mig en opskrift på lasagne til 6 personer": sure of a person only because one is counted, in two words
      // or more the classifier never saw and the knowledge base cannot place, no one asked for and the desk not
      // addressed — about those words: declined, the case still offered.
      if (sure && !PERSON_ASKED.test(text) && !ADDRESSES_THE_DESK.test(text) && (recognition.unfamiliar ?? 0) >= 2 && unplaced(knowledge())) return ask('unknown-subject');
      if (sure) return intent('intent-confident');
      if (plausible) {
        const found = knowledge();
        // "What are your hours?", "hvornår har I åbent?": asked of the desk itself.
        // "Åbingstider?", "telefonnummer": a contact detail asked for on its own (also with a typo) is the desk's.
        if (namesContact(found) || ADDRESSES_THE_DESK.test(text) || (words(text).length <= 2 && (CONTACT_DETAIL.test(text) || contactWordTyped(text)))) return intent('contact-article');
        // "vpn forbindelsen ryger hele tiden": no word of reaching anyone, in words the classifier never saw and
        // the knowledge base cannot place: about those words, not a person (declined; the case offered).
        if (!CONTACT_WORDS.test(text) && !contactWordTyped(text) && (recognition.unfamiliar ?? 0) > 0 && unplaced(found)) return ask('unknown-subject');
        if (!question && !asksHow(text) && !reportsAProblem(text)) return intent('intent-request');
      }
      return ask('question');
    }
    if (asksHow(text)) {
      // "Hvordan opretter man en sag om løn?" asks how: the knowledge base answers if it can.
      if (knowledge().kind !== 'unknown') return ask('how-question');
      return sure ? intent('intent-without-answer') : ask('how-question');
    }
    if (question) {
      // A case asked for in a question's form ("skal jeg have … ?") is weighed against the knowledge base:
      // declining still offers the case, a wrong case dialog costs the user more.
      // "Who may order access …?", "between which hours are requests passed on?": a question word asks about
      // access, registration or cases in general — not for one to be made. Status, my cases and a person
      // are asked for with question words too ("hvornår er min sag færdig?", "hvad er jeres telefonnummer?").
      // The question word may open a later clause: "we need a new user account on the platform, who sets it up".
      const asksAboutMaking = (WH_QUESTION.test(sentence(text)) || LATER_WH_QUESTION.test(text) || UNMARKED_LATER_QUESTION.test(text)) && (kind === 'createCase' || kind === 'communityAccess' || kind === 'register');
      if (asksAboutMaking) return ask('question');
      // "Hvornår får jeg svar på min ansøgning om SU / boligstøtte?", "har politiet behandlet min anmeldelse?": an answer
      // awaited from another authority or the asker's own world, with no case of the user's named — not a case at the desk:
      // the knowledge base's to answer or decline.
      if ((kind === 'status' || kind === 'myCases') && awaitedElsewhere(text, namesPortal, knowledge)) return ask('question');
      // "Kan mine kolleger se de sager jeg sender?" asks what someone else may see — a question of the portal, not the list,
      // however sure the classifier is of the list (round 29: "kan mine kolleger se mine henvendelser" was the list).
      const othersSee = (kind === 'status' || kind === 'myCases') && OTHERS_SEE.test(text);
      if (sure && kind !== 'createCase' && !othersSee) return intent('intent-confident');
      // "When will my ticket be done?": a question about the user's own cases is theirs to look up, not an article's.
      if (plausible && (kind === 'status' || kind === 'myCases') && (namesOwnCases(text) || ADDRESSES_THE_DESK.test(text)) && !othersSee) return intent('own-cases');
      if (knowledge().kind !== 'unknown') return ask('question');
      // A question the knowledge base cannot place is a case when the classifier is sure of it ("kan jeg sende
      // en forespørgsel til jer"), or fairly sure and it names the portal's area, system or form.
      // Not when it hinges on words the classifier never saw and names nothing of the portal ("skal jeg have visum …").
      // A question that asks for a case in so many words ("kna i oprette en sgaa for mig") is not about its unfamiliar words.
      // The words of making a case say nothing of the other requests: "skal jeg selv melde flytning til folkeregistret" is no registration.
      if ((recognition.unfamiliar ?? 0) > 0 && !namesPortal && (kind !== 'createCase' || (!CASE_ACTION.test(text) && !typedActionWord(text)))) return ask('question');
      // A question that asks for nothing to be done ("skal overtidsbetaling tælles med …?", "findes der noget færdigt?")
      // is declined with the case offered, however sure the classifier is of a request: a wrong case dialog costs more.
      if (kind === 'createCase' && !CASE_ACTION.test(text) && !CASE_WORDS.test(text) && !typedActionWord(text)) return ask('question');
      return sure || (plausible && (kind !== 'createCase' || namesPortal)) ? intent('intent-without-answer') : ask('question');
    }
    if (kind === 'createCase' && namesATopic(text)) {
      // No action, no wish, no case and no problem in words ("refusion graviditetsbetinget fravær"): a
      // topic to look up. The knowledge base answers it if it can; the case is one click from its answer.
      if (knowledge().kind !== 'unknown') return ask('topic');
    }
    // "registerprint totalprint forskel", "rapportpakke zip fil upload": words of a topic that the classifier
    // half reads as another request (registration, a file to attach). Sure of it, the request stands
    // ("adgang lønfællesskab"); unsure, an article that answers the words is what they ask for.
    if (REQUESTS.has(kind) && !sure && namesATopic(text) && !OWN_CASES.test(text) && findCaseNumbers(text).length === 0 && knowledge().kind === 'answered') {
      return ask('topic');
    }
    // The desk asked only to help with it ("… – kan I hjælpe?") does not make the problem the portal's.
    // Nor does a problem in a subject of the portal's (an area, by its name or a topic of it: "vores refusionsansøgning for barsel
    // er blevet afvist …") that the desk is asked to look into ("vil gerne have det undersøgt"): that is a case at the desk.
    const wishInTheArea = recognition.slots.areaId !== undefined && WISH_FOR_ACTION.test(text);
    if ((kind === 'createCase' || kind === 'status' || kind === 'myCases') && !namesPortal && !wishInTheArea && reportsAProblem(text) && !CASE_WORDS.test(text) && !ADDRESSES_THE_DESK.test(text.replace(DESK_ASKED_TO_ACT, ' '))) {
      // "Printeren virker ikke": a problem with something the portal does not name, nor the knowledge base
      // knows, and not asked as a case: declined (with a pointer to local IT), the case still offered.
      if (unplaced(knowledge())) return ask('outside-portal');
    }
    // "Jeg skal have adgang til WorkZone": a request about a system the portal does not have (a name the
    // classifier never saw and the knowledge base does not know) is declined with where to go instead.
    // Access to such a system is declined however sure the classifier is of a request ("bestil adgang til Jira").
    if ((!sure || (ACCESS_OR_LOGIN.test(text) && recognition.slots.systemId === undefined)) && (recognition.unfamiliar ?? 0) > 0) {
      const found = knowledge();
      if (found.kind === 'unknown' && found.reason === 'unknown-name') return ask('unknown-subject');
    }
    // "My email domain was rejected when I signed up": registration that went wrong is a question the knowledge
    // base answers (what to check), not a request to register — the user has tried that.
    if (kind === 'register' && !sure && (reportsAProblem(text) || SOMETHING_WRONG.test(text)) && knowledge().kind === 'answered') return ask('question');
    // "Kan du hjælpe mig med at skrive en ansøgning til et nyt job": a request, however sure, that names
    // nothing of the portal, no case and no problem, in words the classifier never saw and the knowledge
    // base cannot place, is about those words: declined, with the case still offered.
    if (
      kind === 'createCase' &&
      !namesPortal &&
      !CASE_WORDS.test(text) &&
      !CASE_ACTION.test(text) &&
      !typedActionWord(text) &&
      // "Can you translate this email into German for me?": the "you" of a polite request is whoever reads it.
      !ADDRESSES_THE_DESK.test(sentence(text).replace(POLITE_REQUEST, '')) &&
      !reportsAProblem(text) &&
      !SOMETHING_WRONG.test(text) &&
      (recognition.unfamiliar ?? 0) > 0 &&
      unplaced(knowledge())
    ) {
      return ask('unknown-subject');
    }
    // "vil have mails om fakturaer på et andet klokkeslæt, de kommer kl 8" half read as a comment: a comment or a
    // status is about a case; a text that names none, which an article answers, asks about its subject.
    if ((kind === 'addComment' || kind === 'status') && !sure && !OWN_CASES.test(text) && !CASE_WORDS.test(text) && findCaseNumbers(text).length === 0 && knowledge().kind === 'answered') {
      return ask('topic');
    }
    // "Statens Refusion viser status afvist på en ansøgning …, vil gerne have det kigget på": a system's state told as
    // a problem, with no case of the user's named, is that system's case — not the status of one.
    if ((kind === 'status' || kind === 'myCases') && recognition.slots.systemId !== undefined && !OWN_CASES.test(text) && !CASE_WORDS.test(text) && findCaseNumbers(text).length === 0 && (reportsAProblem(text) || SOMETHING_WRONG.test(text))) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'problem-in-system');
    }
    // "Vi har ikke modtaget fakturaen i IndFak", "lønnen er forkert for en medarbejder i SLS": a problem told in a system the
    // portal has, with no case asked for in words, that an article about that system answers — the article, and a case on
    // that system offered with it (a yes starts the case there).
    if (kind === 'createCase' && impliedCase()) return offering('problem-with-article');
    // "Jeg vil svare på min sag om Navision": a comment on a case the user calls theirs, however faintly the classifier
    // reads it (round 21: fresh training data moved it under `plausible`) — no article knows the user's cases.
    if (kind === 'addComment' && OWN_CASES.test(text) && recognition.confidence >= ROUTING_THRESHOLDS.shortSmallTalk) return intent('intent-request');
    // "Faktura 998877 fra Lyreco på 12.300 kr": a thing of the portal's told with its details (its number is no case number),
    // with no case of the user's named and nothing asked of how one stands — a case about it, not the status of one.
    if ((kind === 'status' || kind === 'myCases') && (recognition.slots.formId !== undefined || recognition.slots.systemId !== undefined) && !namesOwnCases(text) && !CASE_WORDS.test(text) && findCaseNumbers(text).length === 0 && !asksHowItStands(text) && !AWAITING_REPLY.test(text.trim())) {
      return done({ kind: 'intent', intent: { kind: 'createCase' } }, 'intent-request');
    }
    // "phone number for Kundebetjening to report an error", "telefonnummer til Kundebetjening for at melde en fejl": the number
    // or address of something an article names in the passage it shows, read as a request because the desk's area is named,
    // is that article's answer (as it is when read as a person asked for) — unless a case is asked for in words (round 28).
    if (kind === 'createCase' && !CASE_WORDS.test(text) && !askedToMakeACase(text) && !ASKS_FOR_A_CASE.test(text) && CONTACT_DETAIL.test(text) && holdsTheContactAsked(knowledge(), text)) return ask('question');
    if (sure || (plausible && namesPortal)) return intent('intent-request');
    // "Kan du slå min sag op, nr 39921", "tjek lige min henvendelse": a status or the list asked for, fairly surely, of the user's
    // own case in a request's form — theirs to look up, as the same asked as a question is; no article knows it (round 29).
    if ((kind === 'status' || kind === 'myCases') && plausible && namesOwnCases(text) && !reportsAProblem(text) && !SOMETHING_WRONG.test(text)) return intent('own-cases');
    // A status or a list of cases needs a case: a statement that names none ("min pc starter ikke") is not one.
    if ((kind === 'status' || kind === 'myCases') && words(text).length > 2 && !OWN_CASES.test(text) && !CASE_WORDS.test(text)) return ask('question');
    // A request of middling confidence that names nothing of the portal ("can you book a flight for me"):
    // the knowledge base decides; declining still offers a case.
    if (plausible && knowledge().kind !== 'unknown') return intent('intent-request');
    return ask('question');
  }
}

/**
 * The option of a pending choice that a typed text names (tolerantly: a typo, a place in the list, the
 * option's own words). The router's own offers («Opret en sag») take a typed text only when it is little
 * more than the offer: "opret en sag om en faktura i IndFak" is a request of its own, with its area and system.
 */
export function typedOption(expectation: Expectation, text: string): Choice | undefined {
  if (expectation.kind !== 'choice') return undefined;
  // The articles offered ("Mente du …?") are picked by a word of one title too ("SLS").
  const matched = matchTolerant(expectation.choices as readonly Choice[], text) ?? (expectation.about === 'router:candidates' ? choiceByTitleWord(expectation.choices as readonly Choice[], text) : undefined);
  if (!matched || !expectation.about.startsWith('router:')) return matched;
  return words(text).length > Math.max(words(matched.label.da).length, words(matched.label.en).length) + 1 ? undefined : matched;
}

/** A choice named exactly: its number, id, label or alias (spaces, case and æ/ø/å spelling aside). */
function exactChoice(choices: Extract<Expectation, { kind: 'choice' }>['choices'], text: string): boolean {
  const raw = text.trim();
  const n = choiceNumber(raw, choices.length);
  if (n !== undefined) return n >= 1 && n <= choices.length;
  const key = matchKey(raw);
  if (key === '') return false;
  return choices.some((c) => [c.id, c.label.da, c.label.en, ...(c.aliases ?? [])].some((k) => matchKey(k) === key));
}

/** Whether the knowledge base answers (or offers) an article about the given portal system. */

/**
 * Whether the answer shown is about the system: its article's system field or its title names it ("Brugeradministration
 * i IndFak og RejsUd" is RejsUd's too). Another system's page that names it in passing is not.
 */
function answeredAbout(result: AnswerResult, systemId: string): boolean {
  const about = (candidate: AnswerCandidate): boolean => articleAbout(candidate.article, systemId);
  switch (result.kind) {
    case 'answered':
      return about(result);
    case 'ambiguous':
      return result.candidates.every(about);
    case 'unknown':
      return false;
  }
}

function answersAboutSystem(result: AnswerResult, systemId: string | undefined): boolean {
  if (systemId === undefined) return false;
  // An article's system is free text ("RejsUd / IndFak", "LDV (Statens BI)"): any system it names counts.
  const about = (candidate: AnswerCandidate): boolean =>
    candidate.article.system !== undefined && (findSystem(candidate.article.system)?.id === systemId || mentionedSystems(candidate.article.system).some((s) => s.id === systemId));
  switch (result.kind) {
    case 'answered':
      return about(result) || (result.seeAlso ?? []).some(about);
    case 'ambiguous':
      return result.candidates.some(about);
    case 'unknown':
      return false;
  }
}

/**
 * Words that name a topic, nothing more: no action, no wish, no problem and no sentence ("løn emnefelt",
 * "registerprint forskel"). A compound that opens with "fejl" is a thing's name, not a report of one
 * ("fejlindmeldelse løn emnefelt" looks up how errors are reported; "fejl i løn" reports one).
 */
function namesATopic(text: string): boolean {
  return !asksForAction(text.replace(ERROR_COMPOUND, ' ')) && !SENTENCE.test(text) && !/(?<![\p{L}\d])I(?![\p{L}\d])/u.test(text);
}

/** A compound noun that opens with "fejl" ("fejlindmeldelse", "fejlbesked", "fejlkode"): the name of a thing. */
const ERROR_COMPOUND = /(?<![\p{L}\d])fejl\p{L}{4,}/giu;

/** Whether the knowledge base answers strongly with an article other than the desk's contact article whose passage shown holds the phone number or e-mail address asked for. */
function holdsTheContactAsked(found: AnswerResult, text: string): boolean {
  if (found.kind !== 'answered' || found.score < ROUTING_THRESHOLDS.strongAnswer || namesContact(found)) return false;
  // Something named besides reaching the desk: "kan jeg ringe til jer" asks for the desk's own number.
  const named = contentWords(text).filter((word) => !CONTACT_WORDS.test(word) && !ADDRESSES_THE_DESK.test(word) && !TIME_WORDS.test(word) && !INSTEAD_WORDS.test(word));
  const kinds = askedKinds(text).filter((kind) => kind === 'phone' || kind === 'email');
  return named.length > 0 && kinds.length > 0 && kindMatch(found.passage.text, kinds) > 0;
}

/** Whether the answer is the article shown before, and its passage holds the phone number or e-mail address asked for. */
function contactOfPrevious(found: AnswerResult, previousId: string, text: string): boolean {
  if (found.kind !== 'answered' || ![found.article.id, found.article.translationOf].includes(previousId)) return false;
  const kinds = askedKinds(text).filter((kind) => kind === 'phone' || kind === 'email');
  return kinds.length > 0 && kindMatch(found.passage.text, kinds) > 0;
}

/**
 * Another way of reaching the desk than this chat ("kan jeg maile i stedet", "a phone line I can call instead", "direkte"):
 * how, not what about.
 */
const INSTEAD_WORDS = /^(?:stedet|instead|direkte|directly|ellers|otherwise|hellere|rather|alternativt|alternatively|line|linje|hotline)$/iu;

/** Days and times of day: when to reach the desk ("har I telefonåbent om fredagen"), not a subject. */
const TIME_WORDS =
  /^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|weekend|helligdag|morgen|formiddag|eftermiddag|aften|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|today|tomorrow)\p{L}{0,3}$/iu;

/** Whether the knowledge base answers with the article on contacting the desk itself (not only under another). */
function answersWithContact(result: AnswerResult): boolean {
  return result.kind === 'answered' && result.article.topic === 'contact';
}

/** Whether the knowledge base's answer is (or offers) the article on contacting the desk. */
function namesContact(result: AnswerResult): boolean {
  switch (result.kind) {
    case 'answered':
      return [result, ...(result.seeAlso ?? [])].some((c) => c.article.topic === 'contact');
    case 'ambiguous':
      return result.candidates.some((c) => c.article.topic === 'contact');
    case 'unknown':
      return false;
  }
}

function bestScore(result: AnswerResult): number {
  switch (result.kind) {
    case 'answered':
      return result.score;
    case 'ambiguous':
      return Math.max(0, ...result.candidates.map((c) => c.score));
    case 'unknown':
      return 0;
  }
}

/**
 * A no said in a sentence: the no-word opening a short remark ("nej ikke rigtigt", "nej det gjorde det ikke", "not
 * really", "desværre ikke"), or the answer said not to help, to be wrong or to miss the question ("det hjalp ikke",
 * "det er forkert", "that's not what I asked", "kun delvist").
 */
const NO_OPENING = /^(?:nej|næ|nope|nah|no|nix|ikke\s+(?:rigtig|rigtigt|helt|egentlig|særlig|specielt|just)|desværre\s+ikke|slet\s+ikke|overhovedet\s+ikke|not\s+(?:really|quite|exactly|at\s+all|much|so\s+much)|absolutely\s+not|unfortunately\s+not)(?![\p{L}\d])/iu;
const NOT_HELPED =
  /(?<![\p{L}\d])(?:(?:hjalp|hjælper|hjælpe|gjorde|virkede|virker|passede|passer|svarede|løste|løser)\s+(?:det\s+|den\s+|mig\s+)?(?:ikke|ik|ikk)|(?:did\s+not|didn['’]?t|does\s+not|doesn['’]?t|won['’]?t)\s+(?:really\s+)?(?:help|work|answer)|(?:er|var)\s+(?:helt\s+)?(?:forkert|forkerte|ikke\s+rigtigt|ikke\s+det)|forkert\s+svar|wrong\s+(?:answer|article)|(?:is|was|that['’]?s|it['’]?s)\s+(?:just\s+|totally\s+)?(?:wrong|incorrect|not\s+(?:it|right|what))|not\s+what\s+i\s+(?:asked|meant|need|wanted)|ikke\s+(?:det|hvad)\s+jeg\s+(?:spurgte|mente|søgte|ledte)|(?:kun\s+)?delvist|(?:only\s+)?partly|partially)(?![\p{L}\d])/iu;
/**
 * A yes said in a sentence: the yes-word opening a short remark ("ja det hjalp", "jo tak", "yes that's it", "ok gør
 * det"), or the answer said to help or the offer taken ("det hjalp", "it helped", "gør det", "go ahead", "please do").
 */
const YES_OPENING = /^(?:ja|jo|jep|jeps|jaja|yes|yeah|yep|yup|sure|ok|okay|okey|fint|super|perfekt|klart|absolut|gerne|præcis|exactly|definitely|great|fine)(?![\p{L}\d])/iu;
const HELPED =
  /(?<![\p{L}\d])(?:(?:det|den|it|that|this)\s+(?:hjalp|hjælper|gjorde\s+det|virkede|virker|helped|helps|did|worked|works)(?!\s+(?:ikke|ik|not|n['’]?t))|gør\s+(?:det|det\s+bare|endelig)|lad\s+os\s+gøre\s+det|do\s+it|go\s+ahead|please\s+do|det\s+vil\s+jeg\s+(?:gerne|meget\s+gerne)|i['’]?d\s+like\s+that)(?![\p{L}\d])/iu;
/** At most this many words: a longer text says more than yes or no. */
const MAX_WORDS_OF_YES_OR_NO = 10;

/**
 * The router's own yes/no ("Hjalp det?", "Vil du oprette en sag?") answered in a sentence: "nej det gjorde det ikke",
 * "det er forkert", "ja det hjalp", "ok gør det". The recognizer reads a text without its context (there "nej det
 * gjorde det ikke" is a stop, "ja det hjalp" thanks); asked yes or no, such a text is the answer. A question, a long
 * text or one that asks for something else is left as it was read. Only for the router's own questions: a dialog's
 * yes/no ("Er det dit svar til «…»?") reads its answers itself.
 */
export function readInContext(recognition: Recognition, expectation: Expectation, text: string): Recognition {
  const yesOrNo = expectation.kind === 'yesNo' || (expectation.kind === 'choice' && expectation.choices.some((c) => c.id === 'yes') && expectation.choices.some((c) => c.id === 'no'));
  if (!yesOrNo || !expectation.about.startsWith('router:')) return recognition;
  if (recognition.intent.kind === 'yes' || recognition.intent.kind === 'no') return recognition;
  if (recognition.command && recognition.intent.kind !== 'cancel') return recognition;
  const t = text.trim();
  if (t === '' || words(t).length > MAX_WORDS_OF_YES_OR_NO || readsAsQuestion(t)) return recognition;
  const said: 'yes' | 'no' | undefined = NO_OPENING.test(t) || NOT_HELPED.test(t) ? 'no' : YES_OPENING.test(t) || HELPED.test(t) ? 'yes' : undefined;
  if (said === undefined) return recognition;
  return { ...recognition, intent: { kind: said }, command: false, confidence: 1, scores: {} };
}


/** A second question joined to the first: "…, og hvem skal bruge det?", "… and who uses it", "… – og hvor tit …". */
const SECOND_QUESTION =
  /(?:\s*,\s*|\s+[–—-]\s+|\s+)(?:og|and)\s+(?=(?:hvem|hvad|hvordan|hvor|hvornår|hvilke|hvilken|hvilket|hvorfor|kan|skal|må|who|what|how|where|when|which|why|can|do|does|is|are)(?![\p{L}\d]))/iu;
/** Each of two questions has at least this many words ("hvordan og hvornår søger jeg …" is one question). */
const MIN_WORDS_OF_PART = 2;

/**
 * Two questions in one message: "hvad er RejsUd og hvem skal bruge det?", "hvordan får jeg adgang til IndFak, og hvad
 * koster det?", "hvad er CIP? hvem har ansvaret?" — each part a question of its own (a question word or an inverted
 * verb first, or a question mark), at least two words each. A statement before a question ("Vi er en region. Kan vi
 * …") and a clause inside one ("…, hvem der er administrator") are one question. Undefined for one question.
 */
export function twoQuestions(text: string): [string, string] | undefined {
  const t = text.trim();
  const parts = ((): [string, string] | undefined => {
    const mark = t.indexOf('?');
    if (mark > 0 && mark < t.length - 1 && t.slice(mark + 1).trim().length > 0) return [t.slice(0, mark + 1), t.slice(mark + 1)];
    const joined = SECOND_QUESTION.exec(t);
    return joined ? [t.slice(0, joined.index), t.slice(joined.index + joined[0].length)] : undefined;
  })();
  if (!parts) return undefined;
  const [first, second] = parts.map((part) => part.trim().replace(/^[,–—-]\s*/u, '')) as [string, string];
  const asks = (part: string): boolean => words(part).length >= MIN_WORDS_OF_PART && (INTERROGATIVE.test(sentence(part)) || WH_QUESTION.test(sentence(part)) || part.endsWith('?'));
  if (!asks(first) || !asks(second) || second.includes('?', second.indexOf('?') + 1) || SECOND_QUESTION.test(second)) return undefined;
  return [first, second.endsWith('?') || !t.endsWith('?') ? second : `${second}?`];
}

/**
 * The asker alone as the one who has or gets ("how many vacation days do I have left?", "hvor mange dage har jeg tilbage?",
 * "my"/"min"): one's own affairs, which no article's figure answers (round 28).
 */
const ASKER_ALONE = /(?<![\p{L}\d])(?:(?:do|did|have|can|will|would|should)\s+i|i\s+(?:have|get|got|am)|har\s+jeg|jeg\s+har|får\s+jeg|jeg\s+får|my|mine?|mit)(?![\p{L}\d])/iu;

/** At most this coverage of a single word alone: only a part of it (a compound's part, a fuzzy match) is in the articles (round 29). */
const PART_OF_A_WORD = 0.5;

/** Words capitalised inside a sentence ("when is Easter this year?" → "Easter"): names, in English (round 29). */
function capitalisedInside(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const before = text.slice(0, match.index).trimEnd();
    if (before.length > 0 && !/[.!?:]$/u.test(before) && /^\p{Lu}\p{Ll}/u.test(match[0]) && match[0].length >= 3) found.push(match[0]);
  }
  return found;
}

/** A Danish word without a definite or plural ending ("indkøbskaskaden" → "indkøbskaskad", "brugerne" → "bruger"). */
function wordStem(word: string): string {
  for (const ending of ['erne', 'ene', 'ne', 'en', 'et', 'er', 'e', 's']) {
    if (word.endsWith(ending) && word.length - ending.length >= 5) return word.slice(0, word.length - ending.length);
  }
  return word;
}

/** Below this share of a follow-up's words in the article just shown, that article hardly holds what is asked (round 28). */
const HARDLY_HELD = 0.25;

/** At most this many words: a longer question says what it is about. */
const MAX_WORDS_OF_FOLLOW_UP = 9;
/**
 * At most this many words for a question that refers back ("hvad gør jeg hvis jeg har glemt koden til den?", "gælder det
 * også hvis vi selv har glemt at skrive noget i bestillingen?"): its pronoun says what it is about, however long the
 * circumstance told beside it (round 27).
 */
const MAX_WORDS_REFERRING_BACK = 14;
/**
 * A new subject announced before the question ("noget andet: …", "et helt andet spørgsmål: …", "different question: …",
 * "on another note, …"): the question is its own, not a follow-up of the answer before — its "den"/"det" is then an
 * article ("den særlige feriegodtgørelse"), not a reference back (round 27).
 */
const NEW_SUBJECT =
  /^(?:(?:ok(?:ay)?|okay|fint|super|godt|tak|mange\s+tak|thanks?|thank\s+you|great)[\s,.!]+)*(?:(?:jeg\s+har\s+)?(?:noget\s+(?:helt\s+)?andet|(?:et\s+)?(?:helt\s+)?(?:andet|nyt)\s+spørgsmål|(?:et\s+)?andet\s+emne|skift(?:er)?\s+(?:af\s+)?emne|(?:a\s+|one\s+)?(?:different|another|new|other|unrelated)\s+(?:question|topic|subject|thing)|something\s+(?:else|different)|on\s+another\s+note|changing\s+(?:the\s+)?(?:topic|subject)))(?![\p{L}\d])/iu;
/** A term's meaning asked with the indefinite article: "hvad er en dispositionsdato?", "hvad betyder et advis egentlig", "what is a cube?" (round 28). */
const TERM_ASKED = /^\s*(?:(?:og|men|and|but|ok|okay)[\s,]+)?(?:hvad\s+(?:er|betyder)\s+(?:egentlig\s+)?(?:en|et)|what\s+(?:is|does)\s+(?:a|an)|what['’]s\s+(?:a|an))(?![\p{L}\d])/iu;
/** "Og hvad med RejsUd?", "what about IndFak", "og til SLS?", "and for other forms?": the last question again, about something else. */
const ABOUT_ANOTHER =
  /^(?:(?:og|men|and|but)\s+)?(?:hvad\s+(?:så\s+)?med|hvordan\s+(?:så\s+)?med|hvad\s+gælder\s+for|what\s+about|how\s+about|and\s+for|and\s+with|and\s+in|og\s+(?:for|til|i|med|på|hos)|også\s+(?:for|til|i|med))\s+(.+?)\s*[?.!]*$/iu;
/**
 * The last question asked to hold for another system as well, the system after a preposition: "er det på samme måde i
 * RejsUd?", "gælder det også for RejsUd?", "virker det ligesådan i Navision?", "is it the same in RejsUd?", "does that apply
 * to RejsUd too?", "same for LDV?" (round 28). Only when what follows names a system: "gælder det også hvis vi selv har glemt
 * det?" refers back and is read so.
 */
const SAME_FOR_ANOTHER =
  /^(?:(?:og|men|and|but)\s+)?(?:(?:er|gælder|virker|fungerer|foregår|gøres|sker)\s+det(?:\s+(?:også|så))?(?:\s+(?:det\s+samme|på\s+samme\s+måde|på\s+den\s+samme\s+måde|ligesådan|ligeså|sådan|samme\s+sted))?(?:\s+(?:også|så))?|(?:is|does|will|would)\s+(?:it|that|this)(?:\s+(?:also|still))?(?:\s+(?:the\s+same|similar|apply|work(?:\s+the\s+same(?:\s+way)?)?|be\s+the\s+same|go))?|(?:the\s+)?same|samme|også)\s+(?:for|in|with|to|on|i|for|med|på|hos|til|ved)\s+(.+?)(?:\s+(?:too|as\s+well|also|også))?\s*[?.!]*$/iu;
/**
 * A thing said to be without something ("institutioner der ikke har Navision", "dem uden SLS", "those without LDV", "if we
 * don't use IndFak"): a system named so is what the new subject lacks, not the subject (round 27).
 */
const LACKING = /(?<![\p{L}\d])(?:ikke|uden|without|not|no|n['’]t)(?![\p{L}\d])/iu;
/** "Og RejsUd?", "and LDV?": a bare subject after "og"/"and", two words at most. */
const AND_ANOTHER = /^(?:og|and)\s+(\S+(?:\s+\S+)?)\s*\?+\s*$/iu;
/**
 * A thing referred back to: "hvem skal bruge det", "hvor finder jeg den", "are there fees", "how often must I change it",
 * "do they help with the annual accounts?" (round 27: the people or the office the answer before spoke of),
 * and the system itself in its definite form ("hvem er leverandør på systemet?", "kan man få appen på telefonen?", "who
 * supplies the system?") — not a time of its own ("denne måned", "dette år", "this week": the asker's now, nothing of the answer before).
 */
const REFERS_BACK =
  /(?<![\p{L}\d])(?:det|den|dem|denne|dette|disse|deraf|derfra|dertil|it|its|they|them|this|that|these|those|ones|there|systemet|programmet|løsningen|platformen|værktøjet|appen|the\s+(?:system|program|solution|platform|tool|app|software))(?![\p{L}\d])(?!\s+(?:måned|uge|år|dag|morgen|weekend|kvartal|halvår|periode|gang|month|week|year|day|morning|weekend|quarter|time)(?![\p{L}\d]))/iu;

/** A question opened with a conjunction continues the conversation: "og hvad hvis vi ikke svarer til tiden?", "men hvornår …", "and when …". */
const CONTINUES = /^(?:og|men|and|but)\s+\S/iu;

/** At most this many words for a question with no word of its own that refers back ("hvordan får jeg adgang?", "hvad koster det?"). */
const MAX_WORDS_OF_BARE_FOLLOW_UP = 6;

/** The endings of a Danish noun's definite form ("brugerne", "afregningerne", "rapporten", "skemaet"). */
const DEFINITE_ENDINGS = ['erne', 'ene', 'ne', 'en', 'et'] as const;
/** Words ending so that are no definite noun ("igen", "meget", "sammen", participles are caught by the held stem's length). */
const NOT_DEFINITE = new Set(['igen', 'meget', 'sammen', 'omkring', 'eneste', 'ingen', 'noget', 'andet', 'hinanden', 'egen', 'egentlig', 'hen', 'men', 'den', 'det', 'dem', 'denne', 'dette', 'selvfølgelig', 'måske', 'derefter', 'bagefter', 'efteren']);

/**
 * A Danish definite noun whose indefinite stem the article just shown holds ("hvem nedlægger brugerne når folk stopper?" after
 * CIP's duties, which speak of "brugere"; "hvor tit bliver rapporten så sendt ud?" after HRmeter's "rapport"): the thing
 * the answer spoke of, referred back to by its definite form (round 28). A definite noun the article does not hold
 * ("kursen på euro") is a thing of the question's own.
 */
export function namesAThingOf(text: string, articleText: string | undefined): boolean {
  if (articleText === undefined) return false;
  const held = new Set(articleText.match(/[\p{L}\d]+/gu) ?? []);
  const heldStem = (stem: string): boolean => {
    for (const word of held) if (word.startsWith(stem)) return true;
    return false;
  };
  return (text.toLocaleLowerCase('da').match(/\p{L}+/gu) ?? []).some((word) => {
    if (NOT_DEFINITE.has(word)) return false;
    // "brugerne" → "bruger", "rapporten" → "rapport": five letters at least, so that short words ending so are left out.
    return DEFINITE_ENDINGS.some((ending) => word.endsWith(ending) && word.length - ending.length >= 5 && heldStem(word.slice(0, word.length - ending.length)));
  });
}

/**
 * The question a short follow-up asks, read with the answer shown before it: "og hvad med RejsUd?" after "hvordan
 * sætter jeg to-faktor op til IndFak?" asks that of RejsUd; "hvem skal bruge det?" after RejsUd's article asks it of
 * RejsUd (`sure`: it says so). A short question that names nothing ("hvordan får jeg adgang?") may be one too — the
 * caller weighs it against the question alone (not `sure`). Undefined when the text is no follow-up: long, no
 * question, or naming a system or a form of its own.
 */
export function followUpQuery(text: string, previous: PreviousAnswer | undefined, recognition: Recognition): { query: string; sure: boolean; system?: string; own?: string } | undefined {
  if (!previous) return undefined;
  const t = text.trim();
  const count = words(t).length;
  if (NEW_SUBJECT.test(t) || count > (REFERS_BACK.test(t) ? MAX_WORDS_REFERRING_BACK : MAX_WORDS_OF_FOLLOW_UP)) return undefined;
  const same = SAME_FOR_ANOTHER.exec(t)?.[1];
  const another = ABOUT_ANOTHER.exec(t)?.[1] ?? AND_ANOTHER.exec(t)?.[1] ?? (same !== undefined && !LACKING.test(same) && mentionedSystems(same).length > 0 ? same : undefined);
  if (another !== undefined) {
    // The last question with its system left out, when the new subject is a system of its own — not one named as lacking
    // ("hvad med institutioner der ikke har Navision?": the subject is those institutions, asked of the same page).
    const named = LACKING.test(another) ? [] : mentionedSystems(another);
    const before = named.length > 0 ? withoutSystems(previous.question) : previous.question;
    return { query: `${before} ${another}`, sure: true, ...(named.length === 1 && named[0] ? { system: named[0].id } : {}) };
  }
  // A system or a form of its own makes it a question of its own; an area's word does not ("hvordan får jeg adgang?"). A form
  // read from the act said of a thing the answer before spoke of ("hvem nedlægger brugerne?" after CIP's duties, which
  // speak of "brugere") is that thing's act, not a form asked for (round 28).
  const thingOfPrevious = namesAThingOf(t, previous.text);
  if (!readsAsQuestion(t) || recognition.slots.systemId !== undefined || (recognition.slots.formId !== undefined && !thingOfPrevious)) return undefined;
  // `own`: the question's own words, which choose the passage (the subject added is every passage's).
  if (REFERS_BACK.test(t) || CONTINUES.test(t)) return { query: `${t} ${previous.subject}`, sure: true, own: t };
  // A definite noun of the article just shown refers back as a pronoun would, so a longer question that names one is weighed as
  // a follow-up too (against what it finds alone).
  return count <= MAX_WORDS_OF_BARE_FOLLOW_UP || (count <= MAX_WORDS_OF_FOLLOW_UP && thingOfPrevious) ? { query: `${t} ${previous.subject}`, sure: false, own: t } : undefined;
}

/**
 * Whether a short question that names nothing may be read with the answer before it (`withIt`, which is that answer's
 * article again when `samePrevious`), against what it finds alone. Not when alone its own words are hardly in the
 * articles ("hvem vandt landskampen i går?" after ISOLA: ISOLA's words would answer it); not when alone it is answered
 * by another article of the previous one's system ("hvordan bruger man kuberne i excel?" after LDV's overview: the
 * cubes' own article) or by an article whose subject it names ("hvad er Statens Digitale Indkøb?").
 */
export function bentToPrevious(text: string, alone: AnswerResult, withIt: AnswerResult, samePrevious: boolean): boolean {
  if (alone.kind === 'unknown') return !(alone.reason === 'no-match' || (alone.reason === 'low-confidence' && (alone.coverage ?? 1) < OFF_TOPIC_COVERAGE));
  if (alone.kind !== 'answered' || withIt.kind !== 'answered' || !samePrevious || alone.article.id === withIt.article.id) return true;
  if (sharesSystem(alone.article.system, withIt.article.system)) return false;
  return !namesTitleSubject(text, alone.article.title);
}

/** Whether two articles' system fields name a system in common ("SLS/HR-Løn" and "SLS", "LDV (Statens BI)" twice). */
function sharesSystem(one: string | undefined, other: string | undefined): boolean {
  const systemsOf = (system: string | undefined): string[] =>
    (system ?? '')
      .toLocaleLowerCase('da')
      .split(/[/,()]|\s+(?:og|and)\s+/u)
      .map((name) => name.trim())
      .filter((name) => name.length >= 2);
  const names = new Set(systemsOf(other));
  return systemsOf(one).some((name) => names.has(name));
}

/** The head of an article's title ("Statens Digitale Indkøb (SDI) – forord …" → "statens digitale indkøb"), named whole in the text. */
function namesTitleSubject(text: string, title: string): boolean {
  const head = (title.split(/\s+[–—-]\s+|:\s|\s\(/u)[0] ?? '').trim().toLocaleLowerCase('da');
  if (head.length < 5) return false;
  const escaped = head.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'u').test(text.toLocaleLowerCase('da'));
}

/** A wish that something be done ("vil gerne have det undersøgt", "skal have rettet", "har brug for", "please look into it", "I need"). */
const WISH_FOR_ACTION =
  /(?<![\p{L}\d])(?:(?:vil|ville|skal|må|ønsker)\s+(?:(?:gerne|lige|bare|også)\s+)?(?:have|ha|få)|vil\s+gerne|ville\s+gerne|gerne\s+have|ønsker|har\s+brug\s+for|undersøg\p{L}*|kigge\s+på|kigget\s+på|need|needs|want|would\s+like|i['’]d\s+like|please|pls|look\s+into|investigate)(?![\p{L}\d])/iu;

/** A system down as a whole ("RejsUd er gået ned", "SLS er nede", "is down", "crashed", "nedbrud"): the desk's to mend. */
const OUTAGE = /(?<![\p{L}\d])(?:(?:er|is|var|was)\s+(?:gået\s+)?(?:ned|nede|down)|gået\s+ned|går\s+ned|gik\s+ned|went\s+down|crash\p{L}*|nedbrud\p{L}*|slet\s+ikke)(?![\p{L}\d])/iu;

/** Auxiliaries and function verbs that stand by a negation without saying what fails ("kan ikke", "har ikke", "is not"). */
const NEGATED_AUXILIARY = /^(?:kan|kunne|vil|ville|har|havde|er|var|skal|må|bliver|blev|får|fik|gør|can|could|will|would|has|have|had|is|are|was|were|do|does|did|be|been|get|gets|got)$/iu;

/**
 * What a problem says fails: its words of something wrong ("forkert", "afvist", "fejl") and the verb a negation
 * bears on ("har ikke *modtaget*", "*virker* ikke", "can't *open*").
 */
function problemWords(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(SOMETHING_WRONG.source, 'giu'))) found.add(m[0].toLowerCase());
  // "Er tom", "går i stå", "smider mig ud": the words of the failure itself, not its auxiliary or whom it befalls.
  for (const m of text.matchAll(new RegExp(FAILS_IN_OTHER_WORDS.source, 'giu'))) {
    for (const word of m[0].toLowerCase().split(/\s+/u)) if (word.length >= 4 && !NEGATED_AUXILIARY.test(word) && !/^(?:helt|bare|just|brugerne|users)$/u.test(word)) found.add(word);
  }
  const w = text.toLowerCase().match(/[\p{L}\d'’]+/gu) ?? [];
  w.forEach((word, i) => {
    const negation = word === 'ikke' || word === 'not' || /n['’]t$/u.test(word) || word === 'cannot';
    if (!negation) return;
    const before = w[i - 1];
    const after = w[i + 1];
    if (word !== 'ikke' && word !== 'not' && after) found.add(after);
    else if (before && !NEGATED_AUXILIARY.test(before) && !/^(?:det|den|jeg|vi|de|man|it|i|we|they)$/u.test(before)) found.add(before);
    else if (after) found.add(after);
  });
  return [...found].filter((x) => x.length >= 3);
}

/**
 * Whether a passage tells of something failing or going wrong at all — a negation of what a thing does, a word of error,
 * rejection or absence ("… kommer ikke over i fakturadelen", "afvist", "mangler", "fejl"): a page on a problem, not an
 * overview or a table that merely shares a few of the problem's words.
 */
function passageTellsOfFailure(passage: string): boolean {
  return reportsAProblem(passage) || SOMETHING_WRONG.test(passage) || PASSAGE_FAILURE.test(passage);
}

/** Failure as a page tells it: "ikke"/"not" anywhere, absence, "mangler", "missing", "forsinket", "delayed", "glemt", "låst". */
const PASSAGE_FAILURE = /(?<![\p{L}\d])(?:ikke|not|never|aldrig|mangler|manglende|missing|forsinke\p{L}*|delayed|glemt|forgot\p{L}*|låst|locked)(?![\p{L}\d])/iu;

/**
 * A passage whose word on a matter is to make a case about it or to report it ("Opret en sag med formularen Faktura i IndFak …",
 * "Spørgsmål om en afregning sender du med formularen for rejseafregninger", "Sådan melder du fejlen", "create a case with the
 * form …"): for a problem told, the case is the answer.
 */
const SENDS_TO_A_CASE =
  /(?<![\p{L}\d])(?:opret(?:ter)?\s+(?:du\s+|i\s+|man\s+)?(?:en\s+)?sag|(?:sender|sendes|send)\s+(?:du\s+|i\s+)?med\s+formularen|med\s+formularen\s+\p{Lu}|(?:melder|indmelder|anmelder)\s+(?:du|i|man)\s+(?:\p{L}+\s+)?fejl\p{L}*|create\s+a\s+case|(?:using|with)\s+the\s+form|(?:report|reporting)\s+(?:an?\s+|the\s+)?errors?)(?![\p{L}\d])/u;

function sendsToACase(passage: string): boolean {
  return SENDS_TO_A_CASE.test(passage.replace(/^\p{Lu}/u, (c) => c.toLowerCase()).replace(/([.!?]\s+)(\p{Lu})/gu, (_, a: string, c: string) => a + c.toLowerCase()));
}

/** Whether a word is in a text as itself or a form of it (the same first five letters: "modtaget"/"modtager", "afvist"). */
function holdsWord(haystack: readonly string[], word: string): boolean {
  const stem = word.slice(0, Math.min(5, word.length));
  return haystack.some((h) => h.startsWith(stem) || (stem.length >= 5 && h.includes(stem)));
}

/**
 * Whether a passage speaks of the problem a text tells: it holds what fails ({@link problemWords}) and half the text's words
 * of substance — an overview of the system ("Tre veje ind i lønsystemet") does not answer "lønnen er forkert".
 */
function passageSpeaksOfTheProblem(text: string, passage: string): boolean {
  const haystack = passage.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const wrong = problemWords(text);
  if (wrong.length === 0 || !wrong.some((word) => holdsWord(haystack, word))) return false;
  const content = contentWords(text).map((x) => x.toLowerCase());
  return content.length > 0 && content.filter((word) => holdsWord(haystack, word)).length * 2 >= content.length;
}

/** A text without the systems it names ("hvordan sætter jeg to-faktor op til IndFak?" → "… op til ?"). */
function withoutSystems(text: string): string {
  let out = text;
  for (const system of mentionedSystems(text)) {
    for (const name of [system.name, ...system.name.split('/'), ...system.aliases].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length)) {
      out = out.replace(new RegExp(`(?<![\\p{L}\\d])${name.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}(?![\\p{L}\\d])`, 'giu'), ' ');
    }
  }
  return out.replace(/\s+/gu, ' ').trim();
}
