/**
 * A follow-up read with the subject of the answer before it (round 22): the subject finds the article, the user's own
 * words choose its passage — the subject is every passage's, and alone it favours the opening that says it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';

const KB_PUBLIC = '../shared/data/kb-public/articles.jsonl';

const shown = (result: AnswerResult): string => (result.kind === 'answered' ? `${result.article.id} ${result.passage.text}` : result.kind);

describe('the passage of a follow-up (AnswerOptions.passageQuestion)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
  });

  it.each([
    ['hvad er en fradragsløndel?', 'Brug SLS-guiden', /fradragsløndele/u],
  ])('"%s" after «%s»: the passage its own words ask for', (own, subject, passage) => {
    const withSubject = kb.answer(`${own} ${subject}`);
    const withOwn = kb.answer(`${own} ${subject}`, { passageQuestion: own });
    expect(shown(withOwn)).toMatch(passage);
    // The same article either way; only the passage differs.
    expect(withOwn.kind === 'answered' && withSubject.kind === 'answered' && withOwn.article.id === withSubject.article.id).toBe(true);
    expect(shown(withSubject)).not.toMatch(passage);
  });

  it('leaves the choice to the question when the own words hold no content', () => {
    const question = 'hvad betyder det? Brug SLS-guiden';
    expect(shown(kb.answer(question, { passageQuestion: 'hvad betyder det?' }))).toBe(shown(kb.answer(question)));
  });
});
