/**
 * Round 17: the words of a situation for the article's term, written from the articles alone (the
 * lexicon's third pass): lending staff out for "udlån", paying with one's own card for "udlæg", the
 * auditors for "kontrol", a keyboard shortcut, the shared purchase agreements, an extract pulled out.
 * Small articles written for the test; each entry was kept for what it gained over the read sets.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({ id: 'udlaan', title: 'Udlån af medarbejdere', body: 'Ved udlån af en medarbejder til en anden institution refunderes lønudgiften.' }),
  article({ id: 'udlaeg', title: 'Udgiftsafregning', body: 'Et udlæg uden forbindelse til en rejse afregnes som en udgiftsafregning.' }),
  article({ id: 'kontrol', title: 'Intern kontrol', body: 'Institutionen skal have en intern kontrol med betalinger og kreditkort.' }),
  article({ id: 'genvej', title: 'Tips til Navision', body: 'Med en genvejstast åbnes hjælpen til feltet.' }),
  article({ id: 'indkoeb', title: 'Statens indkøb', body: 'Institutionen køber ind på statens indkøbsaftaler.' }),
  article({ id: 'udtraek', title: 'Standardrapporter', body: 'Et udtræk af betalinger kan hentes som standardrapport.' }),
]);
const stem = (word: string): string => new Analyzer().stemmers.stem(word, 'da');
const best = (question: string) => kb.rank(question, 1)[0];

describe('words of a situation for the article\'s term (round 17)', () => {
  it('reads lending someone out ("låne ud") as "udlån"', () => {
    expect(best('vi låner en specialist ud til et andet ministerium')?.articleId).toBe('udlaan');
    expect(best('vi låner en specialist ud til et andet ministerium')?.matchedTerms?.has(stem('udlån'))).toBe(true);
  });

  it('reads paying with one\'s own card or money as "udlæg"', () => {
    expect(best('jeg har købt kage til mødet for egne penge')?.articleId).toBe('udlaeg');
    const ownCard = kb.rank('jeg har betalt med mit eget kort', 10).find((r) => r.articleId === 'udlaeg');
    expect(ownCard?.matchedTerms?.has(stem('udlæg'))).toBe(true);
  });

  it('reads the auditors as "kontrol"', () => {
    expect(best('hvad vil revisorerne se hos os')?.articleId).toBe('kontrol');
  });

  it('reads a keyboard shortcut in other words as "genvejstast"', () => {
    expect(best('findes der en hurtigtast')?.articleId).toBe('genvej');
  });

  it('reads the shared agreements ("fællesaftalerne") as the state\'s purchase agreements', () => {
    expect(best('skal vi handle på fællesaftalerne')?.matchedTerms?.has(stem('indkøb'))).toBe(true);
  });

  it('reads pulling data out ("trække ud") as an extract ("udtræk")', () => {
    expect(best('kan vi trække tallene ud')?.articleId).toBe('udtraek');
  });
});
