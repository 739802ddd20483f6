/**
 * What a user turn asks for: rules where they are exact (case numbers, commands, membership
 * changes by e-mail), and a small naive Bayes classifier from `natural`, trained once on the
 * example utterances in intents.data.ts, for the free phrasings. Below the confidence floor a
 * turn is a knowledge question.
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import type { Intent, IntentRecognizer, Recognition } from '../dialogs/ports.js';
import { findCaseNumbers, mentionedSystems } from '../portal/index.js';
import { INTENT_EXAMPLES, type ClassifiedIntent } from './intents.data.js';

export interface RecognizerOptions {
  /** Share of the probability the best intent needs; below it the turn is a question. Default 0.6. */
  confidenceFloor?: number;
  /** Training data. Default INTENT_EXAMPLES. */
  examples?: Readonly<Record<ClassifiedIntent, readonly string[]>>;
}

const DEFAULTS = { confidenceFloor: 0.6 } as const;

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
  [{ kind: 'cancel' }, ['annuller', 'annullér', 'annuler', 'afbryd', 'stop', 'fortryd', 'glem det', 'cancel', 'quit', 'abort']],
  [{ kind: 'restart' }, ['forfra', 'start forfra', 'begynd forfra', 'start om', 'start over', 'restart', 'begin again']],
  [{ kind: 'myCases' }, ['mine sager', 'vis mine sager', 'se mine sager', 'my cases', 'show my cases', 'list my cases']],
  [{ kind: 'showMore' }, ['vis flere', 'flere', 'vis mere', 'show more', 'more', 'næste side', 'next page']],
  [{ kind: 'status' }, ['status', 'sagsstatus', 'case status']],
  [{ kind: 'createCase' }, ['opret sag', 'opret en sag', 'opret ny sag', 'ny sag', 'create a case', 'create case', 'new case', 'opret en ny sag']],
  [{ kind: 'addComment' }, ['tilføj kommentar', 'tilføj en kommentar', 'add comment', 'add a comment']],
  [{ kind: 'ask' }, ['stil et spørgsmål', 'ask a question']],
  [{ kind: 'register' }, ['opret mig', 'registrer mig', 'register', 'register me', 'sign up']],
  [{ kind: 'yes' }, ['ja', 'jo', 'ja tak', 'ja gerne', 'gerne', 'yes', 'yes please', 'ok', 'okay', 'yep', 'jep']],
  [{ kind: 'no' }, ['nej', 'nej tak', 'no', 'no thanks', 'nope']],
  [{ kind: 'greeting' }, ['hej', 'hejsa', 'hej hej', 'goddag', 'godmorgen', 'hallo', 'hi', 'hello', 'hey', 'start']],
  [{ kind: 'thanks' }, ['tak', 'mange tak', 'tusind tak', 'tak for hjælpen', 'thanks', 'thank you', 'thank you very much']],
];

const COMMAND_INDEX = new Map<string, Intent>(COMMANDS.flatMap(([intent, phrases]) => phrases.map((p) => [p, intent] as const)));

const EMAIL = String.raw`[^\s@]+@[^\s@]+\.[a-zæøå]{2,}`;
const ATTACH = new RegExp(String.raw`\b(?:tilføj|tilknyt|add|attach)\s+(${EMAIL})\s+(?:til|to)\s+(?:fællespostkassen\s+|the shared mailbox\s+)?(${EMAIL})`, 'i');
const DETACH = new RegExp(String.raw`\b(?:fjern|afmeld|frakobl|remove|detach)\s+(${EMAIL})\s+(?:fra|from)\s+(?:fællespostkassen\s+|the shared mailbox\s+)?(${EMAIL})`, 'i');
const ACCESS = /\b(?:adgang til|access to)\s+(?:institutionen\s+|the institution\s+)?(.+?)\s*[.!?]*$/i;
const ACCESS_VERBS = /\b(skal have|vil have|vil gerne have|bestil|bestille|ønsker|mangler|need|want|request|order|give me)\b/i;
const COMMENT_WORDS = /\b(kommentar|kommenter|kommentere|comment)\b/i;

/** Crude suffix stripping (Danish and English), applied twice: enough to meet "sager"/"sagen"/"sag" and "cases"/"case". */
function stem(word: string): string {
  let w = word;
  for (let pass = 0; pass < 2; pass++) {
    const m = /^(.{3,}?)(erne|ene|ede|ing|er|en|et|es|ed|e|s)$/.exec(w);
    if (!m?.[1]) break;
    w = m[1];
  }
  return w;
}

/** Words that say nothing about the intent (they appear in every class). */
const STOP = new Set('jeg du vi en et den det de at og i på til om for med af er har kan vil gerne mig min mit mine sig the a an i to of for my me can do is it please'.split(' '));

const stemmer = {
  tokenizeAndStem(text: string): string[] {
    return text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 0 && !STOP.has(t))
      .map(stem);
  },
};

export class NaturalIntentRecognizer implements IntentRecognizer {
  private readonly classifier: BayesClassifier;
  private readonly floor: number;
  private readonly vocabulary = new Set<string>();

  constructor(options: RecognizerOptions = {}) {
    this.floor = options.confidenceFloor ?? DEFAULTS.confidenceFloor;
    // A small smoothing: with the default (1) an unseen word favours the classes with the fewest examples.
    this.classifier = new BayesClassifier(stemmer, 0.05);
    const examples = options.examples ?? INTENT_EXAMPLES;
    for (const [label, utterances] of Object.entries(examples)) {
      for (const utterance of utterances) {
        this.classifier.addDocument(utterance, label);
        for (const token of stemmer.tokenizeAndStem(utterance)) this.vocabulary.add(token);
      }
    }
    this.classifier.train();
  }

  recognize(raw: string): Recognition {
    const found = this.recognizeIntent(raw);
    return { ...found, confidence: found.command ? 1 : 0.6, scores: {}, slots: {} };
  }

  private recognizeIntent(raw: string): Pick<Recognition, 'intent' | 'command'> {
    const text = normalise(raw);
    if (text === '') return { intent: { kind: 'greeting' }, command: true };
    const words = text.split(' ').length;

    const attach = ATTACH.exec(raw);
    if (attach?.[1] && attach[2]) return { intent: { kind: 'membership', op: 'attach', member: attach[1].toLowerCase(), mailbox: attach[2].toLowerCase() }, command: true };
    const detach = DETACH.exec(raw);
    if (detach?.[1] && detach[2]) return { intent: { kind: 'membership', op: 'detach', member: detach[1].toLowerCase(), mailbox: detach[2].toLowerCase() }, command: true };

    const numbers = findCaseNumbers(raw);
    const caseNumber = numbers[0];
    if (caseNumber) {
      const intent: Intent = COMMENT_WORDS.test(raw) ? { kind: 'addComment', caseNumber } : { kind: 'status', caseNumber };
      return { intent, command: words <= 8 };
    }

    const exact = COMMAND_INDEX.get(text);
    if (exact) return { intent: exact, command: true };

    const access = ACCESS.exec(raw);
    if (access?.[1] && (ACCESS_VERBS.test(raw) || /^(adgang|access)\b/i.test(text)) && mentionedSystems(access[1]).length === 0) {
      return { intent: { kind: 'communityAccess', institution: access[1].trim() }, command: false };
    }

    const label = this.classify(text);
    switch (label) {
      case 'createCase':
      case 'myCases':
      case 'register':
      case 'greeting':
      case 'thanks':
      case 'help':
      case 'status':
      case 'addComment':
        return { intent: { kind: label }, command: false };
      case 'communityAccess':
        // Access to a system is a user-administration matter, not a payroll community.
        return mentionedSystems(raw).length > 0 ? { intent: { kind: 'question' }, command: false } : { intent: { kind: 'communityAccess' }, command: false };
      case 'cancel':
        return { intent: { kind: 'cancel' }, command: false };
      default:
        return { intent: { kind: 'question' }, command: false };
    }
  }

  /** The best intent with its share of the probability, or `question` below the floor. */
  classify(text: string): ClassifiedIntent {
    // Mostly unknown words say nothing about an intent (naive Bayes would favour the smallest class).
    const tokens = stemmer.tokenizeAndStem(text);
    const known = tokens.filter((t) => this.vocabulary.has(t)).length;
    if (tokens.length === 0 || known * 2 < tokens.length) return 'question';
    const scored = this.classifier.getClassifications(text);
    const total = scored.reduce((sum, s) => sum + s.value, 0);
    const best = scored[0];
    if (!best || total <= 0) return 'question';
    return best.value / total >= this.floor ? (best.label as ClassifiedIntent) : 'question';
  }

  /** For tuning: every intent's share of the probability. */
  scores(text: string): { label: string; share: number }[] {
    const scored = this.classifier.getClassifications(normalise(text));
    const total = scored.reduce((sum, s) => sum + s.value, 0) || 1;
    return scored.map((s) => ({ label: s.label, share: s.value / total }));
  }
}
