/**
 * Answers to the same question are the same until the articles change: a small LRU in front of
 * the knowledge base keeps a repeated question (the FAQ case) from costing a search each turn.
 * Reloading or replacing the articles empties it; entries also expire after `ttlMs`.
 */
import type { AnswerCandidate, AnswerOptions, AnswerResult, Article, IndexSnapshot, KnowledgeBase, Language, RankedArticle } from '../knowledge/index.js';

export interface KnowledgeCacheOptions {
  /** Questions kept. Default 2,000. */
  maxEntries?: number;
  /** How long an answer is kept (bounds staleness if the articles change behind our back). Default 10 minutes. */
  ttlMs?: number;
  /** Default Date.now. */
  now?: () => number;
}

const DEFAULTS = { maxEntries: 2_000, ttlMs: 10 * 60_000 } as const;

function cacheKey(question: string, options: AnswerOptions | undefined): string {
  return `${options?.locale ?? ''}\u0000${question.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

export class CachedKnowledgeBase implements KnowledgeBase {
  private readonly entries = new Map<string, { result: AnswerResult; at: number }>();
  private readonly contacts = new Map<string, { result: AnswerCandidate | undefined; at: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: KnowledgeBase,
    options: KnowledgeCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULTS.maxEntries;
    this.ttlMs = options.ttlMs ?? DEFAULTS.ttlMs;
    this.now = options.now ?? Date.now;
  }

  answer(question: string, options?: AnswerOptions): AnswerResult {
    // Only some articles may answer (a follow-up about another system): a rare question, asked once; not kept.
    if (options?.only) return this.inner.answer(question, options);
    const key = cacheKey(question, options);
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && now - hit.at < this.ttlMs) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.result;
    }
    const result = this.inner.answer(question, options);
    this.entries.set(key, { result, at: now });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return result;
  }

  /** Forgets every cached answer (call after the articles changed). */
  clear(): void {
    this.entries.clear();
    this.contacts.clear();
  }

  keywordLanguage(text: string): Language | undefined {
    return this.inner.keywordLanguage(text);
  }

  rank(question: string, limit?: number): RankedArticle[] {
    return this.inner.rank(question, limit);
  }

  article(id: string): Article | undefined {
    return this.inner.article(id);
  }

  /**
   * The service desk's contact details ("talk to a person") are the same for every user of a
   * language: kept like an answer (≈1 ms of ranking a call otherwise).
   */
  contact(locale?: Language): AnswerCandidate | undefined {
    const key = locale ?? '';
    const hit = this.contacts.get(key);
    const now = this.now();
    if (hit && now - hit.at < this.ttlMs) return hit.result;
    const result = this.inner.contact(locale);
    this.contacts.set(key, { result, at: now });
    return result;
  }

  passageIn(articleId: string, passageId: string, locale: Language): AnswerCandidate | undefined {
    return this.inner.passageIn(articleId, passageId, locale);
  }

  get articles(): readonly Article[] {
    return this.inner.articles;
  }

  get passageCount(): number {
    return this.inner.passageCount;
  }

  replaceArticles(articles: readonly Article[]): void {
    this.inner.replaceArticles(articles);
    this.clear();
  }

  async reload(): Promise<void> {
    await this.inner.reload();
    this.clear();
  }

  snapshot(): IndexSnapshot {
    return this.inner.snapshot();
  }
}
