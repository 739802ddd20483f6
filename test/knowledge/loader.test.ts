import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../knowledge/errors.js';
import { loadArticles, parseJsonlArticles, parseMarkdownArticle } from '../../knowledge/loader.js';

const GOOD = `---
id: opret-sag
title: Sådan opretter du en sag
area: portal
language: da
keywords: [henvendelse]
relatedForm: oevrige.oevrige
updated: 2026-01-15
---
Vælg området og formularen.
`;

function withFrontMatter(replace: (line: string) => string): string {
  return GOOD.split('\n').map(replace).join('\n');
}

function failure(action: () => unknown): KnowledgeError {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeError');
}

describe('parseMarkdownArticle', () => {
  describe('when the article is valid', () => {
    it('returns its fields and body', () => {
      const article = parseMarkdownArticle(GOOD, 'articles/opret-sag.md');
      expect(article).toMatchObject({
        id: 'opret-sag',
        area: 'portal',
        language: 'da',
        keywords: ['henvendelse'],
        relatedForm: 'oevrige.oevrige',
        updated: '2026-01-15',
        body: 'Vælg området og formularen.',
      });
    });
  });

  describe('when a required field is missing', () => {
    it('fails with KB.BAD_ARTICLE naming the file and the field', () => {
      const error = failure(() => parseMarkdownArticle(withFrontMatter((line) => (line.startsWith('title:') ? '' : line)), 'articles/x.md'));
      expect(error.code).toBe('KB.BAD_ARTICLE');
      expect(error.message).toContain('articles/x.md');
      expect(error.message).toContain('field "title"');
    });
  });

  describe('when the area or the related form is unknown', () => {
    it('names the field at fault', () => {
      const badArea = failure(() => parseMarkdownArticle(withFrontMatter((line) => line.replace('area: portal', 'area: indkøb')), 'a.md'));
      expect(badArea.message).toContain('field "area"');
      const badForm = failure(() => parseMarkdownArticle(withFrontMatter((line) => line.replace('oevrige.oevrige', 'kb-generel')), 'b.md'));
      expect(badForm.message).toContain('field "relatedForm"');
    });
  });

  describe('when the front matter has an unknown field or a wrong language', () => {
    it('rejects it', () => {
      expect(failure(() => parseMarkdownArticle(GOOD.replace('language: da', 'language: da\nauthor: x'), 'c.md')).message).toContain('author');
      expect(failure(() => parseMarkdownArticle(GOOD.replace('language: da', 'language: sv'), 'd.md')).message).toContain('field "language"');
    });
  });

  describe('when the YAML does not parse', () => {
    it('gives the file and line', () => {
      const error = failure(() => parseMarkdownArticle(GOOD.replace('keywords: [henvendelse]', 'keywords: [henvendelse'), 'e.md'));
      expect(error.message).toMatch(/^KB\.BAD_ARTICLE: e\.md:\d+: invalid front matter/);
    });
  });

  describe('when there is no front matter or no body', () => {
    it('rejects the file', () => {
      expect(failure(() => parseMarkdownArticle('Bare tekst', 'f.md')).message).toContain('missing YAML front matter');
      expect(failure(() => parseMarkdownArticle(GOOD.replace('Vælg området og formularen.\n', ''), 'g.md')).message).toContain('field "body"');
    });
  });
});

describe('parseJsonlArticles', () => {
  describe('when lines are valid', () => {
    it('maps area names to area slugs and defaults to Danish', () => {
      const [article] = parseJsonlArticles(
        '{"id":"a","title":"T","area":"Økonomi og Regnskab","system":"RejsUd","url":"https://example.org/a","body":"Tekst"}\n',
        'kb.jsonl',
      );
      expect(article).toMatchObject({ id: 'a', area: 'oekonomi', language: 'da', system: 'RejsUd', source: 'kb.jsonl:1' });
    });
  });

  describe('when a line lacks a field', () => {
    it('names the line and the field', () => {
      const error = failure(() => parseJsonlArticles('{"id":"a","title":"T","area":"Øvrige","body":"x"}\n{"id":"b","area":"Øvrige","body":"y"}', 'kb.jsonl'));
      expect(error.message).toContain('kb.jsonl:2');
      expect(error.message).toContain('field "title"');
    });
  });
});

describe('loadArticles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kb-loader-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('when two articles share an id', () => {
    it('fails naming the second file', async () => {
      await writeFile(join(dir, 'a.md'), GOOD);
      await writeFile(join(dir, 'b.md'), GOOD);
      await expect(loadArticles([dir])).rejects.toThrow(/b\.md: field "id": "opret-sag" is already used/);
    });
  });

  describe('when a translation points at a missing article', () => {
    it('fails naming the field', async () => {
      await writeFile(join(dir, 'en.md'), GOOD.replace('id: opret-sag', 'id: opret-sag.en\ntranslationOf: findes-ikke').replace('language: da', 'language: en'));
      await expect(loadArticles([dir])).rejects.toThrow(/field "translationOf"/);
    });
  });

  describe('when the source does not exist', () => {
    it('fails with KB.BAD_SOURCE', async () => {
      await expect(loadArticles([join(dir, 'nowhere')])).rejects.toMatchObject({ code: 'KB.BAD_SOURCE' });
    });
  });

  describe("when loading the assistant's own articles", () => {
    it('loads every one of them, Danish and English', async () => {
      const articles = await loadArticles(['knowledge/articles']);
      expect(articles.length).toBeGreaterThanOrEqual(30);
      expect(articles.filter((article) => article.language === 'en').length).toBeGreaterThanOrEqual(5);
      expect(articles.map((article) => article.id)).toEqual(expect.arrayContaining(['opret-sag', 'loenfaellesskaber', 'system-rejsud', 'omraade-oevrige']));
    });
  });
});
