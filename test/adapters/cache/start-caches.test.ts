import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileCache, cacheKey, sourceFingerprint } from '../../../adapters/cache/file-cache.js';
import { decodeModel, encodeModel, fileAnalyzerCache, fileClassifierCache, fileIndexCache } from '../../../adapters/cache/start-caches.js';
import { NaturalIntentRecognizer } from '../../../bot/recognizer.js';
import type { Utterance } from '../../../bot/nlu/training-data.js';
import { Analyzer, createKnowledgeBase, type AnalyzerCache } from '../../../knowledge/index.js';
import { analyzerFromCache } from '../../../knowledge/analysis/analyzer.js';
import { parseLexicon, readLexiconTexts } from '../../../knowledge/analysis/lexicon.js';

/** A small training set: each label a few phrasings, and one made-up word whose label a test moves. */
function utterances(marker: Utterance['intent']): Utterance[] {
  return [
    { u: 'opret en sag', intent: 'create_case' },
    { u: 'jeg vil oprette en ny sag om løn', intent: 'create_case' },
    { u: 'hvad er status på min sag', intent: 'status' },
    { u: 'hvor langt er min sag', intent: 'status' },
    { u: 'tak for hjælpen', intent: 'thanks' },
    { u: 'mange tak', intent: 'thanks' },
    { u: 'hej med dig', intent: 'greeting' },
    { u: 'godmorgen', intent: 'greeting' },
    { u: 'blåbærgrød blåbærgrød', intent: marker },
    { u: 'blåbærgrød', intent: marker },
  ];
}

const article = (body: string): string => `---
id: grod
title: Grød i kantinen
area: portal
language: da
updated: 2026-01-15
---
${body}
`;

describe('start-up caches', () => {
  let dir: string;
  let files: FileCache;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'start-cache-'));
    files = new FileCache(join(dir, 'cache'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('the classifier model', () => {
    it('is trained once, then loaded, and the loaded model classifies exactly as the trained one', () => {
      const cache = fileClassifierCache(files, 'code-1');
      const trained = new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: cache });
      const loaded = new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: cache });
      expect(trained.fromCache).toBe(false);
      expect(loaded.fromCache).toBe(true);
      for (const text of ['opret sag om løn', 'status på sagen', 'blåbærgrød', 'helt ukendte ord']) {
        expect(loaded.classify(text)).toEqual(trained.classify(text));
      }
    });

    it('is trained again when an utterance changes: the changed label is what the model says', () => {
      const cache = fileClassifierCache(files, 'code-1');
      const before = new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: cache });
      expect(before.classify('blåbærgrød')[0]?.label).toBe('greeting');
      const after = new NaturalIntentRecognizer({ utterances: utterances('thanks'), modelCache: cache });
      expect(after.fromCache).toBe(false);
      expect(after.classify('blåbærgrød')[0]?.label).toBe('thanks');
    });

    it('is trained again when the training code changes (another fingerprint)', () => {
      new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: fileClassifierCache(files, 'code-1') });
      const other = new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: fileClassifierCache(files, 'code-2') });
      expect(other.fromCache).toBe(false);
      // The old entry is dropped: the folder keeps one model.
      expect(readdirSync(files.dir ?? '').filter((f) => f.startsWith('classifier-'))).toHaveLength(1);
    });

    it('is found for the shipped training data by its files\' text, and classifies as the trained one', () => {
      const cache = fileClassifierCache(files, 'code-1');
      const trained = new NaturalIntentRecognizer({ modelCache: cache });
      const loaded = new NaturalIntentRecognizer({ modelCache: cache });
      expect([trained.fromCache, loaded.fromCache]).toEqual([false, true]);
      for (const text of ['jeg vil oprette en sag om løn', 'hvad er status på min sag', 'tak for hjælpen']) {
        expect(loaded.classify(text)).toEqual(trained.classify(text));
      }
    });

    it('survives encoding bit for bit, and a damaged entry is not a model', () => {
      const bytes = encodeModel({ labels: ['a', 'b'], features: ['x', 'y', 'z'], weights: Float64Array.from([0.1, -2, 1e-300, Math.PI, 0, -0]) });
      expect(Array.from(decodeModel(bytes)?.weights ?? [])).toEqual([0.1, -2, 1e-300, Math.PI, 0, -0]);
      expect(decodeModel(bytes.subarray(0, bytes.length - 8))).toBeUndefined();
      expect(decodeModel(Buffer.from('nonsense'))).toBeUndefined();
    });

    it('is trained when the cached file is damaged', () => {
      const cache = fileClassifierCache(files, 'code-1');
      new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: cache });
      for (const entry of readdirSync(files.dir ?? '')) writeFileSync(join(files.dir ?? '', entry), 'damaged');
      const again = new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: cache });
      expect(again.fromCache).toBe(false);
      expect(again.classify('blåbærgrød')[0]?.label).toBe('greeting');
    });
  });

  describe('the knowledge index', () => {
    it('is loaded for unchanged articles and answers as the built one', async () => {
      const articles = join(dir, 'articles');
      mkdirSync(articles, { recursive: true });
      writeFileSync(join(articles, 'grod.md'), article('Kantinen serverer blåbærgrød hver fredag.'));
      let saved = 0;
      let loaded = 0;
      const inner = fileIndexCache(files, 'code-1');
      const cache = {
        load: (sources: string) => {
          const snapshot = inner.load(sources);
          if (snapshot) loaded++;
          return snapshot;
        },
        save: (sources: string, snapshot: Parameters<typeof inner.save>[1]) => {
          saved++;
          inner.save(sources, snapshot);
        },
      };
      const built = await createKnowledgeBase({ sources: [articles], indexCache: cache });
      const again = await createKnowledgeBase({ sources: [articles], indexCache: cache });
      expect({ saved, loaded }).toEqual({ saved: 1, loaded: 1 });
      expect(again.rank('blåbærgrød fredag')).toEqual(built.rank('blåbærgrød fredag'));
      expect(again.article('grod')?.body).toContain('blåbærgrød');
    });

    it('is built again when an article changes: the new text is what it finds', async () => {
      const articles = join(dir, 'articles');
      mkdirSync(articles, { recursive: true });
      const cache = fileIndexCache(files, 'code-1');
      writeFileSync(join(articles, 'grod.md'), article('Kantinen serverer blåbærgrød hver fredag.'));
      const before = await createKnowledgeBase({ sources: [articles], indexCache: cache });
      expect(before.rank('risengrød')).toEqual([]);
      writeFileSync(join(articles, 'grod.md'), article('Kantinen serverer risengrød hver fredag.'));
      const after = await createKnowledgeBase({ sources: [articles], indexCache: cache });
      expect(after.rank('risengrød')[0]?.articleId).toBe('grod');
      expect(after.article('grod')?.body).toContain('risengrød');
    });

    it('is built again when the analysis code changes (another fingerprint)', async () => {
      const articles = join(dir, 'articles');
      mkdirSync(articles, { recursive: true });
      writeFileSync(join(articles, 'grod.md'), article('Kantinen serverer blåbærgrød hver fredag.'));
      let loaded = 0;
      const counting = (code: string) => {
        const inner = fileIndexCache(files, code);
        return { load: (s: string) => { const hit = inner.load(s); if (hit) loaded++; return hit; }, save: inner.save };
      };
      await createKnowledgeBase({ sources: [articles], indexCache: counting('code-1') });
      await createKnowledgeBase({ sources: [articles], indexCache: counting('code-2') });
      expect(loaded).toBe(0);
    });
  });

  describe("the analyser's lexicon", () => {
    /** Counts what the cache answered and stored. */
    const counting = (inner: AnalyzerCache) => {
      const counts = { loaded: 0, saved: 0 };
      const cache: AnalyzerCache = {
        load: (texts) => {
          const hit = inner.load(texts);
          if (hit) counts.loaded++;
          return hit;
        },
        save: (texts, snapshot) => {
          counts.saved++;
          inner.save(texts, snapshot);
        },
      };
      return { cache, counts };
    };
    // Glossary (English → Danish), synonyms, a lemma, broader words, compounds, a typo.
    const questions = ['How do I register my working time?', 'ferie med løn og ferietillæg', 'rejseafregning for kørsel i Sverige', 'nulstilling af adgangskode til Navision', 'udbetalng af løn'];

    it('is parsed once, then loaded, and the loaded analyser analyses exactly as one made from the files', async () => {
      const { cache, counts } = counting(fileAnalyzerCache(files, 'code-1'));
      const made = analyzerFromCache(cache);
      const loaded = analyzerFromCache(cache);
      expect(counts).toEqual({ saved: 1, loaded: 1 });
      const fresh = new Analyzer(parseLexicon(readLexiconTexts()));
      expect(loaded.lexicon).toEqual(fresh.lexicon);
      const articles = join(dir, 'articles');
      mkdirSync(articles, { recursive: true });
      writeFileSync(join(articles, 'ferie.md'), article('Ferie med løn, ferietillæg og arbejdstid. Rejseafregning for kørsel i udlandet. Nulstilling af adgangskode.'));
      for (const analyzer of [made, loaded]) {
        const kb = await createKnowledgeBase({ sources: [articles], analyzer });
        const reference = await createKnowledgeBase({ sources: [articles], analyzer: fresh });
        for (const question of questions) expect(kb.rank(question)).toEqual(reference.rank(question));
      }
      for (const question of questions) {
        expect(loaded.surfaces(question, 'da')).toEqual(fresh.surfaces(question, 'da'));
        expect(loaded.documentTerms(question, 'da', undefined)).toEqual(fresh.documentTerms(question, 'da', undefined));
        expect(loaded.documentTerms(question, 'en', undefined)).toEqual(fresh.documentTerms(question, 'en', undefined));
      }
    });

    it('keeps the stems of the lexicon words, so a loaded analyser stems nothing again to start', () => {
      const cache = fileAnalyzerCache(files, 'code-1');
      const made = analyzerFromCache(cache);
      const loaded = analyzerFromCache(cache);
      expect(made.stemmers.table().da.length).toBeGreaterThan(100);
      expect(loaded.stemmers.table()).toEqual(made.stemmers.table());
    });

    it('is parsed again when the lexicon text differs or the analysis code changes (another fingerprint)', () => {
      const first = counting(fileAnalyzerCache(files, 'code-1'));
      analyzerFromCache(first.cache);
      const other = counting(fileAnalyzerCache(files, 'code-2'));
      analyzerFromCache(other.cache);
      expect(other.counts).toEqual({ saved: 1, loaded: 0 });
      // Another text of the files is another key.
      const inner = fileAnalyzerCache(files, 'code-2');
      const texts = JSON.stringify(readLexiconTexts());
      expect(inner.load(texts)).toBeDefined();
      expect(inner.load(texts.replace('ferie', 'fjerie'))).toBeUndefined();
    });

    it('is parsed when the cached file is damaged', () => {
      const cache = fileAnalyzerCache(files, 'code-1');
      analyzerFromCache(cache);
      for (const entry of readdirSync(files.dir ?? '')) writeFileSync(join(files.dir ?? '', entry), '{"version": 1, "lexic');
      const { cache: again, counts } = counting(cache);
      expect(analyzerFromCache(again).lexicon.lemmas.size).toBeGreaterThan(0);
      expect(counts).toEqual({ saved: 1, loaded: 0 });
    });
  });

  describe('sourceFingerprint', () => {
    it('changes when a file under the paths changes, is added or is renamed', () => {
      const code = join(dir, 'code');
      mkdirSync(join(code, 'sub'), { recursive: true });
      writeFileSync(join(code, 'a.ts'), 'export const a = 1;');
      writeFileSync(join(code, 'sub', 'b.ts'), 'export const b = 2;');
      const first = sourceFingerprint(dir, ['code']);
      expect(sourceFingerprint(dir, ['code'])).toBe(first);
      writeFileSync(join(code, 'sub', 'b.ts'), 'export const b = 3;');
      const changed = sourceFingerprint(dir, ['code']);
      expect(changed).not.toBe(first);
      writeFileSync(join(code, 'c.ts'), '');
      expect(sourceFingerprint(dir, ['code'])).not.toBe(changed);
    });

    it('keys parts so that they cannot run together', () => {
      expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    });
  });

  describe('when the cache is off', () => {
    it('never hits and writes nothing', () => {
      const off = fileClassifierCache(new FileCache(undefined), 'code-1');
      new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: off });
      expect(new NaturalIntentRecognizer({ utterances: utterances('greeting'), modelCache: off }).fromCache).toBe(false);
    });
  });
});
