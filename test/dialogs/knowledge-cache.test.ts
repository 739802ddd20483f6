import { describe, expect, it } from 'vitest';
import { CachedKnowledgeBase } from '../../dialogs/knowledge-cache.js';
import type { AnswerCandidate, KnowledgeBase, Language } from '../../knowledge/index.js';

/** A knowledge base whose contact details are counted and can change (a reload). */
function fakeKnowledge(): { kb: KnowledgeBase; calls: () => number; setPhone: (phone: string) => void } {
  let calls = 0;
  let phone = '33 92 80 00';
  const kb = {
    contact: (locale?: Language) => {
      calls++;
      return { passage: { text: `${locale ?? 'da'}: ${phone}` } } as unknown as AnswerCandidate;
    },
    answer: () => ({ kind: 'unknown', reason: 'no-match' }),
    replaceArticles: () => undefined,
    reload: async () => undefined,
  } as unknown as KnowledgeBase;
  return { kb, calls: () => calls, setPhone: (p) => (phone = p) };
}

const text = (c: AnswerCandidate | undefined) => (c as unknown as { passage: { text: string } } | undefined)?.passage.text;

describe('CachedKnowledgeBase.contact', () => {
  it("ranks the service desk's contact details once per language, not at every 'talk to a person'", () => {
    const inner = fakeKnowledge();
    const kb = new CachedKnowledgeBase(inner.kb);
    expect(text(kb.contact('da'))).toBe('da: 33 92 80 00');
    expect(text(kb.contact('da'))).toBe('da: 33 92 80 00');
    expect(text(kb.contact('en'))).toBe('en: 33 92 80 00');
    expect(inner.calls()).toBe(2);
  });

  it('asks again after the articles were reloaded or replaced, and after the time to live', async () => {
    let now = 0;
    const inner = fakeKnowledge();
    const kb = new CachedKnowledgeBase(inner.kb, { ttlMs: 1000, now: () => now });
    kb.contact('da');
    inner.setPhone('70 00 00 00');
    await kb.reload();
    expect(text(kb.contact('da'))).toBe('da: 70 00 00 00');
    inner.setPhone('70 11 11 11');
    kb.replaceArticles([]);
    expect(text(kb.contact('da'))).toBe('da: 70 11 11 11');
    inner.setPhone('70 22 22 22');
    now = 1000;
    expect(text(kb.contact('da'))).toBe('da: 70 22 22 22');
    expect(inner.calls()).toBe(3 + 1);
  });
});
