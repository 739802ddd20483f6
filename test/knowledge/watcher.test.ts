import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKnowledgeBase, watchArticles, type ArticleWatcher, type KnowledgeBase, type ReloadOutcome } from '../../knowledge/index.js';

const article = (id: string, title: string, body: string): string => `---
id: ${id}
title: ${title}
area: portal
language: da
updated: 2026-01-15
---
${body}
`;

describe('watchArticles', () => {
  let dir: string;
  let kb: KnowledgeBase;
  let watcher: ArticleWatcher | undefined;
  let outcomes: ReloadOutcome[];
  let waiters: ((outcome: ReloadOutcome) => void)[];

  const nextReload = (): Promise<ReloadOutcome> => new Promise((resolve) => waiters.push(resolve));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kb-watch-'));
    await writeFile(join(dir, 'sag.md'), article('opret-sag', 'Sådan opretter du en sag', 'Vælg området og formularen, og send sagen.'));
    kb = await createKnowledgeBase({ sources: [dir] });
    outcomes = [];
    waiters = [];
    watcher = watchArticles(kb, [dir], {
      debounceMs: 50,
      onReload: (outcome) => {
        outcomes.push(outcome);
        waiters.shift()?.(outcome);
      },
    });
  });

  afterEach(async () => {
    watcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('when begun after the sources were read (changedSince)', () => {
    it('reloads at once what changed in between, and nothing when nothing changed', async () => {
      watcher?.close();
      const readAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const quiet = watchArticles(kb, [dir], { debounceMs: 20, changedSince: Date.now() + 1000, onReload: (outcome) => outcomes.push(outcome) });
      await new Promise((resolve) => setTimeout(resolve, 150));
      quiet.close();
      expect(outcomes).toEqual([]);
      // Added after the read and before the watch: no watcher saw it.
      await writeFile(join(dir, 'postkasse.md'), article('faellespostkasser', 'Fællespostkasser', 'En fællespostkasse kræver rollen administrator af fællespostkasser.'));
      const reloaded = nextReload();
      watcher = watchArticles(kb, [dir], {
        debounceMs: 20,
        changedSince: readAt,
        onReload: (outcome) => {
          outcomes.push(outcome);
          waiters.shift()?.(outcome);
        },
      });
      expect(await reloaded).toEqual({ ok: true, articles: 2 });
    });
  });

  describe('when an article is added', () => {
    it('re-indexes without a restart', async () => {
      expect(kb.answer('fællespostkasse administrator rolle').kind).toBe('unknown');
      const reloaded = nextReload();
      await writeFile(
        join(dir, 'postkasse.md'),
        article('faellespostkasser', 'Fællespostkasser', 'En fællespostkasse kræver rollen administrator af fællespostkasser.'),
      );
      expect(await reloaded).toEqual({ ok: true, articles: 2 });
      const result = kb.answer('fællespostkasse administrator rolle');
      expect(result.kind === 'answered' ? result.article.id : result.kind).toBe('faellespostkasser');
    });
  });

  describe('when a saved article is broken', () => {
    it('keeps the previous content and reports KB.BAD_ARTICLE', async () => {
      const reloaded = nextReload();
      await writeFile(join(dir, 'broken.md'), '---\nid: broken\n---\nTekst');
      const outcome = await reloaded;
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? undefined : outcome.error).toMatchObject({ code: 'KB.BAD_ARTICLE' });
      expect(kb.articles.map((a) => a.id)).toEqual(['opret-sag']);
    });
  });
});
