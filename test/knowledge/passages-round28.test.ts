/**
 * A list the cut into passages split, shown whole (round 28): the index's passages — what is searched and weighed — stay
 * as they were; only the text shown with a passage (`Passage.wholeText`, `shownText`) puts the list's other items back.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBaseFromArticles, shownText } from '../../knowledge/index.js';
import { splitIntoPassages } from '../../knowledge/passages.js';
import { testArticle as article } from '../support/articles.js';

// A paragraph that nearly fills a passage, then a procedure of five steps: the cut keeps "Proces:" and step 1 with the
// paragraph and puts steps 2–5 in the next passage.
const prose =
  'Kvartalsrapporten giver kunden et samlet overblik over kvartalets afstemninger og forbrug. Målgruppen er alle kunder med et regnskab hos lønadministrationen, og formålet er at give kunden sikkerhed for, at regnskabet er afstemt og forbruget forklaret. Rapporten bygger på opgavefordelingen mellem kunden og lønadministrationen, som er beskrevet i procesbeskrivelserne. Der laves én rapport for hver af kundens bogføringskredse, og den sendes til den kontaktperson, kunden har angivet.';
const steps = [
  '1. Senest tre hverdage efter kvartalets afslutning sender lønadministrationen forsiden til kunden.',
  '2. Omkring den 20. i måneden efter sender lønadministrationen resten af rapporten med bilag.',
  '3. Senest fem hverdage efter modtagelsen sender kunden sine bemærkninger til rapporten.',
  '4. Senest tre hverdage efter fristen for bemærkningerne følger lønadministrationen op.',
  '5. Yderligere opfølgning kan ske fra begge sider, indtil næste kvartals rapport sendes.',
];
const body = `${prose}\n\nProces:\n${steps.join('\n')}`;

describe('a list the cut split, shown whole (round 28)', () => {
  const passages = splitIntoPassages(article({ id: 'kvartalsrapport', body }));

  it('leaves the passages searched as they were: the procedure is still cut after its first step', () => {
    expect(passages).toHaveLength(2);
    expect(passages[0]?.text).toMatch(/Proces:\n1\. Senest tre hverdage[^\n]*$/u);
    expect(passages[0]?.text).not.toMatch(/Omkring den 20\./u);
    expect(passages[1]?.text).toMatch(/^Proces:\n2\. Omkring den 20\./u);
  });

  it('shows each of the two passages with the whole procedure, in order, after the sentence that introduces it', () => {
    const first = shownText(passages[0] ?? { text: '' });
    expect(first.startsWith(passages[0]?.text ?? '-')).toBe(true);
    expect(first.endsWith(`Proces:\n${steps.join('\n')}`)).toBe(true);
    expect(shownText(passages[1] ?? { text: '' })).toBe(`Proces:\n${steps.join('\n')}`);
  });

  it('is what the answer shows: the step asked, though the passage chosen holds only the first', () => {
    const kb = knowledgeBaseFromArticles([
      article({ id: 'kvartalsrapport', title: 'Kvartalsrapporter', body }),
      article({ id: 'andet', title: 'Rejser', body: 'Rejseafregninger laves i RejsUd. Godkendelsen sker hos chefen.' }),
    ]);
    const result = kb.answer('hvornår sendes kvartalsrapporten til vores kontaktperson');
    expect(result.kind).toBe('answered');
    if (result.kind === 'answered') {
      expect(result.passage.index).toBe(0);
      expect(shownText(result.passage)).toMatch(/Omkring den 20\. i måneden efter/u);
    }
  });

  it('shows a long list as cut: its part, with the sentence that introduces it', () => {
    const items = Array.from({ length: 10 }, (_, i) => `- Spørgsmål ${i + 1}: ${'Svaret står her med flere ord om sagen og om hvad man gør. '.repeat(2)}`);
    const long = splitIntoPassages(article({ id: 'faq', body: `Udvalgte spørgsmål og svar om lønsystemet:\n${items.join('\n')}` }));
    expect(long.length).toBeGreaterThan(1);
    for (const passage of long) expect(passage.wholeText).toBeUndefined();
  });

  it('gives no other text to a passage whose lists are whole', () => {
    const whole = splitIntoPassages(article({ id: 'kort', body: `Kort tekst om rapporten.\n\nProces:\n${steps.slice(0, 3).join('\n')}` }));
    expect(whole).toHaveLength(1);
    expect(whole[0]?.wholeText).toBeUndefined();
    expect(shownText(whole[0] ?? { text: '' })).toBe(whole[0]?.text);
  });
});
