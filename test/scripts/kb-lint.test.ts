import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintKnowledge, type Finding } from '../../scripts/kb-lint.js';

const root = resolve(import.meta.dirname, '../..');

interface Article {
  file: string;
  id: string;
  area?: string;
  language?: string;
  relatedForm?: string;
  translationOf?: string;
  owner?: string | null;
  reviewBy?: string | null;
  body?: string;
}

function markdown(article: Article): string {
  const lines = [
    '---',
    `id: ${article.id}`,
    `title: Artikel ${article.id}`,
    `area: ${article.area ?? 'portal'}`,
    `language: ${article.language ?? 'da'}`,
    ...(article.relatedForm ? [`relatedForm: ${article.relatedForm}`] : []),
    ...(article.translationOf ? [`translationOf: ${article.translationOf}`] : []),
    'updated: 2026-01-15',
    ...(article.owner === null ? [] : [`owner: ${article.owner ?? 'Servicedesk'}`]),
    ...(article.reviewBy === null ? [] : [`reviewBy: ${article.reviewBy ?? '2027-01-15'}`]),
    '---',
    article.body ?? 'Vælg området og formularen.',
    '',
  ];
  return lines.join('\n');
}

const where = (findings: readonly Finding[]): string[] => findings.map((finding) => `${finding.where.split(/[\\/]/).pop() ?? ''}: ${finding.message}`);

describe('kb:lint', () => {
  describe('when run over the shipped articles', () => {
    it('finds no errors', async () => {
      const report = await lintKnowledge([join(root, 'knowledge/articles')]);
      expect(report.articles).toBeGreaterThanOrEqual(80);
      expect(where(report.errors)).toEqual([]);
    });

    it('finds every article with an owner and a review date, and translations with their original’s sections', async () => {
      const report = await lintKnowledge([join(root, 'knowledge/articles')]);
      // Stale articles are the owners' to review as time passes; anything else is a content fault.
      expect(where(report.warnings.filter((finding) => !finding.message.startsWith('stale:')))).toEqual([]);
    });
  });

  describe('when run over a folder of articles', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'kb-lint-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    const write = async (...articles: Article[]): Promise<void> => {
      for (const article of articles) {
        await mkdir(join(dir, article.file, '..'), { recursive: true });
        await writeFile(join(dir, article.file), markdown(article));
      }
    };
    const lint = (today = '2026-06-01') => lintKnowledge([dir], { today });

    const cases: Array<[what: string, articles: Article[], error: RegExp]> = [
      ['an id used twice', [{ file: 'a.md', id: 'sag' }, { file: 'b.md', id: 'sag' }], /^b\.md: id "sag" is already used by .*a\.md$/],
      ['a related form the catalogue does not have', [{ file: 'a.md', id: 'a', relatedForm: 'oekonomi.findes-ikke' }], /^a\.md: relatedForm "oekonomi\.findes-ikke" is not a form of the portal catalogue/],
      ['a related form of another area', [{ file: 'a.md', id: 'a', area: 'bi', relatedForm: 'oekonomi.faktura' }], /^a\.md: relatedForm "oekonomi\.faktura" belongs to the area "oekonomi", the article to "bi"$/],
      ['a link to no article', [{ file: 'a.md', id: 'a', body: 'Se [kontakt](kontakt).' }], /^a\.md: link "kontakt" leads to no article/],
      ['a translation of a missing article', [{ file: 'a.en.md', id: 'a.en', language: 'en', translationOf: 'a' }], /^a\.en\.md: translationOf "a": no article has that id$/],
      ['a translation in the original’s language', [{ file: 'a.md', id: 'a' }, { file: 'b.md', id: 'b', translationOf: 'a' }], /^b\.md: translationOf "a": the original is in the same language \(da\)$/],
      ['front matter the schema refuses', [{ file: 'a.md', id: 'a', area: 'kantine' }], /^a\.md: field "area": unknown area slug$/],
      ['a review date that is not a date', [{ file: 'a.md', id: 'a', reviewBy: 'snart' }], /^a\.md: field "reviewBy"/],
    ];

    it.each(cases)('reports %s as an error naming the file', async (_what, articles, error) => {
      await write(...articles);
      const report = await lint();
      expect(where(report.errors)).toEqual([expect.stringMatching(error)]);
    });

    it('reports each broken file and still checks the others', async () => {
      await write({ file: 'a.md', id: 'a', area: 'kantine' }, { file: 'sub/b.md', id: 'b', relatedForm: 'oekonomi.findes-ikke' }, { file: 'c.md', id: 'c' });
      const report = await lint();
      expect(report.articles).toBe(2);
      expect(report.errors).toHaveLength(2);
    });

    it('accepts links to an article id, to an article file, to a section and to the web', async () => {
      await write(
        { file: 'portal/a.md', id: 'a', body: 'Se [b](b), [b igen](../andet/b.md#trin), [her](#trin) og [siden](https://statens-adm.dk/).' },
        { file: 'andet/b.md', id: 'b' },
      );
      const report = await lint();
      expect(where(report.errors)).toEqual([]);
    });

    it('warns, without failing, about an article past its review date and one without owner or review date', async () => {
      await write({ file: 'a.md', id: 'a', reviewBy: '2026-05-31' }, { file: 'b.md', id: 'b', owner: null, reviewBy: null });
      const report = await lint('2026-06-01');
      expect(report.errors).toEqual([]);
      expect(where(report.warnings)).toEqual([
        expect.stringMatching(/^a\.md: stale: reviewBy 2026-05-31 has passed/),
        expect.stringMatching(/^b\.md: no owner/),
        expect.stringMatching(/^b\.md: no reviewBy/),
      ]);
    });

    it('does not warn on the review date itself', async () => {
      await write({ file: 'a.md', id: 'a', reviewBy: '2026-06-01' });
      expect((await lint('2026-06-01')).warnings).toEqual([]);
    });

    it('warns when a translation has other sections than its original', async () => {
      await write(
        { file: 'a.md', id: 'a', body: 'Indledning.\n\n## Trin\n\nFørst dette, så hint, og til sidst det sidste.' },
        { file: 'a.en.md', id: 'a.en', language: 'en', translationOf: 'a', body: 'Introduction and steps in one paragraph.' },
      );
      const report = await lint();
      expect(where(report.warnings)).toEqual([expect.stringMatching(/^a\.en\.md: has 1 passages, its original "a" 2/)]);
    });
  });
});
