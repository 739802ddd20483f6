/**
 * nlu:eval — runs utterances through what the assistant understands of a first message and reports
 * intent accuracy, per intent, the confusion and slot accuracy. By default that is the turn's routing
 * decision (bot/routing.ts: the recognizer's reading weighed with the form of the text and the
 * knowledge base's answer, over the shipped articles or `--kb` sources, as in the chat): a line
 * routed to the knowledge base counts as kb_question, one routed to an intent as that intent.
 * `--recognizer-only` measures the recognizer (rules and classifier) alone.
 *
 *   npm run --silent nlu:eval -- --utterances <jsonl> [--kb <dir-or-jsonl> …] [--recognizer-only] [--json] [--verbose]
 *
 * Lines: {u, intent, area?, system?} with intent one of create_case, status, my_cases,
 * kb_question, human, greeting, thanks, help, cancel (the project's own add_comment,
 * community_access and register are understood too). area/system may be catalogue ids or names
 * and aliases ("Økonomi og Regnskab", "IndFak"). With --json exactly one JSON object is printed.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { languageOfUserWords, userWords } from '../bot/language.js';
import { NaturalIntentRecognizer } from '../bot/recognizer.js';
import { decide } from '../bot/routing.js';
import type { IntentKind, IntentRecognizer, Recognition } from '../dialogs/ports.js';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/index.js';
import { casePrefillFrom } from '../dialogs/prefill.js';
import { type Catalogue, catalogue as portalCatalogue, findArea, findSystem } from '../portal/index.js';

const LineSchema = z.object({ u: z.string().min(1), intent: z.string().min(1), area: z.string().min(1).optional(), system: z.string().min(1).optional() });
export type EvalLine = z.infer<typeof LineSchema>;

/** The evaluation's name for what the recognizer returned. */
export const EVAL_NAME: Readonly<Record<IntentKind, string>> = {
  question: 'kb_question',
  ask: 'kb_question',
  createCase: 'create_case',
  myCases: 'my_cases',
  showMore: 'my_cases',
  status: 'status',
  human: 'human',
  greeting: 'greeting',
  thanks: 'thanks',
  help: 'help',
  cancel: 'cancel',
  restart: 'restart',
  yes: 'yes',
  no: 'no',
  addComment: 'add_comment',
  attachFile: 'attach_file',
  communityAccess: 'community_access',
  register: 'register',
  membership: 'membership',
  membershipHow: 'membership',
  mailboxMembers: 'mailbox_members',
  language: 'language',
  complaint: 'complaint',
  explain: 'kb_question',
};

/** The intents of the evaluation format; a line with one of these is judged at that grain. */
const EVAL_INTENTS = new Set(['create_case', 'status', 'my_cases', 'kb_question', 'human', 'greeting', 'thanks', 'help', 'cancel']);

/**
 * The project's finer intents, judged against a line labelled with one of the evaluation's nine, count
 * as the one whose work they do: "start forfra" cancels what goes on (and offers to begin again);
 * access to a payroll community's institutions and a change to a shared mailbox's members are requests
 * the desk handles, as a case is. A line labelled with the finer intent itself is judged exactly.
 */
const UNDER_EVAL_INTENT: Readonly<Record<string, string>> = { restart: 'cancel', community_access: 'create_case', membership: 'create_case' };

/** The evaluation's name for a recognised intent, judged against a line labelled `labelled` (see UNDER_EVAL_INTENT). */
export function judgedAs(kind: IntentKind, labelled: string): string {
  const own = EVAL_NAME[kind];
  return EVAL_INTENTS.has(labelled) ? (UNDER_EVAL_INTENT[own] ?? own) : own;
}

export interface NluFigures {
  utterances: number;
  accuracy: number;
  perIntent: Record<string, { n: number; accuracy: number }>;
  /**
   * Slot accuracy over the lines that name an area or system: the area and system of the path the case dialog starts at
   * ({@link casePrefillFrom} of the recognised slots); `null` when no line names one (nothing was measured).
   */
  slots: { n: number; accuracy: number | null };
  /** The same over the recognised slots as they are, before the path is made of them (the measure up to round 25). */
  slotsNamed: { n: number; accuracy: number | null };
  confusion: Record<string, Record<string, number>>;
  /** Each line whose intent or slots came out otherwise: what was expected and what was recognised. */
  misses: { u: string; intent: string; got: string; confidence: number; slots?: { expected: string; got: string } }[];
}

export function parseLines(text: string, file = 'utterances'): EvalLine[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (cause: unknown) {
        throw new Error(`NLU.BAD_LINE: ${file}:${i + 1}: not JSON`, { cause });
      }
      const parsed = LineSchema.safeParse(json);
      if (!parsed.success) throw new Error(`NLU.BAD_LINE: ${file}:${i + 1}: ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    });
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Runs every line through the recognizer; expected slots are resolved through the catalogue. */
export function evaluate(recognizer: IntentRecognizer, lines: readonly EvalLine[], catalogue: Catalogue = portalCatalogue): NluFigures {
  let right = 0;
  let slotLines = 0;
  let slotRight = 0;
  let namedRight = 0;
  const per: Record<string, { n: number; right: number }> = {};
  const confusion: Record<string, Record<string, number>> = {};
  const misses: NluFigures['misses'] = [];
  for (const line of lines) {
    const recognition = recognizer.recognize(line.u);
    const got = judgedAs(recognition.intent.kind, line.intent);
    const bucket = (per[line.intent] ??= { n: 0, right: 0 });
    bucket.n += 1;
    if (got === line.intent) {
      right += 1;
      bucket.right += 1;
    }
    const row = (confusion[line.intent] ??= {});
    row[got] = (row[got] ?? 0) + 1;
    const miss = got === line.intent ? undefined : { u: line.u, intent: line.intent, got, confidence: round(recognition.confidence) };

    if (line.area !== undefined || line.system !== undefined) {
      slotLines += 1;
      const area = line.area === undefined ? undefined : findArea(line.area, catalogue)?.id;
      const system = line.system === undefined ? undefined : findSystem(line.system, catalogue)?.id;
      if ((line.area !== undefined && area === undefined) || (line.system !== undefined && system === undefined)) {
        throw new Error(`NLU.UNKNOWN_SLOT: "${line.area ?? ''}"/"${line.system ?? ''}" names nothing in the catalogue`);
      }
      // The path the case dialog starts at (area → system → form), as the chat makes it from the slots: a form of one
      // system gives its system ("fejl i lønkørsel" → SLS), a system alone its area (round 26).
      const path = casePrefillFrom(line.u, recognition.slots, catalogue);
      const fits = (got: { areaId?: string; systemId?: string | null }): boolean => (area === undefined || got.areaId === area) && (system === undefined || got.systemId === system);
      if (fits(recognition.slots)) namedRight += 1;
      const ok = fits(path);
      if (ok) slotRight += 1;
      else {
        const slots = { expected: `${area ?? '-'}/${system ?? '-'}`, got: `${path.areaId ?? '-'}/${path.systemId ?? '-'}` };
        misses.push({ ...(miss ?? { u: line.u, intent: line.intent, got, confidence: round(recognition.confidence) }), slots });
        continue;
      }
    }
    if (miss) misses.push(miss);
  }
  return {
    utterances: lines.length,
    accuracy: lines.length === 0 ? 0 : round(right / lines.length),
    perIntent: Object.fromEntries(Object.entries(per).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { n: v.n, accuracy: round(v.right / v.n) }])),
    slots: { n: slotLines, accuracy: slotLines === 0 ? null : round(slotRight / slotLines) },
    slotsNamed: { n: slotLines, accuracy: slotLines === 0 ? null : round(namedRight / slotLines) },
    confusion,
    misses,
  };
}

const SHIPPED_ARTICLES = fileURLToPath(new URL('../knowledge/articles/', import.meta.url));

/**
 * The recognizer as the chat acts on a first message: its reading, then the turn's routing decision with
 * nothing asked before and the knowledge base's answer; a route to the knowledge base is a question.
 */
export function routedAsTheChat(recognizer: IntentRecognizer, kb: KnowledgeBase): IntentRecognizer {
  return {
    recognize(text: string): Recognition {
      const recognition = recognizer.recognize(text);
      const lang = languageOfUserWords(text) ?? kb.keywordLanguage(userWords(text)) ?? 'da';
      const decision = decide({ text, lang, recognition, expectation: { kind: 'none' }, knowledge: (t, l) => kb.answer(t, { locale: l }) });
      return { ...recognition, intent: decision.route.kind === 'intent' ? decision.route.intent : { kind: 'question' } };
    },
  };
}

function parseArgs(argv: readonly string[]): { utterances: string; json: boolean; verbose: boolean; recognizerOnly: boolean; kb: string[] } {
  let utterances: string | undefined;
  let json = false;
  let verbose = false;
  let recognizerOnly = false;
  const kb: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--utterances') utterances = argv[++i];
    else if (arg === '--json') json = true;
    else if (arg === '--verbose') verbose = true;
    else if (arg === '--recognizer-only') recognizerOnly = true;
    else if (arg === '--kb') {
      const source = argv[++i];
      if (!source) throw new Error('nlu:eval: --kb needs a folder or a .jsonl file');
      kb.push(source);
    } else throw new Error(`nlu:eval: unknown argument ${arg ?? ''}`);
  }
  if (!utterances) throw new Error('usage: npm run --silent nlu:eval -- --utterances <jsonl> [--kb <dir-or-jsonl> …] [--recognizer-only] [--json] [--verbose]');
  return { utterances, json, verbose, recognizerOnly, kb };
}

function table(f: NluFigures, trainingMs: number, cpuMs: number): string {
  const out = [`utterances ${f.utterances}   accuracy ${f.accuracy.toFixed(3)}   slots ${f.slots.accuracy === null ? '–' : f.slots.accuracy.toFixed(3)} (n=${f.slots.n}; as named ${f.slotsNamed.accuracy === null ? '–' : f.slotsNamed.accuracy.toFixed(3)})   training ${Math.round(trainingMs)} ms (CPU ${Math.round(cpuMs)} ms)`, '', 'intent              n   accuracy   confused with'];
  for (const [intent, { n, accuracy }] of Object.entries(f.perIntent)) {
    const wrong = Object.entries(f.confusion[intent] ?? {})
      .filter(([got]) => got !== intent)
      .sort((a, b) => b[1] - a[1])
      .map(([got, c]) => `${got} ${c}`)
      .join(', ');
    out.push(`${intent.padEnd(18)} ${String(n).padStart(3)}   ${accuracy.toFixed(3).padStart(8)}   ${wrong}`);
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const lines = parseLines(await readFile(args.utterances, 'utf8'), args.utterances);
  const recognizer = new NaturalIntentRecognizer();
  const judged = args.recognizerOnly ? recognizer : routedAsTheChat(recognizer, await createKnowledgeBase({ sources: args.kb.length > 0 ? args.kb : [SHIPPED_ARTICLES] }));
  const { misses, ...figures } = evaluate(judged, lines);
  if (args.json) process.stdout.write(`${JSON.stringify(args.verbose ? { ...figures, misses } : figures)}\n`);
  else {
    process.stdout.write(`${table({ ...figures, misses }, recognizer.trainingMs, recognizer.trainingCpuMs)}\n`);
    if (args.verbose && misses.length > 0) {
      process.stdout.write(`\nlines recognised otherwise:\n`);
      for (const m of misses) {
        const slots = m.slots ? `; slots ${m.slots.expected} → ${m.slots.got}` : '';
        process.stdout.write(`- ${m.intent} → ${m.got} (${m.confidence.toFixed(2)}${slots}): ${m.u}\n`);
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`nlu:eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
