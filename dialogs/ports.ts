/**
 * What the conversations need from outside: who the user is (a {@link UserResolver} per channel),
 * what the user wants (an {@link IntentRecognizer}, implemented in bot/), and where answer
 * feedback goes (a {@link FeedbackRecorder}). Plain types; no botbuilder.
 */
import type { ExternalIdentity, Field, User } from '../portal/index.js';
import type { AnswerResult } from '../knowledge/index.js';

export type Language = 'da' | 'en';

// ---------------------------------------------------------------------------------------------
// Identity

/** The parts of an activity identity depends on. */
export interface ChannelAccount {
  channelId: string;
  fromId: string;
  fromName?: string | undefined;
  /** Teams: the member's Entra ID object id. */
  aadObjectId?: string | undefined;
  /** Set only when the channel adapter itself authenticated the user (web chat's signed token). */
  verifiedFromId?: string | undefined;
}

export type ResolvedIdentity =
  /** A registered portal user. */
  | { kind: 'user'; user: User }
  /** The channel vouches for a person who is not registered yet: offer registration (with this e-mail / identity). */
  | { kind: 'unregistered'; email?: string; identity?: ExternalIdentity }
  /** The channel says nothing reliable about who this is. */
  | { kind: 'anonymous' };

/** Who is talking, from the channel. Web chat and Teams plug in their own. */
export interface UserResolver {
  resolve(account: ChannelAccount): Promise<ResolvedIdentity>;
}

// ---------------------------------------------------------------------------------------------
// Intents

export type MembershipOp = 'attach' | 'detach';

/** What a user turn asks for. `question` (the default) goes to the knowledge base. */
export type Intent =
  | { kind: 'question' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'help' }
  /** "Talk to a person": the service desk's contact details and opening hours, and a case offered. */
  | { kind: 'human' }
  /** "Stil et spørgsmål": the user wants to ask; invite the question. */
  | { kind: 'ask' }
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'createCase' }
  | { kind: 'myCases' }
  | { kind: 'showMore' }
  | { kind: 'status'; caseNumber?: string }
  /** `text`: the comment written in the same message ("kommenter SA-…: …", "skriv til sagen SA-… at …"). */
  | { kind: 'addComment'; caseNumber?: string; text?: string }
  /** "Vedhæft en fil til SA-…": files for an existing case. */
  | { kind: 'attachFile'; caseNumber?: string }
  | { kind: 'register' }
  | { kind: 'communityAccess'; institution?: string }
  | { kind: 'membership'; op: MembershipOp; member: string; mailbox: string }
  /**
   * "Tilføj Ole til fællespostkassen": a membership change asked without the two e-mail addresses; how to ask is told.
   * `member`, `mailbox`: the names or local parts it gives ("tilføj anna til fællespostkassen loen"), tried in the
   * administrator's organisation.
   */
  | { kind: 'membershipHow'; op: MembershipOp; member?: string; mailbox?: string }
  /** "Hvem er tilknyttet loen@…?": the users attached to a shared mailbox. */
  | { kind: 'mailboxMembers'; mailbox: string }
  /** "And in English?", "kan du skrive på dansk", "I don't speak Danish": the user's language asked for. */
  | { kind: 'language'; to: Language }
  /** "Du forstår mig ikke", "this is useless", "that's not what I asked": the conversation is not going well. */
  | { kind: 'complaint' }
  /**
   * "Kan du sige det mere enkelt?", "forstår ikke", "hvad betyder det?" after an answer: the last answer explained again —
   * another passage of the same article. Decided by the router (only when an answer was shown), never by the classifier.
   */
  | { kind: 'explain' };

export type IntentKind = Intent['kind'];

/** Area, system and form a text names (by name, alias or with a typo), as catalogue ids. */
export interface Slots {
  areaId?: string;
  systemId?: string;
  formId?: string;
  /**
   * The area was guessed from a word of its subjects ("overtid", "momsen"), not named: it starts a
   * case there, but the text does not name the portal (bot/nlu/slots.ts: namesThePortal).
   */
  areaByTopic?: true;
  /**
   * A system the text implies but does not name: inside a compound ("refusionsansøgningen", "rejsudafregningen"), or as
   * the system of the word the area was named by ("løn" → SLS, whose name is "lønsystem"). The case path starts there
   * (dialogs/prefill.ts: pathFrom); routing reads only `systemId`, the systems named.
   */
  systemImplied?: string;
  /** The form was told by a choice only it has ("dobbelt løn": «Dobbelt udbetaling» of «Fejl i lønkørsel»), not named. */
  formImplied?: true;
}

export interface Recognition {
  intent: Intent;
  /** The whole text is a command ("hjælp", "annuller", "mine sager", "status på SA-…"): it interrupts any dialog. */
  command: boolean;
  /** Trust in `intent`, in [0, 1]: 1 for a rule (an exact command, a case number), else the classifier's share. */
  confidence: number;
  /** The classifier's share per intent kind (empty for a rule); the router weighs them. */
  scores: Readonly<Partial<Record<IntentKind, number>>>;
  /** What the text names of the catalogue. */
  slots: Slots;
  /**
   * How many of the text's content words the classifier never saw in training (a system, a place or
   * a thing it was not taught): its confidence then rests on the frame of the sentence alone ("kan I
   * hjælpe med ___"), and the knowledge base is the better judge of the rest. Absent for a rule.
   */
  unfamiliar?: number;
  /**
   * A request to make something asked how ("hvordan vedhæfter jeg en fil?", "how can I open a
   * ticket?"): the text is a question, which `intent` says; this is the request the classifier read,
   * for when nothing answers the question (then the request itself helps).
   */
  askedHow?: Intent;
}

// ---------------------------------------------------------------------------------------------
// What the conversation is waiting for (the router weighs an input against it)

/** What a form field's value looks like, for telling an answer from a question typed into it. */
export type AnswerShape = 'code' | 'name' | 'number' | 'date' | 'email' | 'phone' | 'shortText' | 'longText' | 'choice' | 'yesNo' | 'caseNumber';

export type Expectation =
  /** Nothing asked: the input is a new request. */
  | { kind: 'none' }
  /**
   * A yes/no question of the router's own ("Hjalp det?", "Vil du oprette en sag?") or a dialog's ("Er det dit svar
   * …?"). `answers`: the field whose answer waits for the yes — anything but a yes or a no is a new answer to it.
   */
  | { kind: 'yesNo'; about: string; answers?: FieldExpectation }
  /** A choice between listed options (area, system, form, institution, article, summary action …). */
  | { kind: 'choice'; about: string; choices: readonly { id: string; label: { da: string; en: string }; aliases?: readonly string[] }[] }
  /** A form field's value. */
  | FieldExpectation;

/** What a form field waits for: its value, of a shape. */
export interface FieldExpectation {
  kind: 'field';
  fieldId: string;
  label: { da: string; en: string };
  shape: AnswerShape;
  optional: boolean;
  /** Buttons offered beside the field («Send en ny kode»): named exactly, they answer the field's dialog. */
  choices?: readonly { id: string; label: { da: string; en: string }; aliases?: readonly string[] }[];
  /** The form's fields a message may fill now, the one asked among them ("fakturanr 12345, leverandør Dell"), when there are several. */
  fields?: readonly Field[];
}

/** The answer shown last in a conversation, for a follow-up question ("hvem skal bruge det?", "og hvad med RejsUd?"). */
export interface PreviousAnswer {
  /** The question it answered (as asked, or as read with the one before it). */
  question: string;
  /** What the article is about, in the language it was shown in: its title's head ("RejsUd", "Din lønseddel"). */
  subject: string;
  /** The article shown. */
  articleId: string;
  /** The article's text, lower-cased: a definite noun of the follow-up may name a thing of it ("brugerne", "rapporten"; round 28). */
  text?: string;
}

export interface IntentRecognizer {
  /** The intent of one (already cleaned) user text. Cheap: called on every turn. */
  recognize(text: string): Recognition;
}

// ---------------------------------------------------------------------------------------------
// The routing decision (made in bot/routing.ts before the dialogs run; the dialogs act on it)

export type Route =
  /** The text answers what the conversation asked. `inDoubt`: ask the user before storing it. */
  | { kind: 'answer'; inDoubt: boolean }
  /** A request of its own: help, cancel, my cases, a case, talk to a person, … */
  | { kind: 'intent'; intent: Intent }
  /**
   * A question for the knowledge base, with the knowledge base's answer. `outsidePortal`: the text is
   * about something the portal does not handle (a printer that does not work, a system the knowledge
   * base does not know): a decline says where to go instead. `offTopic`: about nothing of the portal or of a
   * desk (the weather, a joke, a capital city): a decline says what the assistant answers. Neither offers a case.
   */
  | {
      kind: 'knowledge';
      answer: AnswerResult;
      outsidePortal?: boolean;
      offTopic?: boolean;
      /** The question the answer is to, when it is not the text as written: a follow-up read with the answer before it ("hvem skal bruge det?" → "… RejsUd"). Never logged. */
      asked?: string;
      /** "Og hvad med RejsUd?" that none of that system's articles answers: the system's name (the decline says so). */
      missingFor?: string;
      /** Two questions in one message ("hvad er RejsUd og hvem skal bruge det?"): each, to answer the one `answer` leaves out. */
      parts?: [string, string];
      /** A problem told in a system the portal has, with no case asked for ("vi har ikke modtaget fakturaen i IndFak"): the article, and a case on that system offered. */
      caseOffered?: boolean;
    };
/** Why a route was chosen (logged; stable codes for tests and dashboards). */
export type RouteReason =
  | 'command'
  | 'rule'
  | 'choice-exact'
  | 'choice-typed'
  | 'yes-no'
  | 'question-at-choice'
  | 'value-fits-field'
  | 'question-at-field'
  | 'question-at-free-text'
  | 'question-about-field'
  | 'question-about-choices'
  /** "Det ved jeg ikke" at a dialog's question: the dialog helps (never a cancel). */
  | 'dont-know'
  | 'unclear-value'
  | 'intent-at-field'
  | 'knowledge-at-field'
  | 'intent-confident'
  | 'contact-article'
  | 'own-cases'
  /** How the desk tells or shows how cases go, asked of the process ("får jeg en kvittering …", "hvor følger man med i …"): the article. */
  | 'how-cases-are-followed'
  | 'intent-request'
  | 'how-question'
  | 'intent-without-answer'
  | 'question'
  | 'small-talk'
  | 'knowledge-over-small-talk'
  | 'unknown-subject'
  | 'topic'
  | 'outside-portal'
  | 'problem-in-system'
  /** A problem told in a system, no case asked for, that an article about the system answers: the article, and the case offered. */
  | 'problem-with-article'
  | 'follow-up'
  | 'answer-to-dialog';

export interface RouteDecision {
  route: Route;
  /** The recognised intent, its confidence and where it came from. */
  intent: IntentKind;
  confidence: number;
  /** What the conversation was waiting for. */
  expecting: Expectation['kind'];
  /** The knowledge base's outcome, when it was asked; its best score. */
  knowledge?: AnswerResult['kind'];
  knowledgeScore?: number;
  /** Why the knowledge base had no answer, when it had none (no content words, no match, low confidence, a name it does not know). */
  knowledgeReason?: Extract<AnswerResult, { kind: 'unknown' }>['reason'];
  reason: RouteReason;
}

// ---------------------------------------------------------------------------------------------
// Feedback (shaped like knowledge's FeedbackStore, so that store can be passed as it is)

export type { AnswerFeedback, UnansweredQuestion } from '../knowledge/index.js';
import type { AnswerFeedback, UnansweredQuestion } from '../knowledge/index.js';

export interface FeedbackRecorder {
  recordFeedback(feedback: AnswerFeedback): Promise<void>;
  recordUnanswered(question: UnansweredQuestion): Promise<void>;
}

/** Keeps feedback in memory (until the knowledge feedback store is wired). */
export class InMemoryFeedbackRecorder implements FeedbackRecorder {
  readonly feedback: AnswerFeedback[] = [];
  readonly unanswered: UnansweredQuestion[] = [];
  private readonly limit: number;

  /** `limit`: entries kept per list, oldest dropped first. Default 10,000. */
  constructor(limit = 10_000) {
    this.limit = limit;
  }

  async recordFeedback(feedback: AnswerFeedback): Promise<void> {
    this.feedback.push(feedback);
    if (this.feedback.length > this.limit) this.feedback.shift();
  }

  async recordUnanswered(question: UnansweredQuestion): Promise<void> {
    this.unanswered.push(question);
    if (this.unanswered.length > this.limit) this.unanswered.shift();
  }
}

// ---------------------------------------------------------------------------------------------
// Deflection at submit and the desk's figures (issue 15)

/** An article that answers a case's description confidently, offered before the summary. */
export interface DeflectionOffer {
  articleId: string;
  title: string;
  /** The passage that answers (markdown). */
  text: string;
  url?: string;
}

/** "Det løste det": a case the knowledge base solved before it was sent. */
export interface CaseDeflection {
  articleId: string;
  areaId?: string;
  formId?: string;
  channelId: string;
  locale: Language;
  /** The portal user, so the row can be exported and erased with the rest of their data. */
  userId?: string;
  at: Date;
}

/** A case created in the chat: the channel it came from and the article offered first, if any. */
export interface CaseFromChat {
  caseNumber: string;
  channelId: string;
  offeredArticleId?: string;
  at: Date;
}

/** Where the case dialog records what the desk page counts (PostgreSQL in production). */
export interface DeskEventRecorder {
  recordDeflection(event: CaseDeflection): Promise<void>;
  recordCaseFromChat(event: CaseFromChat): Promise<void>;
}

/** Keeps desk events in memory (tests, and when no database is wired). */
export class InMemoryDeskEventRecorder implements DeskEventRecorder {
  readonly deflections: CaseDeflection[] = [];
  readonly cases: CaseFromChat[] = [];

  async recordDeflection(event: CaseDeflection): Promise<void> {
    this.deflections.push(event);
  }

  async recordCaseFromChat(event: CaseFromChat): Promise<void> {
    this.cases.push(event);
  }
}
