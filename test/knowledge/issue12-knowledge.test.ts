import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../config.js';
import {
  createKnowledgeBase,
  isCopyNote,
  knowledgeBaseFromArticles,
  loadArticles,
  watchArticles,
  withoutCopyNotes,
  type ArticleWatcher,
  type KnowledgeBase,
  type ReloadOutcome,
} from '../../knowledge/index.js';
import { splitIntoPassages } from '../../knowledge/passages.js';
import { testArticle as article } from '../support/articles.js';

const SHIPPED = 'knowledge/articles';
const KB_PUBLIC = '../shared/data/kb-public/articles.jsonl';

describe('passages shown', () => {
  describe('when a long list is cut into several passages', () => {
    it('opens every passage inside the list with the sentence that introduces it', () => {
      const items = Array.from({ length: 12 }, (_, i) => `- Frist nummer ${i + 1}: blanketten skal være inde senest ${i + 2} dage før lønkørslen, ellers kommer den med næste måned.`);
      const body = `Lønkalenderen har mange frister. Disse frister gælder for blanketter:\n${items.join('\n')}`;
      const passages = splitIntoPassages(article({ id: 'frister', body }));
      expect(passages.length).toBeGreaterThan(1);
      for (const passage of passages) expect(passage.text.startsWith('Disse frister gælder for blanketter:') || passage.text.startsWith('Lønkalenderen'), passage.text).toBe(true);
      expect(passages.every((passage) => passage.text.includes('Disse frister gælder for blanketter:'))).toBe(true);
    });
  });

  describe('when the source says that the rest of the page was not copied', () => {
    it('leaves the note out and keeps other parenthesised text', () => {
      expect(withoutCopyNotes('Forældreorlov: anmeldes løbende (resten af tabellen indgår ikke i den lagrede kopi).')).toBe('Forældreorlov: anmeldes løbende.');
      expect(withoutCopyNotes('Se afsnittet (the rest of this page was not available in the archived copy) nedenfor.')).toBe('Se afsnittet nedenfor.');
      expect(withoutCopyNotes('Skolerne (de kan ikke i første omgang bruge funktionen) venter.')).toBe('Skolerne (de kan ikke i første omgang bruge funktionen) venter.');
      expect(isCopyNote('fx Navision Stat, RejsUd og IndFak')).toBe(false);
    });

    it('does not show the note in an answer', () => {
      const kb = knowledgeBaseFromArticles([
        article({ id: 'barsel', title: 'Frister for barselsrefusion', body: 'Barselsorlov anmeldes løbende til Udbetaling Danmark (resten af siden var ikke tilgængelig).' }),
      ]);
      const result = kb.answer('frist for barselsorlov');
      expect(result.kind).toBe('answered');
      if (result.kind === 'answered') expect(result.passage.text).not.toContain('tilgængelig');
    });
  });
});

describe('stale articles', () => {
  const articles = [
    article({ id: 'gammel', title: 'Adgangskoderegler i lønsystemet', body: 'Adgangskoden til lønsystemet skal have mindst 12 tegn.', updated: '2018-05-30' }),
    article({ id: 'ny', title: 'Masseindberetning i HR-Løn', body: 'Masseindberetning sker med en skabelon i et regneark.', updated: '2025-06-01' }),
  ];
  const at = (iso: string): (() => Date) => () => new Date(iso);

  it('flags an article updated more than three years before the clock', () => {
    const kb = knowledgeBaseFromArticles(articles, undefined, at('2026-12-02T12:00:00Z'));
    const old = kb.answer('regler for adgangskode til lønsystemet');
    const fresh = kb.answer('masseindberetning skabelon regneark');
    expect(old.kind === 'answered' && { stale: old.stale, updated: old.updated }).toEqual({ stale: true, updated: '2018-05-30' });
    expect(fresh.kind === 'answered' && fresh.stale).toBe(false);
  });

  it('follows the injected clock', () => {
    const kb = knowledgeBaseFromArticles(articles, undefined, at('2021-01-01T00:00:00Z'));
    const old = kb.answer('regler for adgangskode til lønsystemet');
    expect(old.kind === 'answered' && old.stale).toBe(false);
  });

  it('accepts `updated` on a JSONL row and rejects a malformed one with the line and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-jsonl-'));
    try {
      const file = join(dir, 'kb.jsonl');
      await writeFile(file, `${JSON.stringify({ id: 'a', title: 'A', area: 'Portal', body: 'Tekst.', updated: '2019-02-03' })}\n`);
      expect((await loadArticles([file]))[0]?.updated).toBe('2019-02-03');
      await writeFile(file, `${JSON.stringify({ id: 'a', title: 'A', area: 'Portal', body: 'Tekst.', updated: '3/2/2019' })}\n`);
      await expect(loadArticles([file])).rejects.toThrow(/kb\.jsonl:1: field "updated"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('English questions', () => {
  let shipped: KnowledgeBase;
  beforeAll(async () => {
    shipped = await createKnowledgeBase({ sources: [SHIPPED] });
  });

  describe('when the article has an English translation', () => {
    it('shows the translation and says it is English', () => {
      const result = shipped.answer('I forgot my password for the service portal', { locale: 'en' });
      expect(result.kind).toBe('answered');
      if (result.kind === 'answered') expect({ id: result.article.id, language: result.article.language }).toEqual({ id: 'glemt-adgangskode.en', language: 'en' });
    });

    it('shows the Danish original to a Danish user', () => {
      const result = shipped.answer('jeg har glemt min adgangskode til serviceportalen', { locale: 'da' });
      expect(result.kind === 'answered' && result.article.language).toBe('da');
    });
  });

  describe('when the question is the article\'s title in common words (round 20)', () => {
    // "bruger" after "som" is the noun ("as a user"), not the verb of "som bruger IndFak"; and "opret" and "bruger",
    // common on their own, together are the title "Sådan opretter du dig som bruger".
    it('answers "hvordan opretter jeg mig som bruger?" with the article on registering', () => {
      for (const question of ['hvordan opretter jeg mig som bruger?', 'hvordan bliver jeg oprettet som bruger']) {
        const result = shipped.answer(question, { locale: 'da' });
        expect(result.kind === 'answered' && result.article.id, question).toBe('opret-bruger');
      }
    });

    it('still declines a question of nothing but common words', () => {
      expect(shipped.answer('hvordan opretter jeg noget', { locale: 'da' }).kind).toBe('unknown');
    });
  });

  describe('when a definition is asked of a thing several close articles name (round 20)', () => {
    // "Brugeradgange til SLS og HR-Løn" and "Masseindberetning i HR-Løn" name it as well; the system's own page is about it.
    it('answers with the article whose title\'s head is the thing asked', () => {
      for (const [question, locale, id] of [
        ['hvad er HR-Løn?', 'da', 'system-sls-hr-loen'],
        ['what is HR-Løn?', 'en', 'system-sls-hr-loen.en'],
      ] as const) {
        const result = shipped.answer(question, { locale });
        expect(result.kind === 'answered' && result.article.id, question).toBe(id);
      }
    });
  });

  describe('when the article exists only in Danish', () => {
    it('answers with it and says it is Danish', () => {
      const result = shipped.answer('What is Statens Budgetsystem used for?', { locale: 'en' });
      expect(result.kind).not.toBe('unknown');
      const shown = result.kind === 'answered' ? [result] : result.kind === 'ambiguous' ? result.candidates : [];
      const danishOnly = (id: string): boolean => !shipped.articles.some((other) => other.translationOf === id);
      expect(shown.some((candidate) => candidate.article.language === 'da' && danishOnly(candidate.article.id))).toBe(true);
    });
  });
});

describe('KNOWLEDGE_SOURCES', () => {
  it('is a comma-separated list; unset means the shipped articles', () => {
    expect(configSchema.parse({ KNOWLEDGE_SOURCES: ' kb/a , kb/b.jsonl,' }).KNOWLEDGE_SOURCES).toEqual(['kb/a', 'kb/b.jsonl']);
    expect(configSchema.parse({}).KNOWLEDGE_SOURCES).toBeUndefined();
    expect(configSchema.parse({ KNOWLEDGE_SOURCES: '  ' }).KNOWLEDGE_SOURCES).toBeUndefined();
  });

  it('stops loading at a missing path, naming it', async () => {
    await expect(createKnowledgeBase({ sources: [SHIPPED, 'nowhere/kb.jsonl'] })).rejects.toThrow(/KB\.BAD_SOURCE: nowhere\/kb\.jsonl/);
  });

  it('stops loading at a bad article, naming the file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-bad-'));
    try {
      await writeFile(join(dir, 'x.md'), '---\nid: x\ntitle: X\narea: nowhere\nlanguage: da\nupdated: 2026-01-01\n---\nTekst.\n');
      await expect(createKnowledgeBase({ sources: [dir] })).rejects.toThrow(/KB\.BAD_ARTICLE: .*x\.md: field "area"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('hot reload of a .jsonl source', () => {
  let dir: string;
  let watcher: ArticleWatcher | undefined;
  afterEach(async () => {
    watcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('re-indexes when the file is rewritten in place and when a new file is renamed over it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kb-jsonl-watch-'));
    const file = join(dir, 'kb.jsonl');
    const row = (id: string, title: string, body: string): string => `${JSON.stringify({ id, title, area: 'Portal', body })}\n`;
    await writeFile(file, row('a', 'Opret sag', 'Vælg området og formularen.'));
    const kb = await createKnowledgeBase({ sources: [file] });
    const waiters: ((outcome: ReloadOutcome) => void)[] = [];
    const next = (): Promise<ReloadOutcome> => new Promise((resolve) => waiters.push(resolve));
    watcher = watchArticles(kb, [file], { debounceMs: 50, onReload: (outcome) => waiters.shift()?.(outcome) });

    let reloaded = next();
    await writeFile(file, row('a', 'Opret sag', 'Vælg området og formularen.') + row('b', 'Fællespostkasser', 'En fællespostkasse kræver rollen administrator.'));
    expect(await reloaded).toEqual({ ok: true, articles: 2 });

    reloaded = next();
    await writeFile(join(dir, 'kb.jsonl.tmp'), row('c', 'Lønseddel', 'Lønsedlen ligger i e-Boks.'));
    await rename(join(dir, 'kb.jsonl.tmp'), file);
    expect(await reloaded).toEqual({ ok: true, articles: 1 });
    expect(kb.articles.map((a) => a.id)).toEqual(['c']);
  });
});

describe('KnowledgeBase.contact', () => {
  it('finds the shipped contact article and its translation', async () => {
    const kb = await createKnowledgeBase({ sources: [SHIPPED] });
    const da = kb.contact('da');
    const en = kb.contact('en');
    expect(da?.article.topic).toBe('contact');
    expect(da?.article.language).toBe('da');
    expect(en?.article.language).toBe('en');
    expect(`${da?.article.body}`).toMatch(/3392 9800/);
  });

  it.skipIf(!existsSync(KB_PUBLIC))('finds the service desk article of the public JSONL without a marked article', async () => {
    const kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
    const contact = kb.contact('da');
    expect(contact?.article.topic).toBeUndefined();
    expect(contact?.article.title).toMatch(/Servicedesk/);
    expect(contact?.passage.text).toMatch(/9\.00-15\.00/);
  });

  it('is undefined when no article says anything about contacting the desk', () => {
    const kb = knowledgeBaseFromArticles([article({ id: 'x', title: 'Lønseddel', body: 'Lønsedlen ligger i e-Boks.' })]);
    expect(kb.contact('da')).toBeUndefined();
  });
});
