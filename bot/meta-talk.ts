/**
 * What a user says about the conversation itself rather than about the portal: which language it is
 * to be in ("og på engelsk?", "can you answer in English?", "I don't speak Danish"), and that it is
 * not going well ("du forstår mig ikke", "det virker ikke", "that's not what I asked").
 *
 * Both are recognised by their form, not by a list of sentences: a short message whose every word
 * belongs to the word classes such a remark is made of (pronouns for the assistant, the answer and
 * the user; verbs of answering, writing, translating, understanding and working; negations, fillers
 * and politeness) and that holds the remark's core (a language named; not understanding, not working,
 * no use, not what was asked). A word outside those classes — a thing, a system, a guide — makes the
 * message about that thing: "findes der en engelsk vejledning til RejsUd?" asks about a guide,
 * "printeren virker ikke" reports a printer, "jeg forstår ikke min lønseddel" asks about a payslip.
 */
import type { Language } from '../dialogs/ports.js';

/** The words of a message: lower case, apostrophes kept ("don't"), punctuation dropped. */
function wordsOf(text: string): string[] {
  return (
    text
      .toLocaleLowerCase('da')
      .replace(/[’`´]/g, "'")
      .match(/[\p{L}']+|\p{N}+/gu) ?? []
  ).map((w) => w.replace(/^'+|'+$/g, ''));
}

function wordSet(...groups: string[]): ReadonlySet<string> {
  return new Set(groups.join(' ').split(/\s+/).filter((w) => w !== ''));
}

// ---------------------------------------------------------------------------------------------
// The language asked for

const DANISH_NAME = /^(?:dansk|danske|danish)$/u;
const ENGLISH_NAME = /^(?:engelsk|engelske|english)$/u;

/** Words a request for a language is made of, besides the language's name. */
const LANGUAGE_REQUEST_WORDS = wordSet(
  // Fillers, politeness, conjunctions: "og", "and", "what about", "please", "tak", "i stedet".
  'og and hvad med what about how so så nu now then please pls plz tak venligst gerne lige igen again instead i stedet også also too only kun bare just hellere rather men but ok okay hej hi hello sorry undskyld excuse well nej no ja yes',
  // Pronouns and the thing to be shown: "det", "svaret", "it", "the answer", "artiklen".
  'du dig jeg mig vi os you me we us i i\'m my min mit mine dit din it this that that\'s it\'s the a an en et det den dette denne der her there svar svaret svarene answer answers reply artikel artiklen article tekst teksten text side siden page version versionen udgave udgaven',
  // Asking and wanting: "kan du", "could you", "kan jeg få", "I'd like", "foretrækker".
  'kan kunne vil ville skal må can could would will shall may mind få fået get have has har haves do does er is are være be findes available tilgængelig tilgængeligt want wants wanted like i\'d foretrækker prefer ønsker better bedre fremover from on forward',
  // Answering, writing, speaking, translating, switching: "svar", "skriv", "tale", "oversæt", "skift til".
  'forklar forklare forklaring explain explaining put svare svarer skriv skrive skriver write writing tale taler snakke snakker speak speaking talk talking sige sig say oversæt oversætte oversat oversættelse translate translated translation læse læser read forstå forstår understand respond reply replying answering responding continue fortsæt fortsætte vis vise show send sende give giv bruge brug use skift skifte switch change sprog sproget language',
  // Prepositions and negations: "på", "til", "in", "into", "ikke", "don't".
  'på til in into to on i af of from fra ikke not don\'t dont do can\'t cant cannot doesn\'t very much really godt good well særlig so meget',
);

/** The user cannot read the language named ("I don't speak Danish", "jeg forstår ikke engelsk"): the other one is asked for. */
const CANNOT_READ =
  /(?:^|\s)(?:(?:jeg|vi)\s+(?:taler|forstår|læser|snakker|kan)\s+ikke(?:\s+(?:så|særlig|godt|meget|læse|tale|forstå|snakke))*|(?:i|we)\s+(?:don't|dont|do\s+not|can't|cant|cannot|can\s+not)(?:\s+(?:really|speak|understand|read|talk))+(?:\s+(?:very\s+)?(?:much|well|good))?)\s+(?:dansk|danish|engelsk|english)(?:\s|$)/u;

/** The word before a language written into ("på engelsk", "in English", "til dansk", "into Danish"). */
const INTO = /^(?:på|til|in|into|to)$/u;

/** At most this many words: a longer message says more than which language to write. */
const LANGUAGE_REQUEST_MAX_WORDS = 10;

/**
 * The language a short message asks the conversation to be in ("og på engelsk?", "english please",
 * "kan du oversætte til engelsk?", "I don't speak Danish" → English), or undefined when it asks none.
 */
export function languageAskedFor(text: string): Language | undefined {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > LANGUAGE_REQUEST_MAX_WORDS) return undefined;
  if (!words.every((w) => DANISH_NAME.test(w) || ENGLISH_NAME.test(w) || LANGUAGE_REQUEST_WORDS.has(w))) return undefined;
  const named = words.flatMap((w, i) => (DANISH_NAME.test(w) || ENGLISH_NAME.test(w) ? [{ language: (DANISH_NAME.test(w) ? 'da' : 'en') as Language, after: words[i - 1] ?? '' }] : []));
  const languages = new Set(named.map((n) => n.language));
  if (languages.size === 2) {
    // Both named ("respond in English, my Danish is not good", "translate from Danish to English"): the one written
    // into is asked for.
    const into = new Set(named.filter((n) => INTO.test(n.after)).map((n) => n.language));
    return into.size === 1 ? [...into][0] : undefined;
  }
  const language = named[0]?.language;
  if (language === undefined) return undefined;
  return CANNOT_READ.test(words.join(' ')) ? (language === 'da' ? 'en' : 'da') : language;
}

// ---------------------------------------------------------------------------------------------
// A complaint about the conversation

/** Words a complaint is made of: the assistant, the answer and the user, verbs of understanding, working and asking, negations, fillers. */
const COMPLAINT_WORDS = wordSet(
  // Danish: who and what ("du", "chatten", "svaret", "det her", "ingenting").
  'du dig din dit dine jeg mig min mit mine vi os det den dette denne her der de chat chatten chatbot chatbotten bot botten robot robotten assistent assistenten program programmet svar svaret svarene spørgsmål spørgsmålet hvad som',
  'er var har havde bliver blev kan kunne gør gjorde ikke ingenting intet noget nogen en et ingen skid hak dyt overhovedet slet helt bare stadig jo altså godt rigtig rigtigt virkelig totalt fuldstændig fuldstændigt så nu igen også og men eller sgu fandeme sikke hvor til på om af for med seriøst øv argh ugh suk hallo nej puha pff altid aldrig længere mere',
  'forstår forstod forstået forstå fatter fattede fattet begriber misforstår misforstod misforstået misforstå virker virkede virket fungerer fungerede hjælper hjalp hjulpet hjælp duer dur nytter nyttede giver gav mening spurgte spørger spurgt mente mener siger sagde skriver skrev skrevet svarer svarede besvarer besvaret bad følger bruge brug nytte klogere relevant brugbart brugbar korrekt snakker taler hvorfor ved at bliver',
  // English.
  "you your you're youre i i'm me my it it's its this that that's thats is are was were be been the a an answer answers answered answering reply question bot chat chatbot assistant thing",
  "do does did don't dont doesn't doesnt didn't didnt isn't isnt won't not no never nothing at all just still really totally completely even so again of to any very well seriously ugh oh wow and but or much anything",
  'understand understands understood understanding misunderstand misunderstood misunderstanding get got getting follow work works working worked help helps helped helping helpful make makes made sense what asked ask asking meant mean said say wrote wanted use useful relevant right correct talking about why keep keeps giving give gives',
);

/** Words that judge the assistant or its answer worthless or wrong ("lort", "ubrugelig", "useless", "forkert"). */
const WORTHLESS =
  /^(?:lort|lorte\p{L}*|pis|møg\p{L}*|ubrugelig\p{L}*|elendig\p{L}*|håbløs\p{L}*|latterlig\p{L}*|dum|dumme|tåbelig\p{L}*|dårlig\p{L}*|forkert\p{L}*|irrelevant\p{L}*|vrøvl|sludder|nonsens|frustreret|frustrerende|irriterende|træls|useless|rubbish|crap|crappy|garbage|terrible|awful|stupid|pointless|worthless|hopeless|ridiculous|wrong|irrelevant|nonsense|bullshit|frustrated|frustrating|annoying)$/u;

/** The core of a complaint: not understanding, not working or helping, making no sense, not what was asked. */
const COMPLAINT_CORE = [
  // Not understood: "du forstår mig ikke", "du fatter ingenting", "du har ikke forstået", "you don't understand me", "misforstået".
  /(?:^|\s)(?:forstår|forstod|fatter|fattede|begriber)(?:\s+\S+){0,2}?\s+(?:ikke|ingenting|intet|en\s+skid)(?:\s|$)|(?:^|\s)(?:ikke|aldrig)(?:\s+\S+)?\s+(?:forstået|fattet|forstår|fatter|forstod)(?:\s|$)|(?:^|\s)misforst\p{L}*/u,
  /(?:^|\s)(?:don't|dont|do\s+not|doesn't|doesnt|does\s+not|didn't|didnt|did\s+not|not|never)(?:\s+\S+)?\s+(?:understand\p{L}*|get\s+(?:it|me|what)|follow)(?:\s|$)|(?:^|\s)misunderst\p{L}*/u,
  // Not working or helping: "det virker ikke", "ingenting virker", "it doesn't help", "you're no help".
  /(?:^|\s)(?:virker|virkede|fungerer|fungerede|hjælper|hjalp|duer|dur|nytter)(?:\s+\S+){0,2}?\s+(?:ikke|ingenting|intet|en\s+skid)(?:\s|$)|(?:^|\s)(?:ingenting|intet|nothing)(?:\s+\S+)?\s+(?:virker|fungerer|hjælper|works?|helps?|helped|worked)(?:\s|$)/u,
  /(?:^|\s)(?:don't|dont|do\s+not|doesn't|doesnt|does\s+not|didn't|didnt|did\s+not|isn't|isnt|is\s+not|not|won't)(?:\s+\S+)?\s+(?:work\p{L}*|help\p{L}*)(?:\s|$)|(?:^|\s)(?:no|ingen)\s+help(?:\s|$)|(?:^|\s)ikke\s+(?:til\s+)?(?:nogen|megen|meget)\s+hjælp(?:\s|$)|(?:^|\s)ingen\s+hjælp(?:\s|$)/u,
  // No use, not relevant, none the wiser: "det kan jeg ikke bruge til noget", "that's of no use", "det er ikke relevant", "jeg bliver ikke klogere".
  /(?:^|\s)ikke(?:\s+\S+)?\s+(?:bruge|use|relevant|brugbart?|korrekt|klogere|useful|helpful|relevant|right|correct)(?:\s|$)|(?:^|\s)(?:can't|cant|cannot|not)\s+use(?:\s|$)|(?:^|\s)(?:no|ingen)\s+(?:use|nytte)(?:\s|$)/u,
  // What the assistant talks about: "hvad snakker du om?", "what are you talking about".
  /(?:^|\s)hvad\s+(?:snakker|taler)\s+du\s+om(?:\s|$)|(?:^|\s)what\s+(?:are\s+you|you're|you\s+are)\s+talking\s+about(?:\s|$)/u,
  // No sense: "det giver ingen mening", "that makes no sense".
  /(?:^|\s)(?:giver|gav)\s+(?:ingen|ikke(?:\s+nogen)?)\s+mening(?:\s|$)|(?:^|\s)(?:makes?|made)\s+no\s+sense(?:\s|$)|(?:^|\s)(?:doesn't|doesnt|does\s+not|didn't|didnt)\s+make\s+(?:any\s+)?sense(?:\s|$)/u,
  // Not what was asked, not answered: "det var ikke det jeg spurgte om", "that's not what I meant", "du svarer ikke på mit spørgsmål".
  /(?:^|\s)ikke\s+(?:det|hvad)(?:\s+\S+){0,2}?\s+(?:spurgte|spørger|spurgt|mente|mener|skrev|bad)(?:\s|$)|(?:^|\s)not\s+what(?:\s+\S+){0,2}?\s+(?:asked|meant|asking|wrote|wanted|said)(?:\s|$)/u,
  /(?:^|\s)(?:svarer|svarede|besvarer|besvarede)(?:\s+\S+)?\s+ikke(?:\s|$)|(?:^|\s)ikke\s+(?:et\s+)?svar\s+på(?:\s|$)|(?:^|\s)(?:not|didn't|didnt|don't|dont|doesn't|doesnt|never)(?:\s+\S+)?\s+answer\p{L}*(?:\s|$)/u,
];

/** Not understanding what the assistant asks ("jeg forstår ikke hvad du spørger om"): the help of the step, not a complaint. */
const ASKS_WHAT_IS_ASKED = /(?:^|\s)(?:hvad\s+du\s+(?:spørger|vil|beder)|what\s+you(?:'re|\s+are)?\s+(?:asking|want|mean\s+by))(?:\s|$)/u;

/** At most this many words: a longer message says more than that the conversation goes badly. */
const COMPLAINT_MAX_WORDS = 14;

/**
 * Whether a short message complains about the assistant or its answer: "du forstår mig ikke", "det
 * virker ikke", "jeg forstår ikke svaret", "det her er noget lort, ingenting virker", "this is
 * useless", "that's not what I asked". The caller checks that it names no system ("det virker ikke i
 * RejsUd" reports a problem there).
 */
export function complainsAboutTheConversation(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > COMPLAINT_MAX_WORDS) return false;
  if (!words.every((w) => COMPLAINT_WORDS.has(w) || WORTHLESS.test(w))) return false;
  const said = words.join(' ');
  if (ASKS_WHAT_IS_ASKED.test(said)) return false;
  return words.some((w) => WORTHLESS.test(w)) || COMPLAINT_CORE.some((core) => core.test(said));
}

// ---------------------------------------------------------------------------------------------
// The last answer asked to be explained again

/** Words a request to explain the last answer again is made of. */
const EXPLAIN_WORDS = wordSet(
  // Pronouns, the answer, fillers and politeness: "det", "svaret", "that", "lige", "gerne", "please".
  'du dig jeg mig vi os det den dette denne der her svar svaret svarene teksten artiklen afsnittet og men så nu lige gerne tak venligst bare lidt en et igen også ok okay hmm hm øh undskyld sorry please pls plz again you me i i\'m we us it that this the answer text a an bit little just and but so now then ok okay',
  // Asking: "kan du", "vil du", "could you", "er", "is".
  'kan kunne vil ville må skal er var har can could would will may is are was do does did',
  // Explaining, saying, writing it: "forklar", "uddyb", "sig det", "formuler", "explain", "rephrase", "put".
  'forklar forklare forklarer forklaring uddyb uddybe uddyber uddybning sig sige siger skriv skrive skriver formuler formulere omformuler omformulere forenkle forenkler giv give vis vise explain explaining explanation elaborate elaborating rephrase reword simplify say put write give show tell',
  // How: "mere enkelt", "med andre ord", "på en anden måde", "in plain words", "in more detail".
  'mere mest enkelt enklere enkleste simpelt simplere simpel nemt nemmere nemmeste let lettere kort kortere bedre grundigere detaljeret detaljer nærmere tydeligere tydeligt forståeligt andre anden andet ord måde måder med på i om med eksempel almindeligt almindelig hverdagssprog menneskesprog more simpler simple simply easier easy plain plainer other another words way terms detail details detailed clearer clearly example shorter layman layman\'s with in of to for',
  // Not understanding it, not following: "forstår ikke", "jeg er ikke med", "I don't get it".
  'forstår forstod fatter fattede forstå forstået følger med ikke helt rigtig rigtigt not don\'t dont do didn\'t didnt really quite understand understood get follow lost',
  // Meaning: "hvad betyder det", "hvad mener du", "what does that mean".
  'hvad hvordan betyder betød mener menes what how mean means meant',
);

/** The core of the request: explain (it) again, in other words, more simply; not understanding it; what it means. */
const EXPLAIN_CORE = [
  /(?:^|\s)(?:forklar\p{L}*|uddyb\p{L}*|omformuler\p{L}*|forenkle\p{L}*|explain\p{L}*|elaborat\p{L}*|rephrase|reword|simplify)(?:\s|$)/u,
  /(?:^|\s)(?:sig|sige|skriv|skrive|formuler|formulere|say|put|write)(?:\s+\S+){0,3}?\s+(?:mere|enklere|simplere|nemmere|lettere|kortere|tydeligere|anden|andre|almindeligt|simpler|simply|easier|plain|plainer|other|another|clearer|shorter|more)(?:\s|$)/u,
  /(?:^|\s)(?:giv|give|vis|vise|show)(?:\s+\S+){0,2}?\s+(?:et\s+|an\s+)?(?:eksempel|example)(?:\s|$)/u,
  /(?:^|\s)(?:med|in)\s+(?:andre|other)\s+(?:ord|words)(?:\s|$)|(?:^|\s)(?:på|in)\s+(?:en\s+anden|another)\s+(?:måde|way)(?:\s|$)/u,
  // Not understood by the user ("forstår ikke", "det forstår jeg ikke helt", "I don't get it") — not the assistant's not
  // understanding ("du forstår mig ikke" is a complaint).
  /(?:^|\s)(?:forstår|forstod|fatter|fattede)(?:\s+\S+){0,2}?\s+ikke(?:\s|$)|(?:^|\s)ikke(?:\s+\S+)?\s+(?:forstået|forstår|fatter)(?:\s|$)/u,
  /(?:^|\s)(?:don't|dont|do\s+not|didn't|didnt)(?:\s+(?:really|quite))?\s+(?:understand|get|follow)(?:\s|$)|(?:^|\s)i'm\s+lost(?:\s|$)/u,
  /(?:^|\s)(?:jeg|vi)\s+er\s+ikke(?:\s+helt)?\s+med(?:\s|$)/u,
  // What it means: "hvad betyder det?", "hvad mener du?", "what does that mean?".
  /(?:^|\s)hvad\s+(?:betyder|betød|mener|menes)(?:\s+(?:det|du|dette|der|så|lige))*\s*$|(?:^|\s)what\s+(?:does|do)\s+(?:that|it|this)\s+mean(?:\s|$)|(?:^|\s)what\s+do\s+you\s+mean(?:\s|$)/u,
];

/** The assistant as the one who does not understand: a complaint, not a request to explain. */
const ASSISTANT_UNDERSTANDS = /(?:^|\s)(?:du|you)\s+(?:\S+\s+)?(?:forstår|forstod|fatter|fattede|understand|understood|get)(?:\s|$)/u;

/** The word before a language that asks for plain words in it ("almindeligt dansk", "plain English"). */
const PLAIN = /^(?:almindeligt|almindelig|plain|simple)$/u;

/** At most this many words: a longer message asks something of its own. */
const EXPLAIN_MAX_WORDS = 10;

/**
 * Whether a short message asks for the last answer to be explained again rather than asks something new: "kan du
 * sige det mere enkelt?", "forklar det med andre ord", "uddyb gerne", "det forstår jeg ikke helt", "jeg er ikke med,
 * hvad betyder det?", "can you explain that more simply?", "I don't get it". Every word belongs to the word classes
 * such a request is made of; a word outside them — a thing, a system, a field — makes it a question about that thing
 * ("hvad betyder løntrin?", "jeg forstår ikke min lønseddel"). The caller asks only when an answer was shown.
 */
export function asksToExplainAgain(text: string): boolean {
  // "På almindeligt dansk", "in plain English": plain words asked for, not a language.
  const words = wordsOf(text).map((w, i, all) => (PLAIN.test(all[i - 1] ?? '') && (DANISH_NAME.test(w) || ENGLISH_NAME.test(w)) ? 'ord' : w));
  if (words.length === 0 || words.length > EXPLAIN_MAX_WORDS) return false;
  if (!words.every((w) => EXPLAIN_WORDS.has(w))) return false;
  const said = words.join(' ');
  if (ASSISTANT_UNDERSTANDS.test(said)) return false;
  return EXPLAIN_CORE.some((core) => core.test(said));
}
