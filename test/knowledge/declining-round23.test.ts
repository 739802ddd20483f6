/**
 * Unrelated questions a system's article answered in round 23 (issue 12: unrelated questions declined ≥ 0.95): how to
 * do a task in a named system that the article does not speak of, a change verb credited by a synonym phrase's word
 * the question says itself, and "Teams" read by its stem "team" (knowledge/decline.ts, the analyser's outside words).
 * Questions written for the test, over the public articles.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../knowledge/analysis/analyzer.js';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

describe('a task in a named system that the best article does not speak of', () => {
  it('is declined when asked how to do it: the overview names the system and the verb, not the task', async () => {
    for (const question of [
      'hvordan opretter jeg en ny afdeling i Navision Stat',
      'hvordan bogfører jeg en rykkergebyr i Navision Stat',
      'hvordan opretter jeg en ny omkostningsdimension i Navision',
    ]) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('task-not-held');
    }
  });

  it('is answered when a word of the task is the article\'s, or when asked whether it can be done', async () => {
    expect(answeredWith(await publicAnswer('hvordan fjerner jeg poster fra stakkene i Navision'))).toBe('sa-navision-tips');
    expect(answeredWith(await publicAnswer('hvordan nulstiller jeg en kollegas password i IndFak'))).toBe('oes-indfak-brugeradm');
    expect(answeredWith(await publicAnswer('hvordan bestiller jeg varer fra et katalog i IndFak'))).toBe('oes-indfak-vejledning');
    expect(answeredWith(await publicAnswer('hvordan opretter jeg en ny bruger i CIP'))).toBe('oes-cip-ansvarsfordeling');
    // "Kan jeg …" asks whether it can be done, which the tips pages answer in their own words.
    expect(answeredWith(await publicAnswer('kan jeg selv vælge hvilke køer der vises på forsiden i Navision'))).toBe('oes-navision-tips');
  });
});

describe('a change verb the best article does not have', () => {
  it('is not credited by a word of a synonym phrase that the question says itself ("lukket sag" for "lukker … sager")', async () => {
    for (const question of ['hvordan lukker jeg en af mine sager i portalen', 'hvordan lukker jeg min sag i Serviceportalen når problemet er løst']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('change-not-held');
    }
  });

  it('includes reopening what was closed', async () => {
    expect(reasonOf(await publicAnswer('hvordan genåbner jeg en afsluttet rejseafregning i RejsUd'))).toBe('change-not-held');
  });
});

describe('"Teams" as written', () => {
  const analyzer = new Analyzer();

  it('is an outside word alone, joined to a noun or beginning a compound; "team" and "teamet" are not', () => {
    for (const word of ['Teams', 'teams', 'Teams-mødet', 'teamsmødet']) expect(analyzer.isOutsideWord(word, 'da'), word).toBe(true);
    for (const word of ['team', 'teamet', 'HR-teamet']) expect(analyzer.isOutsideWord(word, 'da'), word).toBe(false);
  });

  it('is not spoken of by an article whose compounds end in "team" ("Implementeringsteamet")', async () => {
    expect(reasonOf(await publicAnswer('hvordan holder jeg et møde i Teams'))).toBe('private-life');
    expect(answeredWith(await publicAnswer('hvem er det team der hjælper med at implementere Navision Stat'))).toBe('modst-navision-implementering');
  });
});
