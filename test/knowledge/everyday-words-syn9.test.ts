/**
 * Round 9 (syn9): everyday Danish words for terms the articles use, built term by term from the
 * articles (synonyms.da.yaml and hypernyms.yaml) — on small articles written for the test. Each
 * question uses only the everyday word, never the article's term.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({
    id: 'ressortomlaegning',
    title: 'Opsæt Navision ved ressortomlægning',
    body: 'Ved ressortomlægning skal Navision-regnskaberne tilpasses, og bogføringskredse oprettes eller lukkes.',
  }),
  article({
    id: 'erklaering',
    title: 'Regnskabserklæringer',
    body: 'Hver måned vedlægger Statens Administration bilag og afstemninger, så kunden ved, at regnskabet er afstemt.',
  }),
  article({
    id: 'refusion',
    title: 'Ansøgningsfrister for refusion',
    body: 'Refusion ved sygdom og barsel søges inden for fristerne, ellers mistes refusionen.',
  }),
  article({
    id: 'fravaersassistent',
    title: 'Tips til IndFak',
    body: 'Man kan opsætte en fraværsassistent på sin egen bruger, så fakturaer behandles under fravær.',
  }),
  article({
    id: 'indkoeb',
    title: 'Forpligtede kunder på de statslige indkøbsaftaler',
    body: 'Statslige institutioner skal købe ind på indkøbsaftalerne og følge indkøbskaskaden.',
  }),
  article({
    id: 'kundeportal',
    title: 'Kundeportalen',
    body: 'Kundeportalen giver adgang til kundeaftaler, drejebøger og mødedokumenter.',
  }),
  article({
    id: 'implementering',
    title: 'Implementering af Campus',
    body: 'Implementeringen af læringsplatformen tager typisk fire måneder.',
  }),
  article({
    id: 'firewall',
    title: 'Firewall til lønsystemet',
    body: 'Åbning af firewall har en behandlingstid på op til 7 arbejdsdage.',
  }),
]);

const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);

describe('everyday words for the articles\' terms (syn9)', () => {
  it.each([
    ['vores ministerium bliver delt op, hvad sker der med Navision', 'ressortomlaegning'],
    ['stemmer regnskabet hver måned', 'erklaering'],
    ['penge tilbage ved sygdom', 'refusion'],
    ['fakturaer i min ferie', 'fravaersassistent'],
    ['må vi selv købe kontorartikler hos en anden', 'indkoeb'],
    ['hvor ligger mødepapirerne', 'kundeportal'],
    ['udrulning af læringsplatformen', 'implementering'],
    ['hvad er ventetiden på at få åbnet firewall', 'firewall'],
  ])('finds the article of "%s"', (question, id) => {
    expect(answeredWith(kb.answer(question))).toBe(id);
  });

  it('does not answer a question about the same everyday words in private life', () => {
    expect(answeredWith(kb.answer('min nabo holder ferie, hvem skal vande hans blomster'))).toBeUndefined();
  });
});
