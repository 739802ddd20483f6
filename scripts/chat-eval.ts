/**
 * chat:eval — each question through the real bot, in a fresh conversation, as a user meets it.
 *
 *   npm run --silent chat:eval -- --kb <dir-or-jsonl> [--kb …] --questions <jsonl> [--json] [--verbose]
 *
 * Reports kb:eval's figures over the same sources and how each question ended in the chat —
 * expectedAnswered, otherAnswered, choicesWithExpected, choicesWithout, declined, otherDialog — as
 * shares of all questions, of those in scope (with answeredOrOffered = expectedAnswered +
 * choicesWithExpected), of those out of scope (declined is the right end there) and of the English
 * ones; and `disagreements`, the questions where kb:eval's decision and the chat's end differ.
 * With --json exactly one JSON object is printed; --verbose lists every question that did not end
 * right, with how it ended. A line with `before` is a follow-up: those messages are sent first in the
 * same conversation and the end of `q` is measured.
 */
import { CHAT_ENDS, type EndShares } from './eval/chat-ends.js';
import { evaluateChat, type QuestionOutcome } from './eval/chat-report.js';
import { FIGURES_HEADER, figuresRow } from './eval/kb-figures.js';
import { parseEvalArgs, readQuestions } from './eval/questions.js';

const SHORT: Record<(typeof CHAT_ENDS)[number], string> = {
  expectedAnswered: 'expAns',
  otherAnswered: 'othAns',
  choicesWithExpected: 'chWith',
  choicesWithout: 'chWout',
  declined: 'declnd',
  otherDialog: 'othDlg',
};

function endsRow(name: string, f: EndShares & { answeredOrOffered?: number }): string {
  const cells = CHAT_ENDS.map((end) => f[end].toFixed(3).padStart(7)).join('');
  const offered = f.answeredOrOffered === undefined ? '      -' : f.answeredOrOffered.toFixed(3).padStart(7);
  return `${name.padEnd(14)} ${String(f.n).padStart(4)}${cells}${offered}`;
}

function seenText(o: QuestionOutcome): string {
  switch (o.seen.kind) {
    case 'answered':
      return `answered ${o.seen.articleIds.join(', ')}`;
    case 'choices':
      return `choices ${o.seen.articleIds.join(', ') || '(no titles)'}`;
    case 'declined':
      return 'declined';
    case 'smallTalk':
    case 'otherDialog': {
      const first = (o.replies[0]?.text ?? '(no reply)').replace(/\s+/g, ' ');
      return `other dialog: "${first.length > 90 ? `${first.slice(0, 87)}…` : first}"`;
    }
  }
}

async function main(): Promise<void> {
  process.stdout.on('error', () => undefined);
  const args = parseEvalArgs(process.argv.slice(2), 'chat:eval');
  const questions = await readQuestions(args.questions, 'chat:eval');
  const started = Date.now();
  const { report, outcomes } = await evaluateChat(args.kb, questions);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  console.log(`chat:eval: ${questions.length} questions through the chat in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  console.log('knowledge base alone (kb:eval):');
  console.log(FIGURES_HEADER);
  console.log(figuresRow('all', report.kb));
  console.log(figuresRow('en', report.kb.en));
  console.log('\nhow the questions ended in the chat (shares):');
  console.log(`${'questions'.padEnd(14)} ${'n'.padStart(4)}${CHAT_ENDS.map((end) => SHORT[end].padStart(7)).join('')}${'ansOff'.padStart(7)}`);
  console.log(endsRow('all', report.chat.all));
  console.log(endsRow('in scope', report.chat.inScope));
  console.log(endsRow('out of scope', report.chat.outOfScope));
  console.log(endsRow('en in scope', report.chat.en));
  console.log(endsRow('en out of sc.', report.chat.enOutOfScope));
  console.log(`\nkb:eval's decision and the chat's end differ on ${report.disagreements} of ${questions.length} questions.`);
  console.log('(expAns/othAns: the expected/another article answered; chWith/chWout: "did you mean" with/without the expected one; ansOff = expAns + chWith)');
  if (!args.verbose) return;
  console.log('\nquestions that did not end right:');
  for (const o of outcomes) {
    if (o.right) continue;
    const kb = o.kb.unknown ? 'unknown' : `answers ${o.kb.top ?? '?'}`;
    const before = (o.question.before ?? []).map((text) => `${text} → `).join('');
    console.log(`- [${o.end}] (${o.question.lang}/${o.question.style ?? '-'}) ${before}${o.question.q}`);
    console.log(`    expected ${o.question.expected_ids.join(', ') || '(none: decline)'}; chat ${seenText(o)}; kb:eval ${kb}${o.disagrees ? ' (differs)' : ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
