/**
 * Round 16: questions typed in a hurry, as on a phone — abbreviations ("medarb", "inst.", "pga"), a
 * contraction without its apostrophe ("while im on holiday"), everyday words for the articles' terms
 * ("forskudsbetaling" for "acontoudbetaling", "på mine vegne" for a deputy) — on small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({ id: 'fejl', title: 'Fejl i lønnen', body: 'Har Statens Administration lavet en fejl, og mangler en medarbejder løn, laves en acontoudbetaling.' }),
  article({ id: 'ny-institution', title: 'Kom godt i gang', body: 'En ny institution kommer i gang med IndFak på seks uger.' }),
  article({ id: 'tips', title: 'Tips til IndFak', body: 'Tiden for påmindelser kan ændres i IndFak.' }),
  article({ id: 'fravaer', title: 'Fraværsassistent', body: 'En stedfortræder kan godkende fakturaer, mens brugeren holder ferie.' }),
  article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
]);

const coverage = (question: string, id: string): number => kb.rank(question, 10).find((r) => r.articleId === id)?.coverage ?? 0;

describe('abbreviations typed in a hurry', () => {
  it('reads "medarb" and "inst." as the words themselves, not as words the articles lack', () => {
    expect(coverage('medarb mangler løn', 'fejl')).toBeCloseTo(coverage('medarbejder mangler løn', 'fejl'), 6);
    expect(coverage('i gang med indfak hos en ny inst.', 'ny-institution')).toBeCloseTo(coverage('i gang med indfak hos en ny institution', 'ny-institution'), 6);
  });

  it('drops the abbreviated prepositions ("pga", "mht", "vedr") as stop words', () => {
    expect(coverage('medarbejder mangler løn pga fejl', 'fejl')).toBeCloseTo(coverage('medarbejder mangler løn fejl', 'fejl'), 6);
    expect(coverage('vedr acontoudbetaling', 'fejl')).toBeCloseTo(coverage('acontoudbetaling', 'fejl'), 6);
  });

  it('reads an English abbreviation as the word ("acct", "dept", "mgr")', () => {
    const accounts = knowledgeBaseFromArticles([
      article({ id: 'konto', title: 'Bankkonto', body: 'Lønnen sættes ind på medarbejderens konto i banken.' }),
      article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
    ]);
    const [best] = accounts.rank('which acct does the pay go to', 1);
    expect(best?.articleId).toBe('konto');
    expect(best?.matchedTerms?.has('konto')).toBe(true);
  });

  it('drops an English contraction typed without its apostrophe ("im")', () => {
    expect(coverage('who approves invoices while im on holiday', 'fravaer')).toBeCloseTo(coverage('who approves invoices while on holiday', 'fravaer'), 6);
  });
});

describe('everyday words for the articles\' terms', () => {
  it('finds the advance payment ("acontoudbetaling") asked as "forskudsbetaling"', () => {
    const [best] = kb.rank('laver I selv en forskudsbetaling', 1);
    expect(best?.articleId).toBe('fejl');
    expect(best?.matchedTerms?.has(new Analyzer().stemmers.stem('acontoudbetaling', 'da'))).toBe(true);
  });

  it('finds the deputy ("stedfortræder") asked as approving "på mine vegne"', () => {
    const [best] = kb.rank('kan en kollega godkende på mine vegne', 1);
    expect(best?.articleId).toBe('fravaer');
    expect(best?.matchedTerms?.has('stedfortræd')).toBe(true);
  });
});

describe('everyday words written from the articles, not from questions (round 16)', () => {
  const articles = knowledgeBaseFromArticles([
    article({ id: 'masse', title: 'Masseindberetning i HR-Løn', body: 'Ændringer for mange medarbejdere kan indlæses samlet fra et regneark.' }),
    article({ id: 'board', title: 'Campus Governance Board', body: 'Governance Board består af repræsentanter for institutionerne.' }),
    article({ id: 'navision', title: 'Tips til Navision Stat', body: 'Kontoplanen åbnes fra rollecenteret.' }),
    article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
    article({ id: 'brøk', title: 'Fleksjob', body: 'Arbejdstidsbrøken regnes ud for fleksjobbet.' }),
  ]);
  it.each([
    ['hvordan uploader man', 'masse'],
    ['hvem sidder i styregruppen', 'board'],
    ['where is the chart of accounts', 'navision'],
    ['hvor mange timer om ugen', 'brøk'],
  ])('"%s" → %s', (question, id) => {
    expect(articles.rank(question, 1)[0]?.articleId).toBe(id);
  });
});
