/**
 * Round 6 of issue 12 (kb6): the words of how a question is put weigh little, a real word is not
 * "corrected" into another one, and the everyday English of questions is in the glossary.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';


describe('a word of how a question is put ("bestemme", "kalder", "explain")', () => {
  const analyzer = new Analyzer();
  const da = (word: string): string => analyzer.stemmers.stem(word, 'da');
  const vocabulary = Vocabulary.fromCounts(20, [[da('dispositionsdato'), 1], [da('bestemme'), 1], [da('løn'), 10]], ['dispositionsdato', 'løn']);
  const lightIdf = Math.log(21 / (20 * 0.25 + 0.5));

  it('weighs like a common word, known to the articles or not', () => {
    const concepts = analyzer.analyzeQuery('hvad kalder man dispositionsdato', vocabulary).concepts;
    const kalder = concepts.find((concept) => concept.surface === 'kalder');
    const topic = concepts.find((concept) => concept.surface === 'dispositionsdato');
    expect(kalder?.idf).toBeCloseTo(lightIdf);
    expect(topic?.idf).toBeGreaterThan(1.5 * lightIdf);
    // A rare word of the articles is light too when it is one of how a question is put.
    const bestemme = analyzer.analyzeQuery('kan jeg bestemme dispositionsdato', vocabulary).concepts.find((concept) => concept.surface === 'bestemme');
    expect(bestemme?.known).toBe(true);
    expect(bestemme?.idf).toBeCloseTo(lightIdf);
    const explain = analyzer.analyzeQuery('can you explain my payslip', vocabulary, 'en').concepts.find((concept) => concept.surface === 'explain');
    expect(explain?.idf).toBeCloseTo(lightIdf);
  });

  it('leaves most of the question covered by the article about its topic, which lacks the word', () => {
    // Forty articles, so that a word in one of them is rare and a light word weighs like a common one.
    const fillers = ['faktura', 'rejse', 'kursus', 'rapport', 'pension', 'refusion', 'licens', 'integration'].flatMap((topic) =>
      [1, 2, 3, 4, 5].map((n) => article({ id: `${topic}-${n}`, title: `${topic} ${n}`, body: `Om ${topic} nummer ${n}: ${topic}en behandles i systemet.` })),
    );
    const kb = knowledgeBaseFromArticles([
      article({ id: 'lønkalender', title: 'Lønkalender', body: 'Lønkalenderen viser afleveringsfrister, lønkørsler og dispositionsdatoer for lønnen.' }),
      ...fillers,
    ]);
    const [best] = kb.rank('hvad kalder man dispositionsdatoen helt præcist');
    expect(best?.articleId).toBe('lønkalender');
    expect(best?.coverage).toBeGreaterThan(0.5);
  });
});

describe('a real word one letter from a word of the articles', () => {
  it('is not corrected when it has five letters or fewer ("skade" is not "skabe")', () => {
    const analyzer = new Analyzer();
    const words = ['skabe', 'kontrollant'];
    const vocabulary = Vocabulary.fromCounts(10, words.map((word) => [analyzer.stemmers.stem(word, 'da'), 2]), words);
    expect(analyzer.analyzeQuery('kommer til skade', vocabulary).terms.filter((term) => term.kind === 'typo')).toEqual([]);
    // A longer misspelling still is ("kontrolant").
    expect(analyzer.analyzeQuery('hvem er kontrolant', vocabulary).terms.some((term) => term.kind === 'typo')).toBe(true);
  });
});

describe('the everyday English of questions', () => {
  const analyzer = new Analyzer();
  const da = (word: string): string => analyzer.stemmers.stem(word, 'da');
  const vocabulary = Vocabulary.fromCounts(10, ['dispositionsdato', 'stedfortræder', 'implementering', 'oprette', 'tilføje', 'afsnit'].map((word) => [da(word), 1]), []);
  const searched = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary, 'en').terms.map((term) => term.term);

  it('is searched with the articles\' words', () => {
    expect(searched('what is the payout date of the salary')).toContain(da('dispositionsdato'));
    expect(searched('how do I add a stand-in in IndFak')).toContain(da('stedfortræder'));
    expect(searched('who can cover for me while I am away')).toContain(da('stedfortræder'));
    expect(searched('how long does the rollout take')).toContain(da('implementering'));
    expect(searched('explain the different parts of my payslip')).toContain(da('afsnit'));
  });

  it('"add" is adding to something, not creating it', () => {
    expect(searched('how do I add a colleague')).toContain(da('tilføje'));
    expect(searched('how do I add a colleague')).not.toContain(da('oprette'));
  });
});

describe('a question of nothing but such words (round 14)', () => {
  const kb = knowledgeBaseFromArticles([
    article({ id: 'indfak', title: 'Tips til IndFak', body: 'Sådan går du frem, når du skal godkende en faktura i IndFak.' }),
    article({ id: 'sikkerhed', title: 'Sikkerhed i RejsUd', body: 'Appen hedder Authenticator og viser en kode.' }),
  ]);
  it.each(['hvordan går det', 'hvad hedder du', 'ok'])('"%s" is declined, though an article has the word', (text) => {
    expect(kb.answer(text)).toEqual({ kind: 'unknown', reason: 'no-content-words' });
  });
  it('a light word beside a word of substance still finds its article', () => {
    const answer = kb.answer('hvad hedder appen til rejsud');
    expect(answer.kind === 'answered' && answer.article.id).toBe('sikkerhed');
  });
});

describe('adverbs of attitude (round 14)', () => {
  const analyzer = new Analyzer();
  const vocabulary = Vocabulary.fromCounts(20, [[analyzer.stemmers.stem('forkontering', 'da'), 1]], ['forkontering']);
  it.each(['pludselig', 'alligevel', 'åbenbart'])('"%s" is no concept of a question, as "suddenly" is none of an English one', (word) => {
    const concepts = analyzer.analyzeQuery(`forkonteringen er ${word} væk`, vocabulary).concepts.map((concept) => concept.surface);
    expect(concepts).toContain('forkonteringen');
    expect(concepts).not.toContain(word);
  });
});
