/**
 * kb:eval — measures retrieval and the answer/unknown decision on a questions file.
 *
 *   npm run --silent kb:eval -- --kb <dir-or-jsonl> [--kb …] --questions <jsonl> [--json] [--verbose] [--sweep]
 *
 * Questions: one JSON object a line, {q, expected_ids, style?, lang?, category?}; `expected_ids: []`
 * means no article answers the question. With --json exactly one JSON object is printed.
 *
 * Besides retrieval (top1, top3, MRR) it reports how each question would end in chat, in the terms
 * of chat:eval: `expectedAnswered` (one answer, an expected article), `otherAnswered`,
 * `choicesWithExpected` / `choicesWithout` ("Mente du…?"), `declined`; `answeredOrOffered` is
 * everything but declined. `--sweep` prints the answered-versus-declined trade-off over `minTrust`
 * as a Markdown table (the README's); the long questions' `longMinTrust` moves with it in the shipped
 * proportion, so that the shipped row is the shipped decision.
 */
import MiniSearch from 'minisearch';
import { figures as retrievalFigures, type Figures as RetrievalFigures } from './eval/kb-figures.js';
import { parseEvalArgs, readQuestions, round, type EvalArgs, type Question } from './eval/questions.js';
import { ANSWER_THRESHOLDS, createKnowledgeBase, type AnswerResult, type KnowledgeBase } from '../knowledge/index.js';
import { loadArticles } from '../knowledge/loader.js';


type Outcome = 'expectedAnswered' | 'otherAnswered' | 'choicesWithExpected' | 'choicesWithout' | 'declined';
const OUTCOMES: readonly Outcome[] = ['expectedAnswered', 'otherAnswered', 'choicesWithExpected', 'choicesWithout', 'declined'];

interface Judged {
  readonly question: Question;
  readonly ranking: readonly string[];
  readonly unknown: boolean;
  readonly outcome?: Outcome;
  readonly detail?: string;
}

/** The article an answer is about: a translation counts as its original. */
function originalId(kb: KnowledgeBase, id: string): string {
  return kb.article(id)?.translationOf ?? id;
}

function outcomeOf(kb: KnowledgeBase, question: Question, result: AnswerResult): Outcome {
  const expected = new Set(question.expected_ids);
  if (result.kind === 'unknown') return 'declined';
  if (result.kind === 'answered') return expected.has(originalId(kb, result.article.id)) ? 'expectedAnswered' : 'otherAnswered';
  return result.candidates.some((c) => expected.has(originalId(kb, c.article.id))) ? 'choicesWithExpected' : 'choicesWithout';
}

type OutcomeShares = Record<Outcome, number> & { answeredOrOffered: number };

function outcomeShares(judged: readonly Judged[]): OutcomeShares | null {
  const withOutcome = judged.filter((j) => j.outcome !== undefined);
  if (withOutcome.length === 0) return null;
  const shares = Object.fromEntries(
    OUTCOMES.map((outcome) => [outcome, round(withOutcome.filter((j) => j.outcome === outcome).length / withOutcome.length)]),
  ) as Record<Outcome, number>;
  return { ...shares, answeredOrOffered: round(1 - shares.declined) };
}

interface Figures extends RetrievalFigures {
  /** How the in-scope questions would end in chat. */
  chat: OutcomeShares | null;
}

/** kb:eval's command line: the shared one, and `--sweep`. */
function parseArgs(argv: readonly string[]): EvalArgs & { sweep: boolean } {
  const sweep = argv.includes('--sweep');
  return { ...parseEvalArgs(argv.filter((arg) => arg !== '--sweep'), 'kb:eval'), sweep };
}

/** kb:eval's shared figures (retrieval and decision), and how the in-scope questions would end in chat. */
function figures(judged: readonly Judged[]): Figures {
  return { ...retrievalFigures(judged), chat: outcomeShares(judged.filter((j) => j.question.expected_ids.length > 0)) };
}

function report(judged: readonly Judged[]): Figures & { en: Figures; byStyle: Record<string, Figures> } {
  const styles = [...new Set(judged.map((j) => j.question.style ?? '-'))].sort();
  return {
    ...figures(judged),
    en: figures(judged.filter((j) => j.question.lang === 'en')),
    byStyle: Object.fromEntries(styles.map((style) => [style, figures(judged.filter((j) => (j.question.style ?? '-') === style))])),
  };
}

/** Trust thresholds around the shipped one, for the answered-versus-declined table. */
const SWEEP = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0];

interface SweepRow {
  minTrust: number;
  answeredOrOffered: number;
  expectedAnswered: number;
  outOfScopeDeclined: number | null;
}

function sweep(kb: KnowledgeBase, questions: readonly Question[]): SweepRow[] {
  const values = [...new Set([...SWEEP, ANSWER_THRESHOLDS.minTrust])].sort((a, b) => a - b);
  return values.map((minTrust) => {
    const judged = questions.map((question) => {
      // A long question's threshold (LONG in knowledge/answerer.ts) moves with minTrust, in the shipped proportion.
      const longMinTrust = (minTrust * ANSWER_THRESHOLDS.longMinTrust) / ANSWER_THRESHOLDS.minTrust;
      const result = kb.answer(question.q, { thresholds: { minTrust, longMinTrust } });
      const inScope = question.expected_ids.length > 0;
      return { question, ranking: [], unknown: result.kind === 'unknown', ...(inScope ? { outcome: outcomeOf(kb, question, result) } : {}) };
    });
    const f = figures(judged);
    return {
      minTrust,
      answeredOrOffered: f.chat?.answeredOrOffered ?? 0,
      expectedAnswered: f.chat?.expectedAnswered ?? 0,
      outOfScopeDeclined: f.outOfScopeDeclined,
    };
  });
}

function sweepTable(rows: readonly SweepRow[]): string {
  const lines = [
    '| minTrust | in scope answered or offered | expected article answered | out of scope declined |',
    '| --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const mark = row.minTrust === ANSWER_THRESHOLDS.minTrust ? ' (shipped)' : '';
    lines.push(
      `| ${row.minTrust.toFixed(2)}${mark} | ${row.answeredOrOffered.toFixed(3)} | ${row.expectedAnswered.toFixed(3)} | ${
        row.outOfScopeDeclined === null ? '–' : row.outOfScopeDeclined.toFixed(3)
      } |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  process.stdout.on('error', () => undefined);
  const args = parseArgs(process.argv.slice(2));
  const questions = await readQuestions(args.questions, 'kb:eval');

  const kb = await createKnowledgeBase({ sources: args.kb });
  const judged: Judged[] = questions.map((question) => {
    const ranked = kb.rank(question.q, 10);
    const result = kb.answer(question.q);
    const detail = ranked
      .slice(0, 3)
      .map((r) => `${r.articleId} s=${r.score.toFixed(1)} c=${r.coverage.toFixed(2)} t=${r.trust.toFixed(2)}`)
      .join(' | ');
    const inScope = question.expected_ids.length > 0;
    return {
      question,
      ranking: ranked.map((r) => r.articleId),
      unknown: result.kind === 'unknown',
      ...(inScope ? { outcome: outcomeOf(kb, question, result) } : {}),
      detail,
    };
  });
  if (args.sweep) {
    const rows = sweep(kb, questions);
    if (args.json) process.stdout.write(`${JSON.stringify({ sweep: rows })}\n`);
    else console.log(sweepTable(rows));
    return;
  }

  // Baseline: minisearch with its default options over whole articles.
  const articles = await loadArticles(args.kb);
  const baselineIndex = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ['title', 'body'] });
  baselineIndex.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: a.body })));
  const baseline: Judged[] = questions.map((question) => {
    const results = baselineIndex.search(question.q);
    return { question, ranking: results.slice(0, 10).map((r) => String(r.id)), unknown: results.length === 0 };
  });

  const output = { ...report(judged), baseline: report(baseline) };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const row = (name: string, f: Figures): string =>
    `${name.padEnd(14)} ${String(f.questions).padStart(4)} ${[f.top1, f.top3, f.mrr, f.answered].map((v) => v.toFixed(3).padStart(7)).join('')} ${
      f.outOfScopeDeclined === null ? '      -' : f.outOfScopeDeclined.toFixed(3).padStart(7)
    }`;
  console.log(`${'run'.padEnd(14)} ${'n'.padStart(4)}${['top1', 'top3', 'mrr', 'answrd'].map((h) => h.padStart(7)).join('')} ${'oosDecl'.padStart(7)}`);
  console.log(row('knowledge', output));
  console.log(row('knowledge en', output.en));
  for (const [style, f] of Object.entries(output.byStyle)) console.log(row(`  ${style}`, f));
  console.log(row('baseline', output.baseline));
  console.log(row('baseline en', output.baseline.en));
  const chat = (name: string, f: Figures): string =>
    `${name.padEnd(14)} ${
      f.chat === null ? '  -' : [f.chat.expectedAnswered, f.chat.answeredOrOffered, f.chat.otherAnswered, f.chat.choicesWithExpected, f.chat.choicesWithout, f.chat.declined].map((v) => v.toFixed(3).padStart(9)).join('')
    }`;
  console.log(`\nin chat        ${['expAnswd', 'answOrOff', 'otherAns', 'choiceExp', 'choiceOth', 'declined'].map((h) => h.padStart(9)).join('')}`);
  console.log(chat('knowledge', output));
  console.log(chat('knowledge en', output.en));
  for (const [style, f] of Object.entries(output.byStyle)) console.log(chat(`  ${style}`, f));
  console.log('\nmisses:');
  for (const j of judged) {
    const expected = j.question.expected_ids;
    const inScope = expected.length > 0;
    const top1Wrong = inScope && !expected.includes(j.ranking[0] ?? '');
    const decisionWrong = inScope ? j.unknown || (j.outcome !== 'expectedAnswered' && j.outcome !== 'choicesWithExpected') : !j.unknown;
    if (!top1Wrong && !decisionWrong && !args.verbose) continue;
    const marks = [top1Wrong ? 'RANK' : '', decisionWrong ? (inScope ? (j.outcome ?? 'declined') : 'ANSWERED') : ''].filter(Boolean).join('+') || 'ok';
    console.log(`- [${marks}] (${j.question.lang}/${j.question.style ?? '-'}) ${j.question.q}`);
    console.log(`    expected ${expected.join(', ') || '(none)'}; got ${j.detail ?? ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
