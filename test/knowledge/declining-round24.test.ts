/**
 * Unrelated questions an article answered in round 24 (issue 12: unrelated questions declined ≥ 0.95): general knowledge
 * asked as a definition ("hvad er moms", "what is VAT") of an article that only names the thing in passing
 * (knowledge/decline.ts `definitionNotHeld`, `definedPhrases`). Questions written for the test, over the public articles.
 */
import { describe, expect, it } from 'vitest';
import { definedPhrases } from '../../knowledge/decline.js';
import { createKnowledgeBase, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';

let publicKb: KnowledgeBase | undefined;
async function publicAnswer(question: string): Promise<AnswerResult> {
  publicKb ??= await createKnowledgeBase({ sources: ['../shared/data/kb-public/articles.jsonl'] });
  return publicKb.answer(question);
}

const reasonOf = (result: AnswerResult): string | undefined => (result.kind === 'unknown' ? result.reason : undefined);
const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);

describe('what a text defines', () => {
  it('is an entry\'s label, a defining sentence\'s subject and predicate, a name in brackets and a word given with its value', () => {
    const text = [
      '- Kundeportalen: fælles værktøj med kundeaftaler.',
      'Et årsværk svarer til 1924 timer om året. Løndele over 6999 er fradragsløndele, der trækker fra.',
      'Statens Koncernsystem (SKS) er grundlaget for statsregnskabet.',
      'En faktura skal indeholde EAN-nummer 5798000010925.',
    ].join('\n');
    const defined = definedPhrases(text);
    for (const phrase of ['Kundeportalen', 'Et årsværk', 'fradragsløndele', 'Statens Koncernsystem', 'SKS', 'EAN-nummer']) expect(defined, phrase).toContain(phrase);
  });

  it('is not a thing named in passing, in a list or in brackets that give an example or an aside', () => {
    const text = 'Statens Administration udfører opgaver inden for fx kreditor, debitor, bank, anlæg og moms. Der dannes betalinger til lønkreditorer (fx pensionskasser, ATP og kildeskat). Indkøb for 415 mia. kr. (inkl. moms).';
    const defined = definedPhrases(text).join(' ').toLowerCase();
    for (const word of ['moms', 'kildeskat', 'debitor', 'atp']) expect(defined, word).not.toContain(word);
  });
});

describe('a definition asked of an article that only names the thing', () => {
  it('is declined: general knowledge, not the portal\'s', async () => {
    for (const question of ['hvad betyder moms', 'hvad er kildeskat for noget', 'what is VAT', 'hvad er et hovedkort']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('is answered by the article that defines it, or that is about it', async () => {
    expect(answeredWith(await publicAnswer('hvad er PENSAB'))).toBe('oes-oeav-sls');
    expect(answeredWith(await publicAnswer('hvad er svagelighedspension'))).toBe('medst-tjenestemandspension');
    expect(answeredWith(await publicAnswer('hvad er ØDUP'))).toBe('oes-cip');
    expect(answeredWith(await publicAnswer('hvad er fradragsløndele'))).toBe('sa-sls-guiden');
    expect(answeredWith(await publicAnswer('hvad er et årsværk'))).toBe('sa-fleksjob-faq');
  });

  it('is answered by another article nearly as confident that defines it, when the best only names it', async () => {
    // The accounting service's description names Epicenteret in passing and ranks first; the glossary of terms labels it.
    expect(answeredWith(await publicAnswer('hvad betyder epicenteret'))).toBe('sa-system-begrebsoversigt');
  });
});
