import { createKnowledgeBase, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';

/** The public articles (../shared/data/kb-public), loaded once per test file on first use. */
let publicKb: KnowledgeBase | undefined;

/** The knowledge base's answer to a question over the public articles. */
export async function publicAnswer(question: string): Promise<AnswerResult> {
  publicKb ??= await createKnowledgeBase({ sources: ['../shared/data/kb-public/articles.jsonl'] });
  return publicKb.answer(question);
}

/** Why an answer declined, or undefined when it did not. */
export const reasonOf = (result: AnswerResult): string | undefined => (result.kind === 'unknown' ? result.reason : undefined);

/** The article that answered, or undefined when none did. */
export const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);
