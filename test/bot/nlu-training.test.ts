import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SoftmaxClassifier } from '../../bot/nlu/classifier.js';
import { features } from '../../bot/nlu/features.js';
import { augment, loadUtterances, seededRandom, withTypo, type Utterance } from '../../bot/nlu/training-data.js';
import { NaturalIntentRecognizer } from '../../bot/recognizer.js';
import { parseLines } from '../../scripts/nlu-eval.js';

const root = resolve(import.meta.dirname, '../..');

/** Round 22: the model moved with every training line; these hold what keeps it still. */
describe('training the intent classifier', () => {
  it('gives a line the same typo variants whatever lines come before it', () => {
    const line: Utterance = { u: 'kan du oprette en sag om min rejseafregning', intent: 'create_case' };
    const alone = augment([line], { variants: 3 }).slice(1);
    const after = augment([{ u: 'hvordan godkender jeg en faktura i IndFak', intent: 'kb_question' }, { u: 'mine sager tak', intent: 'my_cases' }, line], { variants: 3 })
      .filter((u) => u.intent === 'create_case')
      .slice(1);
    expect(after).toEqual(alone);
    expect(alone.length).toBeGreaterThan(0);
  });

  it('learns the same model from the same examples in any order', () => {
    const data = loadUtterances().filter((_, i) => i % 7 === 0);
    const examples = data.map((u) => ({ features: features(u.u), label: u.intent }));
    const a = new SoftmaxClassifier(examples);
    const b = new SoftmaxClassifier([...examples].reverse());
    for (const text of ['opret en sag om løn', 'hvad er status på min sag', 'tak for hjælpen', 'hvordan godkender jeg en faktura']) {
      expect(b.classify(features(text))).toEqual(a.classify(features(text)));
    }
  });

  it('keeps its answers on held-out utterances when one training line is added', () => {
    const data = loadUtterances();
    const before = new NaturalIntentRecognizer({ utterances: data });
    const after = new NaturalIntentRecognizer({ utterances: [...data, { u: 'jeg skal bruge en ny adgang til indfak til min kollega', intent: 'create_case' }] });
    const lines = parseLines(readFileSync(resolve(root, 'test/fixtures/nlu/heldout23.jsonl'), 'utf8'));
    const moved = lines.filter((l) => before.classify(l.u)[0]?.label !== after.classify(l.u)[0]?.label);
    expect(moved.length).toBeLessThanOrEqual(1);
  });
});

describe('typo variants of short words', () => {
  it('makes typos in three-letter words too ("tak" → "tka", "ta", "takk")', () => {
    const made = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) made.add(withTypo('tak', seededRandom(seed)));
    made.delete('tak');
    expect([...made].length).toBeGreaterThan(0);
  });
});
