import MiniSearch, { type AsPlainObject } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../knowledge/analysis/analyzer.js';
import { createKnowledgeBase, knowledgeBaseFromSnapshot, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';
import { loadArticles } from '../../knowledge/loader.js';
import { ARTICLE_SEARCH_OPTIONS, PASSAGE_SEARCH_OPTIONS, PassageIndex } from '../../knowledge/search-index.js';

const CORPUS = 'test/fixtures/knowledge/corpus';
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await createKnowledgeBase({ sources: [CORPUS] });
});

const ranked = (question: string): string[] => kb.rank(question, 5).map((r) => r.articleId);

function articleOf(result: AnswerResult): string | undefined {
  return result.kind === 'answered' ? result.article.id : undefined;
}

describe('KnowledgeBase.rank', () => {
  describe('when the question uses the article’s words in another form', () => {
    it('ranks the article first', () => {
      expect(ranked('hvad betyder et negativt beløb på min lønseddel')[0]).toBe('loenseddel');
      expect(ranked('fraværsassistent i indfak')[0]).toBe('indfak-stedfortraeder');
    });
  });

  describe('when the question uses a synonym or a misspelling', () => {
    it('still ranks the article first', () => {
      expect(ranked('glemt kode til hr-løn')[0]).toBe('adgangskode');
      expect(ranked('diæter på tjenesterejse')[0]).toBe('rejseafregning');
      expect(ranked('rejseafregnnig')[0]).toBe('rejseafregning');
    });
  });

  describe('when an English question asks about a Danish article', () => {
    it('finds it through the glossary', () => {
      expect(ranked('my payslip shows a negative amount')).toContain('loenseddel');
    });
  });
});

describe('KnowledgeBase.answer', () => {
  describe('when one article answers', () => {
    it('answers with that article, its best passage and confidence', () => {
      const result = kb.answer('hvad betyder et negativt beløb på min lønseddel');
      expect(result.kind).toBe('answered');
      if (result.kind !== 'answered') return;
      expect(result.article.id).toBe('loenseddel');
      expect(result.passage.text).toContain('negativt');
      expect(result.passage.heading).toBe('Skyldigt beløb');
      expect(result.score).toBeGreaterThan(0.5);
    });
  });

  describe('when two articles fit equally well', () => {
    it('offers both to choose from', () => {
      const result = kb.answer('hvordan opsætter jeg en fraværsassistent inden ferie');
      expect(result.kind).toBe('ambiguous');
      if (result.kind !== 'ambiguous') return;
      expect(result.candidates.map((c) => c.article.id).sort()).toEqual(['indfak-stedfortraeder', 'rejsud-stedfortraeder']);
    });
  });

  describe('when the question is small talk or unrelated', () => {
    it.each(['hej', 'hvad er klokken', 'hvordan bestiller jeg et nyt pas', 'hvem vandt fodboldkampen i går', 'What is the weather like?'])(
      'says unknown to "%s"',
      (question) => {
        expect(kb.answer(question).kind).toBe('unknown');
      },
    );
  });

  describe('when the user writes English and the article has an English version', () => {
    it('answers with the English version', () => {
      expect(articleOf(kb.answer('How do I create a case?'))).toBe('opret-sag.en');
      expect(articleOf(kb.answer('How do I create a case?', { locale: 'da' }))).toBe('opret-sag');
    });
  });
});

describe('PassageIndex', () => {
  describe('when built from counted postings', () => {
    it('holds the same postings and scores as indexes built with minisearch addAll', async () => {
      const articles = await loadArticles(['knowledge/articles']);
      const analyzer = new Analyzer();
      const snapshot = PassageIndex.build(articles, analyzer).snapshot();
      const reference = PassageIndex.buildWithAddAll(articles, analyzer);
      const bulk = {
        articleSearch: MiniSearch.loadJSON(snapshot.articleIndex, ARTICLE_SEARCH_OPTIONS),
        passageSearch: MiniSearch.loadJSON(snapshot.passageIndex, PASSAGE_SEARCH_OPTIONS),
      };
      for (const query of ['lønsedl', 'rejsud rejseafregn', 'opr sag', 'indfak fraværsassistent ferie', 'fællespostka administrator']) {
        for (const index of ['articleSearch', 'passageSearch'] as const) {
          const expected = reference[index].search(query).map((r) => [r.id, r.score.toFixed(6)]);
          expect(bulk[index].search(query).map((r) => [r.id, r.score.toFixed(6)])).toEqual(expected);
        }
        expect(reference.articleSearch.search(query).length + reference.passageSearch.search(query).length).toBeGreaterThan(0);
      }
      // The same postings, field lengths and stored fields, term by term.
      for (const [serialised, built] of [
        [snapshot.articleIndex, reference.articleSearch],
        [snapshot.passageIndex, reference.passageSearch],
      ] as const) {
        const { index, averageFieldLength, ...rest } = JSON.parse(serialised) as AsPlainObject;
        const expected = built.toJSON();
        expect(rest).toEqual({ ...expected, index: undefined, averageFieldLength: undefined });
        expect(new Map(index)).toEqual(new Map(expected.index));
        averageFieldLength.forEach((average, field) => expect(average).toBeCloseTo(expected.averageFieldLength[field] ?? 0, 9));
      }
    });
  });

  describe('when saved as a snapshot and loaded again', () => {
    it('answers the same', () => {
      const copy = knowledgeBaseFromSnapshot(JSON.parse(JSON.stringify(kb.snapshot())));
      for (const question of ['glemt kode til hr-løn', 'diæter', 'hvad er klokken']) {
        expect(copy.rank(question)).toEqual(kb.rank(question));
      }
    });
  });
});
