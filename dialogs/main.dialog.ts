/**
 * The main conversation: a router at the bottom of the stack that answers knowledge questions,
 * status and "mine sager" itself and begins the other dialogs (create case, registration,
 * consent, comment); and the interruption handling that lets "hjælp", "annuller", "forfra",
 * "mine sager", a status request or a knowledge question break into any of them, after which the
 * dialog asks its question again.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogInstance, type DialogReason, type DialogState, type DialogTurnResult } from './dialog-stack.js';
import { askedKinds, kindMatch, shownText, type AnswerCandidate, type AnswerResult, type Article, type KnowledgeBase } from '../knowledge/index.js';
import {
  articleAbout,
  mentionedSystems,
  caseNumberSchema,
  COMMUNITY_ACCESS_CHOICE,
  COMMUNITY_ACCESS_FORM_ID,
  danishDateTime,
  describeAttachment,
  catalogue as defaultCatalogue,
  formatDateDa,
  matchKey,
  getArea,
  getForm,
  getSystem,
  needsConsent,
  parseCaseNumber,
  statusLabel,
  type Case,
  type CaseEvent,
  type CaseStatus,
  type Catalogue,
  type DirectoryStore,
  type PortalService,
  type User,
} from '../portal/index.js';
import { caseAreaOfArticle, caseAreaOfText } from './areas.js';
import { casePrefillFrom } from './prefill.js';
import { asksForTheCase, givesCaseDetails } from './case-asked.js';
import { CaseDialog, type CaseDialogResult, type InterruptibleDialog } from './case.dialog.js';
import { DIALOG_IDS } from './dialog-ids.js';
import type { CasePrefill } from './form-engine.js';
import { choiceByTitleWord, matchTolerant, type Choice } from './matching.js';
import { asksAboutAssistant } from './small-talk.js';
import { caseMeant } from './which-case.js';
import type { DeflectionOffer, DeskEventRecorder, Expectation, FeedbackRecorder, Intent, Language, PreviousAnswer, Slots } from './ports.js';
import type { AddressVerification } from './address-verification.js';
import { CommentDialog, ConsentDialog, RegistrationDialog, type Afterwards, type ConsentResult, type RegistrationResult } from './registration.dialog.js';
import { cardReply, markdownText, quoted, rendersCards, reply } from './render.js';
import { renderCaseListCard } from './cards/render.js';
import { texts } from './texts.js';
import { setRepromptLead, takeRepromptLead, turnInfo } from './turn.js';
import { attachAndTell, attachTexts, receipt, refusedOf, stagedOf, type FileRef } from './attach.js';
import { arrivedFiles } from './files.js';

export interface ConversationDeps {
  portal: PortalService;
  /** Read-only look-ups (the institutions to choose from); the rules stay in the PortalService. */
  directory: DirectoryStore;
  knowledge: KnowledgeBase;
  feedback: FeedbackRecorder;
  /** The welcome and overview of what the assistant can do. */
  welcome(lang: Language): Partial<Activity>;
  /** Proof of a typed e-mail address at registration: a one-time code sent to it. */
  addressVerification: AddressVerification;
  /** Default: the Serviceportal catalogue. */
  catalogue?: Catalogue;
  /** The link for an article without its own url. Default: none (the title is shown without a link). */
  articleUrl?: (article: Article) => string | undefined;
  /** The service desk's contact article in the user's language ("talk to a person"). Default: none. */
  contact?: (lang: Language) => AnswerCandidate | undefined;
  /** Cases per page in "mine sager". Default 5. */
  pageSize?: number;
  /** New idempotency keys. Default crypto.randomUUID. */
  newKey?: () => string;
  /** Where deflected cases and the channel of chat-created cases go (the desk page). Default: nowhere. */
  desk?: DeskEventRecorder;
  /** When an article is offered before a case's summary. Default {@link DEFLECTION_RULE}. */
  deflection?: Partial<DeflectionRule>;
}

/** When the knowledge base answers a case's description confidently enough to offer its article. */
export interface DeflectionRule {
  /** Least coverage of the description's words by the article, in [0, 1]. */
  minCoverage: number;
  /** How many times the runner-up's trust the best article's trust must be. */
  minLead: number;
  /** Off: never offer. */
  enabled: boolean;
}

/**
 * A weak offer costs the user a turn on the way to their case, so the rule is stricter than an
 * answer's: the article covers (nearly) all of the description and stands clearly above the next
 * one. Set on descriptions of our own: a system's overview article matches a description that
 * names the system about as well as a neighbouring article does (lead 1.4–2.1), while an article
 * that answers the problem leads by 3 or more.
 */
export const DEFLECTION_RULE: DeflectionRule = { minCoverage: 0.9, minLead: 2.5, enabled: true };

interface CandidateRef {
  articleId: string;
  /** The passage shown (absent in a state stored before it was kept). */
  passageId?: string;
  title: string;
  text: string;
  url?: string;
  /** The language of the shown article. */
  language?: Language;
  /** The year of the article's last update, when that is more than three years ago. */
  staleSince?: string;
  areaId?: string;
  systemId?: string;
  /** Close articles shown under the answer as "Se også" (see CLOSE_CHOICE in knowledge/answerer.ts). */
  seeAlso?: readonly { title: string; url?: string }[];
}

type Pending =
  | { kind: 'feedback'; question: string; articleId: string; areaId?: string; systemId?: string }
  /** `formId`: the form the question names; `afterArticle`: offered with an article that may have answered it (a no is no apology). */
  | { kind: 'offerCase'; question: string; areaId?: string; systemId?: string; formId?: string; afterArticle?: boolean }
  | { kind: 'candidates'; question: string; candidates: CandidateRef[] }
  /** `text`: the request as the user wrote it (the case's description). */
  | { kind: 'accessInstitution'; choices?: { id: string; name: string }[]; text?: string }
  /** "Tilføj en kommentar til min sag": which case is asked; the number continues the comment. */
  | { kind: 'commentCase' }
  /** Removing a member from a shared mailbox waits for the administrator's yes. */
  | { kind: 'confirmDetach'; member: string; mailbox: string }
  /** "Vedhæft en fil til SA-…": the files for that case are waited for. */
  | { kind: 'attachTo'; caseNumber: string }
  /** "Vedhæft en fil": which case is asked. */
  | { kind: 'attachCase' }
  /** Files sent with nothing waiting for them: to which case, or a new one. */
  | { kind: 'filesFor'; files: FileRef[]; numbers: string[] }
  /** Declined as outside the portal: only "Spørg på en anden måde" is offered (no case). */
  | { kind: 'rephrase' };

/** The article passage the router last answered with: shown again in the other language when the user asks for it. */
interface LastAnswer {
  articleId: string;
  passageId: string;
  question: string;
}

/** Passages of one article looked through for a time of day (an article has a handful). */
const MAX_PASSAGES_SEARCHED = 20;

/** The router's state: plain JSON. */
interface RouterState {
  pending?: Pending;
  /** The "vis flere" cursor of the last "mine sager". */
  casesCursor?: string;
  /** The last case this conversation created (a second "Bekræft" says so instead of creating another). */
  lastCase?: { number: string; idempotencyKey: string };
  /**
   * The router's last answer, when it was an article's passage: "and in English?" shows it again, and a follow-up
   * ("hvem skal bruge det?") is read with it.
   */
  lastAnswer?: LastAnswer;
}

const SHOWN_KEY = 'serviceportal.shownAnswer';

/** The article passage shown in this turn, once (see {@link Conversation.showAnswer}). */
function takeShownAnswer(context: TurnContext): LastAnswer | undefined {
  const shown = context.turnState.get(SHOWN_KEY) as LastAnswer | undefined;
  context.turnState.delete(SHOWN_KEY);
  return shown;
}

const CONFIRM_KEYS = new Set(['bekraeft', 'confirm']);

/** The answers to "Vil du fjerne … fra …?". */
const DETACH_CHOICES: Choice[] = [
  { id: 'remove', label: { da: 'Ja, fjern', en: 'Yes, remove' }, aliases: ['ja', 'yes', 'fjern', 'remove', 'ja tak', 'ok'] },
  { id: 'keep', label: { da: 'Nej, behold', en: 'No, keep' }, aliases: ['nej', 'no', 'behold', 'keep', 'annuller', 'cancel', 'fortryd'] },
];

/** What an article is about, for a follow-up: its title's head ("RejsUd – rejseafregning og udlæg" → "RejsUd"). */
export function subjectOfTitle(title: string): string {
  const head = title.split(/\s+[–—-]\s+|:\s|\s\(/u)[0]?.trim() ?? '';
  return head.length >= 3 ? head : title;
}

function routerStateOf(instance: DialogInstance | undefined): RouterState {
  const inst = instance as DialogInstance<RouterState> | undefined;
  if (!inst) return {};
  inst.state ??= {};
  return inst.state;
}

/** What the conversation does for the router and for interruptions alike. */
class Conversation {
  readonly catalogue: Catalogue;
  readonly pageSize: number;

  constructor(readonly deps: ConversationDeps) {
    this.catalogue = deps.catalogue ?? defaultCatalogue;
    this.pageSize = deps.pageSize ?? 5;
  }

  /** The registered user, or undefined (the caller offers registration). */
  async user(context: TurnContext): Promise<User | undefined> {
    const identity = await turnInfo(context).identity();
    return identity.kind === 'user' ? identity.user : undefined;
  }

  // --- knowledge ---------------------------------------------------------------------------------

  private candidateRef(candidate: AnswerCandidate): CandidateRef {
    const url = candidate.url ?? this.deps.articleUrl?.(candidate.article);
    return {
      articleId: candidate.article.id,
      passageId: candidate.passage.id,
      title: candidate.article.title,
      text: withListIntro({ heading: candidate.passage.heading, text: shownText(candidate.passage) }),
      language: candidate.article.language,
      ...(candidate.stale && candidate.updated ? { staleSince: candidate.updated.slice(0, 4) } : {}),
      ...(url ? { url } : {}),
      ...caseAreaOfArticle(candidate.article, this.catalogue),
    };
  }

  async showAnswer(context: TurnContext, ref: CandidateRef, question: string, withFeedback: boolean): Promise<Pending | undefined> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const title = ref.url ? `[${ref.title}](${ref.url})` : `*${ref.title}*`;
    const notes = [
      ...(ref.language && ref.language !== lang ? [t.onlyInOtherLanguage] : []),
      ...(ref.staleSince ? [t.oldArticle(ref.staleSince)] : []),
    ];
    const lead = notes.length > 0 ? `*${notes.join(' ')}*\n\n` : '';
    const seeAlso = (ref.seeAlso ?? []).map((other) => (other.url ? `[${other.title}](${other.url})` : `*${other.title}*`));
    const more = seeAlso.length > 0 ? `\n\n${t.seeAlso}: ${seeAlso.join(', ')}` : '';
    const body = `${lead}${ref.text}\n\n${t.source}: ${title}${more}`;
    if (ref.passageId) context.turnState.set(SHOWN_KEY, { articleId: ref.articleId, passageId: ref.passageId, question } satisfies LastAnswer);
    if (!withFeedback) {
      await context.sendActivity(reply(body));
      return undefined;
    }
    await context.sendActivity(reply(`${body}\n\n**${t.helped}**`, [t.yes, t.no]));
    return { kind: 'feedback', question, articleId: ref.articleId, ...(ref.areaId ? { areaId: ref.areaId } : {}), ...(ref.systemId ? { systemId: ref.systemId } : {}) };
  }

  /** The article to offer before a case's summary: a confident answer to its description, or none. */
  deflectionOffer(description: string, lang: Language): DeflectionOffer | undefined {
    const rule = { ...DEFLECTION_RULE, ...this.deps.deflection };
    if (!rule.enabled) return undefined;
    const result = this.knowledgeAnswer(description, lang);
    if (result.kind !== 'answered') return undefined;
    const [best, next] = this.deps.knowledge.rank(description, 2);
    const shown = result.article;
    if (!best || (best.articleId !== shown.id && best.articleId !== shown.translationOf) || best.coverage < rule.minCoverage) return undefined;
    if (next && next.articleId !== shown.id && next.articleId !== shown.translationOf && best.trust < rule.minLead * next.trust) return undefined;
    const ref = this.candidateRef(result);
    return { articleId: ref.articleId, title: ref.title, text: ref.text, ...(ref.url ? { url: ref.url } : {}) };
  }

  /** The knowledge base's answer to a text in the user's language (the router asks the same). */
  knowledgeAnswer(question: string, lang: Language, about?: string, own?: string, within?: string): AnswerResult {
    const only = (article: Article): boolean =>
      (about === undefined || articleAbout(article, about, this.catalogue)) && (within === undefined || article.id === within || article.translationOf === within);
    return this.deps.knowledge.answer(question, {
      locale: lang,
      ...(about !== undefined || within !== undefined ? { only } : {}),
      ...(own !== undefined ? { passageQuestion: own } : {}),
    });
  }

  /** Answers a question from the knowledge base. Inside a dialog the answer carries no follow-up. */
  async answerQuestion(
    context: TurnContext,
    question: string,
    inDialog: boolean,
    answer?: AnswerResult,
    outside?: 'portal' | 'topic',
    missingFor?: string,
    parts?: [string, string],
  ): Promise<Pending | undefined> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    // "Er du et menneske?" asks about the assistant: no article answers that, whatever words it shares.
    if (!inDialog && asksAboutAssistant(question)) {
      await context.sendActivity(reply(t.aboutMe));
      return undefined;
    }
    const result = answer ?? this.knowledgeAnswer(question, lang);
    switch (result.kind) {
      case 'answered': {
        const seeAlso = (result.seeAlso ?? []).map((other) => this.candidateRef(other)).map((other) => ({ title: other.title, ...(other.url ? { url: other.url } : {}) }));
        const ref = { ...this.candidateRef(result), ...(seeAlso.length > 0 ? { seeAlso } : {}) };
        const other = !inDialog && parts ? this.otherPart(result, parts, lang) : undefined;
        if (!other) return this.showAnswer(context, ref, question, !inDialog);
        // Two questions in one message: the answer to the whole, then the part it leaves out — answered, or said to
        // have no answer with a case offered for it. The last message asks its question.
        await this.showAnswer(context, ref, question, false);
        if (other.answer.kind === 'answered') {
          const second = this.candidateRef(other.answer);
          const title = second.url ? `[${second.title}](${second.url})` : `*${second.title}*`;
          const note = second.language && second.language !== lang ? `*${t.onlyInOtherLanguage}*\n\n` : '';
          await context.sendActivity(reply(`**${t.otherQuestion(other.question)}**\n\n${note}${second.text}\n\n${t.source}: ${title}\n\n**${t.helped}**`, [t.yes, t.no]));
          return { kind: 'feedback', question, articleId: ref.articleId, ...(ref.areaId ? { areaId: ref.areaId } : {}), ...(ref.systemId ? { systemId: ref.systemId } : {}) };
        }
        await context.sendActivity(reply(t.otherQuestionUnanswered(other.question), [t.createCase, t.rephrase]));
        const named = caseAreaOfText(other.question, this.catalogue);
        return { kind: 'offerCase', question: other.question, ...(named.areaId !== undefined ? named : {}) };
      }
      case 'ambiguous': {
        const candidates = result.candidates.map((c) => this.candidateRef(c));
        if (inDialog) return this.showAnswer(context, candidates[0] ?? this.candidateRef(result.candidates[0] as AnswerCandidate), question, false);
        const list = candidates.map((c) => `- ${c.title}`).join('\n');
        await context.sendActivity(reply(`**${t.didYouMean}**\n\n${list}`, [...candidates.map((c) => c.title), t.noneOfThem]));
        return { kind: 'candidates', question, candidates };
      }
      case 'unknown': {
        // Stored with the person, so it can be exported and erased with the rest of their data.
        const user = await this.user(context);
        await this.deps.feedback.recordUnanswered({ question, locale: lang, at: new Date(), ...(user ? { userId: user.id } : {}) });
        if (inDialog) {
          await context.sendActivity(reply(t.unknownInDialog));
          return undefined;
        }
        // Something the portal does not handle (a printer, a system it does not have): where to go instead, and
        // no case with Statens Administration in the same breath — it could not help with it either.
        if (outside) {
          await context.sendActivity(reply(`${t.unknownInDialog} ${outside === 'portal' ? t.outsidePortal : t.offTopic}`, [t.rephrase]));
          return { kind: 'rephrase' };
        }
        // "Og hvad med RejsUd?" that none of RejsUd's articles answers: said so, not another system's page.
        await context.sendActivity(reply(missingFor !== undefined ? t.noArticleFor(missingFor) : t.unknownAnswer, [t.createCase, t.rephrase]));
        // The case offered starts where the question points: its one system's area, else the area its words name or
        // speak of ("min kollegas løntillæg …" → Statens Løn og HR), so the user is not asked the area again.
        const named = caseAreaOfText(question, this.catalogue);
        const slots = turnInfo(context).recognition.slots;
        const area = named.areaId !== undefined ? named : slots.areaId !== undefined ? { areaId: slots.areaId, ...(slots.systemId ? { systemId: slots.systemId } : {}) } : {};
        return { kind: 'offerCase', question, ...area };
      }
    }
  }

  /**
   * Of two questions in one message, the one the answer to the whole leaves out, with its own answer: the second read
   * with what the first is about ("hvem skal bruge det?" → "… RejsUd"), the first alone. None when the answer is the
   * one both parts get (its article and passage).
   */
  private otherPart(whole: AnswerResult & { kind: 'answered' }, [first, second]: [string, string], lang: Language): { question: string; answer: AnswerResult } | undefined {
    const same = (result: AnswerResult): boolean =>
      (result.kind === 'answered' && result.article.id === whole.article.id && result.passage.id === whole.passage.id) ||
      (result.kind === 'ambiguous' && result.candidates.some((c) => c.article.id === whole.article.id));
    const firstAnswer = this.knowledgeAnswer(first, lang);
    const about = subjectOfTitle((firstAnswer.kind === 'answered' ? firstAnswer : whole).article.title);
    const secondAnswer = this.knowledgeAnswer(mentionedSystems(second, this.catalogue).length > 0 ? second : `${second} ${about}`.trim(), lang);
    const firstSame = same(firstAnswer);
    const secondSame = same(secondAnswer);
    // Read with the first's subject the second may only find that subject's article again ("hvad er lønkalenderen, og
    // hvornår holder I julefrokost?"): asked alone, words of its own that nothing answers are not answered by it.
    const alone = secondSame ? this.knowledgeAnswer(second, lang) : undefined;
    const unanswered = alone !== undefined && alone.kind === 'unknown' && alone.reason !== 'no-content-words';
    if (firstSame && secondSame) return unanswered ? { question: second, answer: alone } : undefined;
    // The whole's answer is the second's, or neither's (then it answered the second, the words a message ends on, or
    // both at once): the first is answered on its own — when it has an answer.
    if (!firstSame && firstAnswer.kind === 'answered') return { question: first, answer: firstAnswer };
    if (secondSame) return firstAnswer.kind === 'unknown' ? { question: first, answer: firstAnswer } : undefined;
    return secondAnswer.kind === 'ambiguous' ? undefined : { question: second, answer: secondAnswer };
  }

  /** What a case request says of the case: area, system and form from the slots; the text as description only when it says more. */
  prefillFrom(text: string, slots: Slots): CasePrefill {
    return casePrefillFrom(text, slots, this.catalogue);
  }

  /** What the router's pending follow-up waits for. */
  pendingExpectation(pending: Pending | undefined): Expectation {
    if (!pending) return { kind: 'none' };
    const both = (da: string, en: string) => ({ da, en });
    switch (pending.kind) {
      case 'feedback':
        return { kind: 'yesNo', about: 'router:feedback' };
      case 'offerCase':
        return {
          kind: 'choice',
          about: 'router:offerCase',
          choices: [
            { id: 'yes', label: both(texts('da').createCase, texts('en').createCase), aliases: ['ja', 'yes', 'ja tak', 'gerne', 'ok'] },
            { id: 'no', label: both(texts('da').rephrase, texts('en').rephrase), aliases: ['nej', 'no', 'nej tak', 'no thanks'] },
          ],
        };
      case 'candidates':
        return {
          kind: 'choice',
          about: 'router:candidates',
          choices: [
            ...pending.candidates.map((c) => ({ id: c.articleId, label: both(c.title, c.title) })),
            { id: 'none', label: both(texts('da').noneOfThem, texts('en').noneOfThem) },
          ],
        };
      case 'attachTo':
        return { kind: 'none' };
      case 'rephrase':
        return { kind: 'choice', about: 'router:rephrase', choices: [{ id: 'no', label: both(texts('da').rephrase, texts('en').rephrase) }] };
      case 'attachCase':
        return { kind: 'field', fieldId: 'router:attachCase', label: both('Sagsnummer', 'Case number'), shape: 'caseNumber', optional: false };
      case 'filesFor':
        return {
          kind: 'choice',
          about: 'router:filesFor',
          choices: [
            ...pending.numbers.map((n) => ({ id: n, label: both(n, n) })),
            { id: 'new', label: both(attachTexts('da').newCaseWithFiles, attachTexts('en').newCaseWithFiles), aliases: ['ny sag', 'opret sag', 'new case', 'create case'] },
          ],
        };
      case 'accessInstitution':
        return { kind: 'choice', about: 'router:accessInstitution', choices: (pending.choices ?? []).map((c) => ({ id: c.id, label: both(c.name, c.name) })) };
      case 'commentCase':
        return { kind: 'field', fieldId: 'router:commentCase', label: both('Sagsnummer', 'Case number'), shape: 'caseNumber', optional: false };
      case 'confirmDetach':
        return { kind: 'choice', about: 'router:confirmDetach', choices: DETACH_CHOICES };
    }
  }

  /** The passage last answered with, again in `lang` (its translation's when there is one), or undefined when it is gone. */
  answerAgain(last: LastAnswer, lang: Language): CandidateRef | undefined {
    const candidate = this.deps.knowledge.passageIn(last.articleId, last.passageId, lang);
    return candidate ? this.candidateRef(candidate) : undefined;
  }

  /**
   * The last answer explained again ("kan du sige det mere enkelt?", "forstår ikke"): not the same passage — the
   * article's opening, which says what it is about, when another passage was shown; after the opening, the passage
   * after it. `kind` says which, for the lead; `same` when the article has no other passage.
   */
  explainAgain(last: LastAnswer, lang: Language): { ref: CandidateRef; kind: 'opening' | 'other' | 'same' } | undefined {
    const shown = this.deps.knowledge.passageIn(last.articleId, last.passageId, lang);
    if (!shown) return undefined;
    const articleId = shown.article.id;
    const at = (index: number): AnswerCandidate | undefined => this.deps.knowledge.passageIn(articleId, `${articleId}#${index}`, lang);
    if (shown.passage.index !== 0) {
      const opening = at(0);
      if (opening) return { ref: this.candidateRef(opening), kind: 'opening' };
    }
    const next = at(shown.passage.index + 1);
    return next ? { ref: this.candidateRef(next), kind: 'other' } : { ref: this.candidateRef(shown), kind: 'same' };
  }

  /** The text of another passage of the contact's article that holds a time of day ("mellem kl. 9.00 og 15.00"), if any. */
  private passageWithTime(contact: AnswerCandidate): string | undefined {
    const { article } = contact;
    for (let index = 0; index < MAX_PASSAGES_SEARCHED; index++) {
      const found = this.deps.knowledge.passageIn(article.id, `${article.id}#${index}`, article.language);
      if (!found) return undefined;
      if (found.passage.id !== contact.passage.id && kindMatch(found.passage.text, ['clock']) > 0) return found.passage.text;
    }
    return undefined;
  }

  /** "Talk to a person": the service desk's contact details from the knowledge base, and a case offered. */
  async showContact(context: TurnContext, inDialog: boolean): Promise<Pending | undefined> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const contact = this.deps.contact?.(lang);
    if (contact) {
      const ref = this.candidateRef(contact);
      // Opening hours asked ("hvornår har I åbent?", "what are your opening hours"): what the article says of times of day too.
      const hours = askedKinds(turnInfo(context).text).includes('clock') ? this.passageWithTime(contact) : undefined;
      await this.showAnswer(context, hours ? { ...ref, text: `${hours}\n\n${ref.text}` } : ref, '', false);
    } else {
      await context.sendActivity(reply(t.noContactArticle));
    }
    if (inDialog) return undefined;
    await context.sendActivity(reply(t.offerCaseInstead, [t.createCase, t.no]));
    return { kind: 'offerCase', question: '' };
  }

  // --- cases ------------------------------------------------------------------------------------

  /** "Mine sager", from the cursor; answers the next cursor (undefined on the last page). */
  async showMyCases(context: TurnContext, user: User, after?: string): Promise<string | undefined> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const page = await this.deps.portal.myCases(user.id, { limit: this.pageSize, after: after ?? null });
    if (!page.ok) {
      await context.sendActivity(reply(page.error.message[lang]));
      return undefined;
    }
    if (page.value.items.length === 0) {
      await context.sendActivity(reply(after ? t.noMoreCases : t.noCases, after ? [] : [t.createCase]));
      return undefined;
    }
    // Cases sent from a shared mailbox say so: the user sees them as a member, not as the sender.
    const mailboxes = new Map((await this.deps.directory.mailboxesOf(user.id)).map((m) => [m.id, m.email]));
    const lines = page.value.items.map((c) => this.caseLine(c, lang, c.sentFromId !== user.id ? mailboxes.get(c.sentFromId) : undefined));
    const more = page.value.next ?? undefined;
    const text = `${after ? '' : `**${t.myCasesHeader}**\n\n`}${lines.join('\n')}${more ? `\n\n${t.moreCasesHint}` : ''}`;
    if (rendersCards(context.activity.channelId)) {
      // A card with a "Vis" (and "Svar" for a case waiting for the customer) per case; the text list for screen readers.
      const items = page.value.items.map((c) => ({ case: c, mailbox: c.sentFromId !== user.id ? mailboxes.get(c.sentFromId) : undefined }));
      const card = renderCaseListCard(items, lang, { header: after ? t.moreCasesHeader : t.myCasesHeader });
      const activity = cardReply(card, '', text);
      if (more) activity.suggestedActions = { actions: [{ type: 'imBack', title: t.showMore, value: t.showMore }], to: [] };
      await context.sendActivity(activity);
      return more;
    }
    await context.sendActivity(reply(text, more ? [t.showMore] : []));
    return more;
  }

  private caseLine(c: Case, lang: Language, mailbox?: string): string {
    const from = mailbox ? ` – ${texts(lang).fromMailbox(markdownText(mailbox))}` : '';
    return `- **${c.number}** ${markdownText(c.subject)} – *${statusLabel(c.status, lang)}* (${formatDateDa(c.createdAt.slice(0, 10))})${from}`;
  }

  /** "Økonomi og Regnskab · RejsUd · Rejseafregning i RejsUd": what the case is about. */
  private caseAbout(c: Case, lang: Language): string {
    const area = getArea(c.areaId, this.catalogue)?.name[lang];
    const system = c.systemId ? getSystem(c.systemId, this.catalogue)?.name : undefined;
    const form = getForm(c.formId, this.catalogue)?.title[lang];
    const t = texts(lang);
    return [area ? `${t.areaLabel}: ${area}` : undefined, system ? `${t.systemLabel}: ${system}` : undefined, form ? `${t.formLabel}: ${form}` : undefined]
      .filter((part): part is string => part !== undefined)
      .join(' · ');
  }

  /** The service desk's latest question: its last comment, or the note with its last status change. */
  private latestFromDesk(events: readonly CaseEvent[]): string | undefined {
    for (const e of [...events].reverse()) {
      if (e.type === 'comment' && e.author === 'agent') return e.text;
      if (e.type === 'status_changed' && e.actor.kind === 'agent' && e.note) return e.note;
      if (e.type === 'comment' && e.author === 'customer') return undefined;
    }
    return undefined;
  }

  /** Who wrote a comment: "dig", a colleague's name, or Statens Administration. */
  private async authors(events: readonly CaseEvent[], viewer: User): Promise<Map<string, string>> {
    const ids = new Set(events.flatMap((e) => (e.type === 'comment' && e.actor.kind === 'user' && e.actor.userId !== viewer.id ? [e.actor.userId] : [])));
    const names = new Map<string, string>();
    for (const id of ids) {
      const who = await this.deps.directory.getUser(id);
      if (who) names.set(id, who.name);
    }
    return names;
  }

  async showStatus(context: TurnContext, user: User, number: string): Promise<void> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const found = await this.deps.portal.caseFor(user.id, number);
    if (!found.ok) {
      await context.sendActivity(reply(t.statusNotVisible));
      return;
    }
    const { case: c, events } = found.value;
    const shown = events.slice(-5);
    const names = await this.authors(shown, user);
    const history = shown.map((e) => `- ${danishDateTime(e.at)} ${this.eventText(e, lang, user, names)}`).join('\n');
    const parts = [t.caseStatus(c.number, markdownText(c.subject), statusLabel(c.status, lang), danishDateTime(c.updatedAt)), this.caseAbout(c, lang)];
    const waiting = c.status === 'afventer_kunde';
    const question = waiting ? this.latestFromDesk(events) : undefined;
    if (waiting) parts.push(question ? `**${t.deskAsks}** ${quoted(question)}\n\n${t.howToAnswer(c.number)}` : t.howToAnswer(c.number));
    const files = await this.deps.portal.attachmentsFor(user.id, c.number);
    if (files.ok && files.value.length > 0) parts.push(`**${attachTexts(lang).summaryLabel}:** ${files.value.map((f) => markdownText(describeAttachment(f, lang))).join(', ')}`);
    parts.push(`${t.historyHeader}\n${history}`);
    await context.sendActivity(reply(parts.join('\n\n'), waiting ? [t.answerAction(c.number)] : []));
  }

  private eventText(e: CaseEvent, lang: Language, viewer: User, names: ReadonlyMap<string, string>): string {
    const s = (status: CaseStatus): string => statusLabel(status, lang);
    switch (e.type) {
      case 'created':
        return lang === 'da' ? `Oprettet (${s(e.status)})` : `Created (${s(e.status)})`;
      case 'status_changed':
        return lang === 'da' ? `Status ændret: ${s(e.from)} → ${s(e.to)}` : `Status changed: ${s(e.from)} → ${s(e.to)}`;
      case 'comment': {
        const who =
          e.author === 'agent'
            ? 'Statens Administration'
            : e.actor.kind === 'user' && e.actor.userId === viewer.id
              ? texts(lang).you
              : markdownText((e.actor.kind === 'user' ? names.get(e.actor.userId) : undefined) ?? (lang === 'da' ? 'kunden' : 'the customer'));
        const text = markdownText(e.text.length > 200 ? `${e.text.slice(0, 197)}…` : e.text);
        return lang === 'da' ? `Kommentar fra ${who}: "${text}"` : `Comment from ${who}: "${text}"`;
      }
    }
  }

  // --- organisation -----------------------------------------------------------------------------

  async institutionChoices(): Promise<Choice[]> {
    return (await this.deps.directory.listInstitutions()).map((i) => ({ id: i.id, label: { da: i.name, en: i.name } }));
  }

  /**
   * "Siden sidst": what others did on the user's cases (and their shared mailboxes' cases) after
   * `since`, newest first, with a button to see each and to answer one waiting for the customer.
   */
  async sinceLastSeen(user: User, since: string, lang: Language): Promise<Partial<Activity> | undefined> {
    const t = texts(lang);
    const page = await this.deps.portal.myCases(user.id, { limit: 20, after: null });
    if (!page.ok) return undefined;
    const lines: string[] = [];
    const buttons: string[] = [];
    for (const c of page.value.items.filter((x) => x.updatedAt > since).slice(0, 5)) {
      const found = await this.deps.portal.caseFor(user.id, c.number);
      if (!found.ok) continue;
      const news = found.value.events.filter((e) => e.at > since && !(e.actor.kind === 'user' && e.actor.userId === user.id));
      if (news.length === 0) continue;
      const waiting = c.status === 'afventer_kunde';
      const question = waiting ? this.latestFromDesk(found.value.events) : undefined;
      const changed = news.some((e) => e.type === 'status_changed');
      const comment = [...news].reverse().find((e): e is Extract<CaseEvent, { type: 'comment' }> => e.type === 'comment');
      const what = changed ? t.newsStatus(statusLabel(c.status, lang)) : comment ? t.newsComment : t.newsChanged;
      const said = question ?? (comment && comment.author === 'agent' ? comment.text : undefined);
      lines.push(`- **${c.number}** ${markdownText(c.subject)}: ${what}${said ? ` – ${waiting ? t.newsDeskAsks : t.newsDeskWrites} ${quoted(said)}` : ''}`);
      buttons.push(t.showCaseAction(c.number));
      if (waiting) buttons.push(t.answerAction(c.number));
    }
    if (lines.length === 0) return undefined;
    return reply(`**${t.sinceLastTime}**\n\n${lines.join('\n')}`, buttons.slice(0, 6));
  }

  /**
   * The user of the administrator's organisation a name or an address's local part stands for ("anna", "loen"): the
   * one registered as that local part at one of the institution's domains. Undefined when none or several are.
   */
  async userOfOrganisation(admin: User, name: string): Promise<User | undefined> {
    if (name.includes('@')) return this.deps.directory.getUserByEmail(name);
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) return undefined;
    const institution = await this.deps.directory.getInstitution(admin.primaryInstitutionId);
    const domains = new Set([...(institution?.domains ?? []), admin.email.split('@')[1] ?? ''].filter((d) => d !== ''));
    const found = (await Promise.all([...domains].map((d) => this.deps.directory.getUserByEmail(`${name}@${d}`)))).filter(
      (u): u is User => u !== undefined && u.primaryInstitutionId === admin.primaryInstitutionId,
    );
    const unique = [...new Map(found.map((u) => [u.id, u])).values()];
    return unique.length === 1 ? unique[0] : undefined;
  }

  /** "Hvem er tilknyttet loen@…?" */
  async showMailboxMembers(context: TurnContext, user: User, mailboxEmail: string): Promise<void> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const found = await this.deps.portal.mailboxMembers(user.id, mailboxEmail);
    if (!found.ok) {
      await context.sendActivity(reply(t.refused(found.error.message[lang])));
      return;
    }
    const { mailbox, members } = found.value;
    const lines = members.map((m) => `- ${markdownText(m.name)} (${markdownText(m.email)})`).join('\n');
    await context.sendActivity(reply(members.length === 0 ? t.mailboxHasNoMembers(mailbox.email) : `${t.mailboxMembersHeader(mailbox.email)}\n\n${lines}`));
  }

  /** Detaching asks first: answers the pending confirmation, or undefined when the change is refused (said) or done. */
  async askDetach(context: TurnContext, user: User, intent: Extract<Intent, { kind: 'membership' }>): Promise<Pending | undefined> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const allowed = await this.deps.portal.changeMembership(user.id, 'detach', intent.mailbox, intent.member, { check: true });
    if (!allowed.ok) {
      await context.sendActivity(reply(t.refused(allowed.error.message[lang])));
      return undefined;
    }
    await context.sendActivity(reply(`**${t.confirmDetach(intent.member, intent.mailbox)}**`, DETACH_CHOICES.map((c) => c.label[lang])));
    return { kind: 'confirmDetach', member: intent.member, mailbox: intent.mailbox };
  }

  async changeMembership(context: TurnContext, user: User, intent: Extract<Intent, { kind: 'membership' }>): Promise<void> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const changed = await this.deps.portal.changeMembership(user.id, intent.op, intent.mailbox, intent.member);
    if (!changed.ok) {
      await context.sendActivity(reply(t.refused(changed.error.message[lang])));
      return;
    }
    const members = changed.value.map((m) => m.email).join(', ');
    await context.sendActivity(
      reply(intent.op === 'attach' ? t.membershipAttached(intent.member, intent.mailbox, members) : t.membershipDetached(intent.member, intent.mailbox, members)),
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** The bottom of the stack: routes each turn that no other dialog is waiting for. */
class RouterDialog extends Dialog {
  constructor(private readonly conversation: Conversation) {
    super(DIALOG_IDS.router);
  }

  override beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.route(dc);
  }

  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.route(dc);
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const state = routerStateOf(dc.activeDialog);
    const outcome = result as CaseDialogResult | RegistrationResult | ConsentResult | undefined;
    if (outcome?.kind === 'created') state.lastCase = { number: outcome.number, idempotencyKey: outcome.idempotencyKey };
    if (outcome?.kind === 'refused' && 'contact' in outcome && outcome.contact) {
      await this.conversation.showContact(dc.context, true);
      return Dialog.EndOfTurn;
    }
    if ((outcome?.kind === 'registered' || outcome?.kind === 'accepted') && outcome.afterwards.kind === 'createCase') {
      return this.startCase(dc, outcome.afterwards.prefill, outcome.user);
    }
    return Dialog.EndOfTurn;
  }

  /** Begins the case dialog, after registration and the consent declaration when needed. */
  async startCase(dc: DialogContext, prefill: CasePrefill, known?: User, files?: FileRef[]): Promise<DialogTurnResult> {
    const { portal } = this.conversation.deps;
    const context = dc.context;
    const info = turnInfo(context);
    const user = known ?? (await this.conversation.user(context));
    const afterwards: Afterwards = { kind: 'createCase', prefill };
    if (!user) return this.beginRegistration(dc, afterwards);
    if (needsConsent(user)) return dc.beginDialog(DIALOG_IDS.consent, { userId: user.id, afterwards });
    const options = await portal.caseOptions(user);
    if (!options.ok) {
      await context.sendActivity(reply(options.error.message[info.lang]));
      return Dialog.EndOfTurn;
    }
    const { institutions, mailboxes } = options.value;
    return dc.beginDialog(DIALOG_IDS.createCase, {
      prefill,
      userId: user.id,
      userEmail: user.email,
      institutions: institutions.map((i) => ({ id: i.id, name: i.name })),
      mailboxes: mailboxes.map((m) => ({ id: m.id, email: m.email })),
      ...(files && files.length > 0 ? { files } : {}),
    });
  }

  /**
   * Access to another institution (a payroll community) is ordered as every other request is, with a case on the
   * form Øvrige (DESIGN.md): checked first (a consultant may not order it, nor access granted or asked for already),
   * then the case begun with what is known — the kind of request, the institution, a subject, and the user's words
   * as the description — so the user sees the summary, confirms and gets the case number to follow it by.
   */
  private async orderAccess(dc: DialogContext, user: User, institutionId: string, text: string): Promise<DialogTurnResult> {
    const { portal } = this.conversation.deps;
    const lang = turnInfo(dc.context).lang;
    const t = texts(lang);
    const may = await portal.mayRequestCommunityAccess(user.id, institutionId);
    if (!may.ok) {
      await dc.context.sendActivity(reply(t.communityRefused(may.error.message[lang])));
      return Dialog.EndOfTurn;
    }
    const name = may.value.name;
    const form = getForm(COMMUNITY_ACCESS_FORM_ID, this.conversation.catalogue);
    const said = text.trim();
    return this.startCase(
      dc,
      {
        ...(form ? { areaId: form.areaId } : {}),
        systemId: null,
        formId: COMMUNITY_ACCESS_FORM_ID,
        description: said.length >= 10 && said.includes(' ') ? said : t.communityDescription(name),
        values: { henvendelsestype: COMMUNITY_ACCESS_CHOICE, institutioner: name, emne: t.communitySubject(name) },
        sentFromMailboxId: null,
      },
      user,
    );
  }

  private async beginRegistration(dc: DialogContext, afterwards: Afterwards): Promise<DialogTurnResult> {
    const info = turnInfo(dc.context);
    const identity = await info.identity();
    const email = identity.kind === 'unregistered' ? identity.email : undefined;
    return dc.beginDialog(DIALOG_IDS.registration, {
      afterwards,
      ...(email ? { email } : {}),
      ...(info.account.fromName && info.account.fromName !== info.account.fromId ? { name: info.account.fromName } : {}),
      ...(identity.kind === 'unregistered' && identity.identity ? { identity: identity.identity } : {}),
    });
  }

  private async requireUser(dc: DialogContext): Promise<User | DialogTurnResult> {
    const user = await this.conversation.user(dc.context);
    return user ?? this.beginRegistration(dc, { kind: 'none' });
  }

  /**
   * Routes the turn, then remembers the article passage it answered with — or forgets the last one when the
   * turn answered something else. A reply to the router's own follow-up, thanks or a language asked for keeps it.
   */
  private async route(dc: DialogContext): Promise<DialogTurnResult> {
    const state = routerStateOf(dc.activeDialog);
    const result = await this.routeTurn(dc);
    const shown = takeShownAnswer(dc.context);
    const { route } = turnInfo(dc.context).decision;
    // A follow-up's answer is to the question as read with the one before it ("og hvad med RejsUd?" → the whole question).
    if (shown) state.lastAnswer = route.kind === 'knowledge' && route.asked !== undefined ? { ...shown, question: route.asked } : shown;
    else if (!(route.kind === 'answer' || (route.kind === 'intent' && KEEPS_LAST_ANSWER.has(route.intent.kind)))) delete state.lastAnswer;
    return result;
  }

  private async routeTurn(dc: DialogContext): Promise<DialogTurnResult> {
    const context = dc.context;
    const info = turnInfo(context);
    const { text, lang } = info;
    const t = texts(lang);
    const state = routerStateOf(dc.activeDialog);
    const { route } = info.decision;
    const pending = state.pending;
    delete state.pending;

    // Files came with this message: to the case asked for, or the user is asked where they go.
    if (arrivedFiles(context).length > 0) return this.filesArrived(dc, state, pending);

    // The reply to the router's own last question, when the router took it as one.
    // (Files waiting for a case: a typed case number is that case, not a status request.)
    if (pending && (route.kind === 'answer' || (pending.kind === 'filesFor' && parseCaseNumber(text)))) {
      const handled = await this.followUp(dc, state, pending);
      if (handled) return handled;
    }
    if (state.lastCase && CONFIRM_KEYS.has(matchKey(text))) {
      await context.sendActivity(reply(t.caseAlreadyCreated(state.lastCase.number)));
      return Dialog.EndOfTurn;
    }
    if (route.kind === 'knowledge' && route.caseOffered && route.answer.kind === 'answered') {
      // A problem told in a system ("vi har ikke modtaget fakturaen i IndFak"): the article, and the case on that system offered.
      await this.conversation.answerQuestion(context, text, true, route.answer);
      const path = this.conversation.prefillFrom(text, info.recognition.slots);
      const system = path.systemId ? getSystem(path.systemId, this.conversation.catalogue)?.name : undefined;
      await context.sendActivity(reply(system ? t.offerCaseOn(system) : t.offerCaseAfterArticle, [t.createCase, t.noThanks]));
      state.pending = {
        kind: 'offerCase',
        question: text,
        afterArticle: true,
        ...(path.areaId ? { areaId: path.areaId } : {}),
        ...(path.systemId ? { systemId: path.systemId } : {}),
        ...(path.formId ? { formId: path.formId } : {}),
      };
      return Dialog.EndOfTurn;
    }
    if (route.kind !== 'intent') {
      const outside = route.kind !== 'knowledge' ? undefined : route.outsidePortal ? 'portal' : route.offTopic ? 'topic' : undefined;
      const knowledge = route.kind === 'knowledge' ? route : undefined;
      const next = await this.conversation.answerQuestion(context, text, false, knowledge?.answer, outside, knowledge?.missingFor, knowledge?.parts);
      if (next) state.pending = next;
      return Dialog.EndOfTurn;
    }
    const intent = route.intent;

    switch (intent.kind) {
      case 'greeting':
      case 'help':
      case 'yes':
      case 'no':
        // "Er du et menneske?" asks about the assistant, not for the welcome.
        if ((intent.kind === 'greeting' || intent.kind === 'help') && asksAboutAssistant(text)) {
          await context.sendActivity(reply(t.aboutMe));
          return Dialog.EndOfTurn;
        }
        await context.sendActivity(this.conversation.deps.welcome(lang));
        return Dialog.EndOfTurn;
      case 'ask':
        await context.sendActivity(reply(t.askPrompt));
        return Dialog.EndOfTurn;
      case 'thanks':
        await context.sendActivity(reply(t.thanks));
        return Dialog.EndOfTurn;
      case 'cancel':
      case 'restart':
        await context.sendActivity(reply(t.nothingToCancel, [t.createCase, t.myCases]));
        return Dialog.EndOfTurn;
      case 'createCase':
        return this.startCase(dc, this.conversation.prefillFrom(text, info.recognition.slots));
      case 'register': {
        const user = await this.conversation.user(context);
        if (user) {
          const institution = (await this.conversation.deps.directory.getInstitution(user.primaryInstitutionId))?.name ?? user.primaryInstitutionId;
          await context.sendActivity(reply(t.alreadyRegistered(user.name, institution)));
          return Dialog.EndOfTurn;
        }
        return this.beginRegistration(dc, { kind: 'none' });
      }
      case 'myCases':
      case 'showMore': {
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        if (intent.kind === 'showMore' && !state.casesCursor) {
          await context.sendActivity(reply(t.noMoreCases));
          return Dialog.EndOfTurn;
        }
        const next = await this.conversation.showMyCases(context, user, intent.kind === 'showMore' ? state.casesCursor : undefined);
        if (next) state.casesCursor = next;
        else delete state.casesCursor;
        return Dialog.EndOfTurn;
      }
      case 'status': {
        if (!intent.caseNumber) return this.statusWithoutNumber(dc, text);
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        await this.conversation.showStatus(context, user, intent.caseNumber);
        return Dialog.EndOfTurn;
      }
      case 'addComment': {
        if (!intent.caseNumber) {
          // "Jeg vil svare på min sag om Navision", "add a comment to my latest case": the case the words mean, if clear.
          const meant = await this.ownCaseMeant(dc.context, text);
          return meant ? this.beginComment(dc, meant) : this.askCommentCase(dc, state);
        }
        return this.beginComment(dc, intent.caseNumber, intent.text);
      }
      case 'attachFile': {
        if (!intent.caseNumber) {
          const meant = this.conversation.deps.portal.attachmentPolicy ? await this.ownCaseMeant(dc.context, text) : undefined;
          return meant ? this.waitForFiles(dc, state, meant) : this.askAttachCase(dc, state);
        }
        return this.waitForFiles(dc, state, intent.caseNumber);
      }
      case 'communityAccess': {
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        const all = await this.conversation.institutionChoices();
        const institution = intent.institution ? matchTolerant(all, intent.institution) : undefined;
        // The choices: the institutions other than the user's own (access to one's own is never ordered).
        const choices = all.filter((c) => c.id !== user.primaryInstitutionId);
        if (!institution) {
          const lead = intent.institution ? `${t.unknownInstitution(intent.institution)} ` : '';
          await context.sendActivity(reply(`${lead}**${t.whichInstitution}**`, choices.map((c) => c.label[lang])));
          state.pending = { kind: 'accessInstitution', choices: choices.map((c) => ({ id: c.id, name: c.label.da })), text };
          return Dialog.EndOfTurn;
        }
        return this.orderAccess(dc, user, institution.id, text);
      }
      case 'membership': {
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        if (intent.op === 'detach') {
          const next = await this.conversation.askDetach(context, user, intent);
          if (next) state.pending = next;
          return Dialog.EndOfTurn;
        }
        await this.conversation.changeMembership(context, user, intent);
        return Dialog.EndOfTurn;
      }
      case 'membershipHow': {
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        // "Tilføj anna til fællespostkassen loen": one user and one mailbox of the organisation by those names is that change.
        const member = intent.member ? await this.conversation.userOfOrganisation(user, intent.member) : undefined;
        const mailbox = member && intent.mailbox ? await this.conversation.userOfOrganisation(user, intent.mailbox) : undefined;
        if (member && mailbox?.kind === 'sharedMailbox') {
          const change = { kind: 'membership', op: intent.op, member: member.email, mailbox: mailbox.email } as const;
          if (intent.op === 'detach') {
            const next = await this.conversation.askDetach(context, user, change);
            if (next) state.pending = next;
            return Dialog.EndOfTurn;
          }
          await this.conversation.changeMembership(context, user, change);
          return Dialog.EndOfTurn;
        }
        await context.sendActivity(reply(t.membershipHow(intent.op)));
        return Dialog.EndOfTurn;
      }
      case 'mailboxMembers': {
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        await this.conversation.showMailboxMembers(context, user, intent.mailbox);
        return Dialog.EndOfTurn;
      }
      case 'human': {
        // "Are you a human?" asks what the assistant is; it does not ask for a person.
        if (asksAboutAssistant(text)) {
          await context.sendActivity(reply(t.aboutMe));
          return Dialog.EndOfTurn;
        }
        const next = await this.conversation.showContact(context, false);
        if (next) state.pending = next;
        return Dialog.EndOfTurn;
      }
      case 'question': {
        const next = await this.conversation.answerQuestion(context, text, false);
        if (next) state.pending = next;
        return Dialog.EndOfTurn;
      }
      case 'language': {
        // The language is already the one asked for (the bot set it for the turn and the user). The last answer
        // again in it — its translation's passage, or the passage with the note that the article is only in the other.
        const last = state.lastAnswer;
        const again = last ? this.conversation.answerAgain(last, lang) : undefined;
        if (last && again) {
          // The desk's contact details (shown for no question) ask nothing after them, as the first time.
          const next = await this.conversation.showAnswer(context, again, last.question, last.question !== '');
          if (next) state.pending = next;
          return Dialog.EndOfTurn;
        }
        await context.sendActivity(reply(t.languageChosen));
        // What was waited for still is: its buttons answer in either language.
        if (pending) state.pending = pending;
        return Dialog.EndOfTurn;
      }
      case 'explain': {
        // "Kan du sige det mere enkelt?", "forstår ikke": another passage of the article last answered with, never the same
        // one again (the router decides this only when an answer was shown).
        const last = state.lastAnswer;
        const again = last ? this.conversation.explainAgain(last, lang) : undefined;
        if (!last || !again) {
          await context.sendActivity(reply(t.noCaseThen));
          return Dialog.EndOfTurn;
        }
        const lead = again.kind === 'opening' ? t.explainOpening : again.kind === 'other' ? t.explainOther : t.explainNoMore;
        await context.sendActivity(reply(lead));
        const next = await this.conversation.showAnswer(context, again.ref, last.question, true);
        if (next) state.pending = next;
        return Dialog.EndOfTurn;
      }
      case 'complaint': {
        // "Det virker ikke" after "Hjalp det?" says no.
        if (pending?.kind === 'feedback') {
          const user = await this.conversation.user(context);
          await this.conversation.deps.feedback.recordFeedback({ question: pending.question, articleId: pending.articleId, helpful: false, locale: lang, at: new Date(), ...(user ? { userId: user.id } : {}) });
        }
        await context.sendActivity(reply(t.complaint));
        const next = await this.conversation.showContact(context, false);
        // A case offered after an answer that did not help carries the question, as "Nej" to "Hjalp det?" does.
        const asked = pending?.kind === 'feedback' || pending?.kind === 'offerCase' ? pending : undefined;
        if (next) state.pending = asked ? { kind: 'offerCase', question: asked.question, ...(asked.areaId ? { areaId: asked.areaId } : {}), ...(asked.systemId ? { systemId: asked.systemId } : {}) } : next;
        return Dialog.EndOfTurn;
      }
    }
  }

  /** "Which case?" for a comment, with the user's latest cases to pick from. */
  private async askCommentCase(dc: DialogContext, state: RouterState): Promise<DialogTurnResult> {
    const t = texts(turnInfo(dc.context).lang);
    const numbers = await this.latestCaseNumbers(dc.context);
    await dc.context.sendActivity(reply(t.askCommentCaseNumber, [...numbers, t.myCases]));
    state.pending = { kind: 'commentCase' };
    return Dialog.EndOfTurn;
  }

  /** "Which case?" for files, with the user's latest cases to pick from. */
  private async askAttachCase(dc: DialogContext, state: RouterState): Promise<DialogTurnResult> {
    const lang = turnInfo(dc.context).lang;
    if (!this.conversation.deps.portal.attachmentPolicy) {
      await dc.context.sendActivity(reply(attachTexts(lang).notEnabled));
      return Dialog.EndOfTurn;
    }
    const numbers = await this.latestCaseNumbers(dc.context);
    await dc.context.sendActivity(reply(attachTexts(lang).whichCaseForFiles, [...numbers.map((n) => `${lang === 'da' ? 'Vedhæft til' : 'Attach to'} ${n}`), texts(lang).myCases]));
    state.pending = { kind: 'attachCase' };
    return Dialog.EndOfTurn;
  }

  /**
   * "Status på den nyeste", "hvad sker der med min sag om rejseafregningen", "har I svaret på min sag?": a status
   * asked without a number. The case the words mean among the user's own (which-case.ts) is shown; when it is not
   * clear, the number is asked for with the user's latest cases to pick from.
   */
  private async statusWithoutNumber(dc: DialogContext, text: string): Promise<DialogTurnResult> {
    const context = dc.context;
    const t = texts(turnInfo(context).lang);
    const { user, cases } = await this.ownCases(context, CASES_TO_PICK_FROM);
    const meant = caseMeant(text, cases, this.conversation.catalogue);
    if (user && meant) {
      await this.conversation.showStatus(context, user, meant.number);
      return Dialog.EndOfTurn;
    }
    if (user && cases.length === 0) {
      await context.sendActivity(reply(t.noCases, [t.createCase]));
      return Dialog.EndOfTurn;
    }
    await context.sendActivity(reply(t.askCaseNumber, [...cases.slice(0, 3).map((c) => t.statusAction(c.number)), t.myCases]));
    return Dialog.EndOfTurn;
  }

  /** The number of the user's own case a request without a number means (which-case.ts), when it is clear. */
  private async ownCaseMeant(context: TurnContext, text: string): Promise<string | undefined> {
    const { cases } = await this.ownCases(context, CASES_TO_PICK_FROM);
    return caseMeant(text, cases, this.conversation.catalogue)?.number;
  }

  private async latestCaseNumbers(context: TurnContext): Promise<string[]> {
    return (await this.ownCases(context, 3)).cases.map((c) => c.number);
  }

  /** The user (undefined: not registered) and their newest cases, newest first (none when the portal cannot list them). */
  private async ownCases(context: TurnContext, limit: number): Promise<{ user: User | undefined; cases: readonly Case[] }> {
    const user = await this.conversation.user(context);
    if (!user) return { user, cases: [] };
    const page = await this.conversation.deps.portal.myCases(user.id, { limit, after: null });
    return { user, cases: page.ok ? page.value.items : [] };
  }

  /** "Vedhæft en fil til SA-…": on a case the user may see, the files are asked for. */
  private async waitForFiles(dc: DialogContext, state: RouterState, caseNumber: string): Promise<DialogTurnResult> {
    const lang = turnInfo(dc.context).lang;
    const policy = this.conversation.deps.portal.attachmentPolicy;
    if (!policy) {
      await dc.context.sendActivity(reply(attachTexts(lang).notEnabled));
      return Dialog.EndOfTurn;
    }
    const user = await this.requireUser(dc);
    if (!('id' in user)) return user;
    const visible = await this.conversation.deps.portal.caseFor(user.id, caseNumber);
    if (!visible.ok) {
      await dc.context.sendActivity(reply(texts(lang).statusNotVisible));
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(reply(attachTexts(lang).sendFilesFor(visible.value.case.number, policy)));
    state.pending = { kind: 'attachTo', caseNumber: visible.value.case.number };
    return Dialog.EndOfTurn;
  }

  /**
   * Files with this message: attached to the case waited for or named ("vedhæft til SA-…" with
   * the files); otherwise the user is asked which case, or a new one.
   */
  private async filesArrived(dc: DialogContext, state: RouterState, pending: Pending | undefined): Promise<DialogTurnResult> {
    const context = dc.context;
    const info = turnInfo(context);
    const lang = info.lang;
    const arrived = arrivedFiles(context);
    const staged = stagedOf(arrived);
    const said = receipt([], refusedOf(arrived), lang);
    const route = info.decision.route;
    const named = route.kind === 'intent' && (route.intent.kind === 'attachFile' || route.intent.kind === 'status' || route.intent.kind === 'addComment') ? route.intent.caseNumber : undefined;
    const number = named ?? (pending?.kind === 'attachTo' ? pending.caseNumber : undefined);
    if (staged.length === 0) {
      // Nothing to keep: the reasons, and whatever was waited for still is.
      await context.sendActivity(reply(said));
      if (pending) state.pending = pending;
      return Dialog.EndOfTurn;
    }
    if (number) {
      const user = await this.requireUser(dc);
      if (!('id' in user)) return user;
      await attachAndTell(this.conversation.deps.portal, (a) => context.sendActivity(a), user.id, number, staged, lang, said || undefined);
      return Dialog.EndOfTurn;
    }
    const files = [...(pending?.kind === 'filesFor' ? pending.files : []), ...staged];
    const numbers = await this.latestCaseNumbers(context);
    const x = attachTexts(lang);
    const text = [receipt(files, refusedOf(arrived), lang), x.offerFiles(files.length === 1)].join('\n\n');
    await context.sendActivity(reply(text, [...numbers, x.newCaseWithFiles]));
    state.pending = { kind: 'filesFor', files, numbers };
    return Dialog.EndOfTurn;
  }

  /** The comment dialog on a case the user may see. */
  private async beginComment(dc: DialogContext, caseNumber: string, text?: string): Promise<DialogTurnResult> {
    const user = await this.requireUser(dc);
    if (!('id' in user)) return user;
    const visible = await this.conversation.deps.portal.caseFor(user.id, caseNumber);
    if (!visible.ok) {
      await dc.context.sendActivity(reply(texts(turnInfo(dc.context).lang).statusNotVisible));
      return Dialog.EndOfTurn;
    }
    return dc.beginDialog(DIALOG_IDS.comment, { userId: user.id, caseNumber, ...(text !== undefined ? { text } : {}) });
  }

  /** The reply to the router's own last question (Hjalp det? / Vil du oprette en sag? / Mente du …?). */
  private async followUp(dc: DialogContext, state: RouterState, pending: Pending): Promise<DialogTurnResult | undefined> {
    const context = dc.context;
    const info = turnInfo(context);
    const { text, lang } = info;
    const t = texts(lang);
    const intent = info.recognition.intent;
    const { feedback } = this.conversation.deps;
    switch (pending.kind) {
      case 'feedback': {
        // "Opret", "ja opret en sag": the case about the question answered, straight away.
        if (asksForTheCase(text)) return this.startCase(dc, { description: pending.question, ...(pending.areaId ? { areaId: pending.areaId } : {}), ...(pending.systemId ? { systemId: pending.systemId } : {}) });
        if (intent.kind !== 'yes' && intent.kind !== 'no') return undefined;
        const helpful = intent.kind === 'yes';
        const user = await this.conversation.user(context);
        await feedback.recordFeedback({ question: pending.question, articleId: pending.articleId, helpful, locale: lang, at: new Date(), ...(user ? { userId: user.id } : {}) });
        if (helpful) {
          await context.sendActivity(reply(t.gladItHelped));
          return Dialog.EndOfTurn;
        }
        await context.sendActivity(reply(t.offerCase, [t.yes, t.no]));
        state.pending = { kind: 'offerCase', question: pending.question, ...(pending.areaId ? { areaId: pending.areaId } : {}), ...(pending.systemId ? { systemId: pending.systemId } : {}) };
        return Dialog.EndOfTurn;
      }
      case 'offerCase': {
        if (matchKey(text) === matchKey(t.rephrase) || matchKey(text) === matchKey(t.noThanks) || intent.kind === 'no') {
          await context.sendActivity(reply(pending.afterArticle ? t.gladItHelped : t.noCaseThen));
          return Dialog.EndOfTurn;
        }
        // The case's details typed at the offer ("fakturanr 12345 fra Dell"): a yes, and more of the description.
        const details = !asksForTheCase(text) && givesCaseDetails(text) && intent.kind !== 'yes' ? text.trim() : undefined;
        if (intent.kind !== 'yes' && intent.kind !== 'createCase' && !asksForTheCase(text) && details === undefined) return undefined;
        const description = details !== undefined ? `${pending.question}\n\n${details}` : pending.question;
        const prefill: CasePrefill = {
          description,
          told: description,
          ...(pending.areaId ? { areaId: pending.areaId } : {}),
          ...(pending.systemId ? { systemId: pending.systemId } : {}),
          ...(pending.formId ? { formId: pending.formId } : {}),
        };
        return this.startCase(dc, prefill);
      }
      case 'candidates': {
        const choices: Choice[] = pending.candidates.map((c) => ({ id: c.articleId, label: { da: c.title, en: c.title } }));
        if (matchKey(text) === matchKey(t.noneOfThem)) {
          await context.sendActivity(reply(t.offerCase, [t.yes, t.no]));
          state.pending = { kind: 'offerCase', question: pending.question, ...caseAreaOfText(pending.question, this.conversation.catalogue) };
          return Dialog.EndOfTurn;
        }
        const choice = matchTolerant(choices, text) ?? choiceByTitleWord(choices, text);
        const ref = choice ? pending.candidates.find((c) => c.articleId === choice.id) : undefined;
        if (!ref) return undefined;
        const next = await this.conversation.showAnswer(context, ref, pending.question, true);
        if (next) state.pending = next;
        return Dialog.EndOfTurn;
      }
      case 'confirmDetach': {
        const choice = matchTolerant(DETACH_CHOICES, text);
        if (!choice) return undefined;
        if (choice.id === 'keep') {
          await context.sendActivity(reply(t.detachKept(pending.member, pending.mailbox)));
          return Dialog.EndOfTurn;
        }
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        await this.conversation.changeMembership(context, user, { kind: 'membership', op: 'detach', member: pending.member, mailbox: pending.mailbox });
        return Dialog.EndOfTurn;
      }
      case 'commentCase': {
        const number = parseCaseNumber(text);
        if (!number) return this.askCommentCase(dc, state);
        return this.beginComment(dc, number);
      }
      case 'attachCase': {
        const number = parseCaseNumber(text);
        if (!number) return this.askAttachCase(dc, state);
        return this.waitForFiles(dc, state, number);
      }
      case 'attachTo':
        return undefined;
      case 'rephrase': {
        if (matchKey(text) !== matchKey(t.rephrase) && intent.kind !== 'no') return undefined;
        await context.sendActivity(reply(t.noCaseThen));
        return Dialog.EndOfTurn;
      }
      case 'filesFor': {
        const number = parseCaseNumber(text);
        if (number) {
          const user = await this.requireUser(dc);
          if (!('id' in user)) return user;
          await attachAndTell(this.conversation.deps.portal, (a) => context.sendActivity(a), user.id, number, pending.files, lang);
          return Dialog.EndOfTurn;
        }
        if (intent.kind === 'no' || intent.kind === 'cancel') {
          await context.sendActivity(reply(attachTexts(lang).filesDropped));
          return Dialog.EndOfTurn;
        }
        if (intent.kind === 'createCase' || matchKey(text) === matchKey(attachTexts(lang).newCaseWithFiles)) {
          return this.startCase(dc, {}, undefined, pending.files);
        }
        return undefined;
      }
      case 'accessInstitution': {
        const institution = matchTolerant(await this.conversation.institutionChoices(), text);
        if (!institution) return undefined;
        const user = await this.requireUser(dc);
        if (!('id' in user)) return user;
        return this.orderAccess(dc, user, institution.id, pending.text ?? '');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

function isInterruptible(dialog: Dialog | undefined): dialog is Dialog & InterruptibleDialog {
  return dialog !== undefined && 'accepts' in dialog && 'help' in dialog;
}

/** The inner dialog stack of the main dialog (a ComponentDialog keeps it in its instance state). */
function innerStack(state: DialogState | undefined): DialogInstance[] {
  const main = state?.dialogStack?.[0] as DialogInstance<{ dialogs?: DialogState }> | undefined;
  return main?.state?.dialogs?.dialogStack ?? [];
}

/**
 * A passage as shown: one that opens with a list item and has no sentence introducing the list
 * (the list follows its heading at once: "## Det får institutionen" then "- Ét lokalt datavarehus…")
 * opens with its heading, so an item never stands alone.
 */
export function withListIntro(passage: { readonly heading?: string | undefined; readonly text: string }): string {
  const opensWithItem = /^\s*(?:[-*+]|\d+[.)])\s/.test(passage.text);
  return opensWithItem && passage.heading ? `**${passage.heading}**\n\n${passage.text}` : passage.text;
}

/** Intents after which the router's last answer is still the one to show again in another language. */
const KEEPS_LAST_ANSWER: ReadonlySet<Intent['kind']> = new Set(['thanks', 'yes', 'no', 'language', 'explain']);

/** How many of the user's newest cases a request without a case number is matched against (which-case.ts). */
const CASES_TO_PICK_FROM = 20;

/** The root dialog. Interruptions are handled here, for whichever dialog is waiting. */
export class MainDialog extends ComponentDialog {
  private readonly conversation: Conversation;

  constructor(deps: ConversationDeps) {
    super(DIALOG_IDS.main);
    this.conversation = new Conversation(deps);
    const statusText = (status: string, lang: Language): string => {
      const parsed = ['modtaget', 'under_behandling', 'afventer_kunde', 'loest', 'lukket'].includes(status) ? statusLabel(status as CaseStatus, lang) : status;
      return parsed;
    };
    this.addDialog(new RouterDialog(this.conversation));
    this.addDialog(
      new CaseDialog({
        portal: deps.portal,
        directory: deps.directory,
        ...(deps.catalogue ? { catalogue: deps.catalogue } : {}),
        ...(deps.newKey ? { newKey: deps.newKey } : {}),
        deflect: (description, lang) => this.conversation.deflectionOffer(description, lang),
        ...(deps.desk ? { desk: deps.desk } : {}),
      }),
    );
    this.addDialog(new RegistrationDialog({ portal: deps.portal, directory: deps.directory, verification: deps.addressVerification }));
    this.addDialog(new ConsentDialog({ portal: deps.portal }));
    this.addDialog(new CommentDialog({ portal: deps.portal, statusLabel: statusText }));
    this.initialDialogId = DIALOG_IDS.router;
  }

  /** "Siden sidst: …" for a user opening the chat, or undefined when nothing changed since `since`. */
  sinceLastSeen(user: User, since: string, lang: Language): Promise<Partial<Activity> | undefined> {
    return this.conversation.sinceLastSeen(user, since, lang);
  }

  /** The knowledge base's answer to a text, as the router weighs it. */
  knowledge(text: string, lang: Language, about?: string, own?: string, within?: string): AnswerResult {
    return this.conversation.knowledgeAnswer(text, lang, about, own, within);
  }

  /** English when the text is English keywords the articles do not write (see KnowledgeBase.keywordLanguage). */
  keywordLanguage(text: string): Language | undefined {
    return this.conversation.deps.knowledge.keywordLanguage(text);
  }

  /** What the conversation waits for, from its stored dialog state (read before the turn runs). */
  /** The answer shown last, when the router is the active dialog (a follow-up is read with it). */
  previousAnswer(state: DialogState | undefined): PreviousAnswer | undefined {
    const stack = innerStack(state);
    const top = stack[stack.length - 1];
    if (!top || top.id !== DIALOG_IDS.router) return undefined;
    const last = routerStateOf(top).lastAnswer;
    const article = last ? this.conversation.deps.knowledge.article(last.articleId) : undefined;
    return last && article ? { question: last.question, subject: subjectOfTitle(article.title), articleId: article.id, text: `${article.title}\n${article.body}`.toLocaleLowerCase('da') } : undefined;
  }

  expectation(state: DialogState | undefined): Expectation {
    const stack = innerStack(state);
    // botbuilder-js keeps the active dialog last.
    const top = stack[stack.length - 1];
    if (!top) return { kind: 'none' };
    if (top.id === DIALOG_IDS.router) return this.conversation.pendingExpectation(routerStateOf(top).pending);
    const dialog = this.findDialog(top.id);
    if (isInterruptible(dialog) && dialog.expectation) return dialog.expectation(top);
    // A dialog that does not say: any text may be its answer.
    return { kind: 'field', fieldId: top.id, label: { da: '', en: '' }, shape: 'shortText', optional: false };
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const active = innerDc.activeDialog;
    if (!active || active.id === DIALOG_IDS.router) return super.onContinueDialog(innerDc);
    const dialog = this.findDialog(active.id);
    const context = innerDc.context;
    const info = turnInfo(context);
    const { route } = info.decision;
    const t = texts(info.lang);
    // The router's last answer is no longer the last thing said once another dialog talks.
    delete routerStateOf(innerDc.stack.find((instance) => instance.id === DIALOG_IDS.router)).lastAnswer;

    // Files while another dialog than a case waits (a comment, registration): not kept; said so.
    if (arrivedFiles(context).length > 0 && active.id !== DIALOG_IDS.createCase) {
      setRepromptLead(context, attachTexts(info.lang).notNow);
      if (info.text === '') {
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      await context.sendActivity(reply(attachTexts(info.lang).notNow));
      takeRepromptLead(context);
    }

    if (route.kind === 'knowledge') {
      await this.conversation.answerQuestion(context, info.text, true, route.answer);
      setRepromptLead(context, t.backToDialog);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (route.kind === 'intent') {
      const intent = route.intent;
      switch (intent.kind) {
        case 'help': {
          const help = isInterruptible(dialog) ? dialog.help(active, info.lang)[info.lang] : t.registrationHelp;
          setRepromptLead(context, help);
          await innerDc.repromptDialog();
          return Dialog.EndOfTurn;
        }
        case 'cancel':
          await context.sendActivity(reply(active.id === DIALOG_IDS.createCase ? t.caseCancelled : t.cancelled));
          return innerDc.endDialog({ kind: 'cancelled' });
        case 'restart':
          if (active.id === DIALOG_IDS.createCase) {
            await context.sendActivity(reply(t.startOver));
            return innerDc.replaceDialog(DIALOG_IDS.createCase, CaseDialog.restartOptions(active));
          }
          await context.sendActivity(reply(t.cancelled));
          return innerDc.endDialog({ kind: 'cancelled' });
        case 'human':
          await this.conversation.showContact(context, true);
          setRepromptLead(context, t.backToDialog);
          await innerDc.repromptDialog();
          return Dialog.EndOfTurn;
        case 'complaint': {
          // "Du forstår mig ikke" at a choice or a yes/no: an apology and the step's help, then the step again.
          const help = isInterruptible(dialog) ? dialog.help(active, info.lang)[info.lang] : t.registrationHelp;
          setRepromptLead(context, `${t.complaintInDialog} ${help}`);
          await innerDc.repromptDialog();
          return Dialog.EndOfTurn;
        }
        case 'language':
          // The turn's language is already the one asked for: the step is asked again in it.
          setRepromptLead(context, t.languageInDialog);
          await innerDc.repromptDialog();
          return Dialog.EndOfTurn;
        case 'myCases':
        case 'showMore':
        case 'status':
          if (await this.interrupt(innerDc, intent)) return Dialog.EndOfTurn;
          break;
        default:
          break;
      }
    }
    return super.onContinueDialog(innerDc);
  }

  /** "Mine sager" or a status request in the middle of a dialog: answered, then the dialog asks again. */
  private async interrupt(innerDc: DialogContext, intent: Intent): Promise<boolean> {
    const context = innerDc.context;
    const user = await this.conversation.user(context);
    if (!user) return false;
    const router = routerStateOf(innerDc.stack.find((instance) => instance.id === DIALOG_IDS.router));
    const t = texts(turnInfo(context).lang);
    if (intent.kind === 'status' && intent.caseNumber && caseNumberSchema.safeParse(intent.caseNumber).success) {
      await this.conversation.showStatus(context, user, intent.caseNumber);
    } else if (intent.kind === 'myCases' || (intent.kind === 'showMore' && router.casesCursor)) {
      const next = await this.conversation.showMyCases(context, user, intent.kind === 'showMore' ? router.casesCursor : undefined);
      if (next) router.casesCursor = next;
      else delete router.casesCursor;
    } else {
      return false;
    }
    setRepromptLead(context, t.backToDialog);
    await innerDc.repromptDialog();
    return true;
  }
}
