/**
 * Unrelated questions an article answered in round 24 (issue 12: unrelated questions declined ≥ 0.95): general knowledge
 * asked as a definition ("hvad er moms", "what is VAT") of an article that only names the thing in passing
 * (knowledge/decline.ts `definitionNotHeld`, `definedPhrases`), and a password or access asked for a thing the article does
 * not name (`accessTargetNotHeld`). Questions written for the test, over the public articles.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { accessTarget, definedPhrases } from '../../knowledge/decline.js';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

describe('what a text defines', () => {
  it('is an entry\'s label, a defining sentence\'s subject and predicate, a name in brackets and a word given with its value', () => {
    const text = [
      '- Kundeportalen: fælles værktøj med kundeaftaler.',
      'Et årsværk svarer til 1924 timer om året. Løndele over 6999 er fradragsløndele, der trækker fra.',
      'Statens Koncernsystem (SKS) er grundlaget for statsregnskabet.',
      'En faktura skal indeholde EAN-nummer 5798000010925.',
    ].join('\n');
    const defined = definedPhrases(text);
    for (const phrase of ['Kundeportalen', 'Et årsværk', 'fradragsløndele', 'Statens Koncernsystem', 'SKS', 'EAN-nummer']) expect(defined, phrase).toContain(phrase);
  });

  it('is not a thing named in passing, in a list or in brackets that give an example or an aside', () => {
    const text = 'Statens Administration udfører opgaver inden for fx kreditor, debitor, bank, anlæg og moms. Der dannes betalinger til lønkreditorer (fx pensionskasser, ATP og kildeskat). Indkøb for 415 mia. kr. (inkl. moms).';
    const defined = definedPhrases(text).join(' ').toLowerCase();
    for (const word of ['moms', 'kildeskat', 'debitor', 'atp']) expect(defined, word).not.toContain(word);
  });
});

describe('a definition asked of an article that only names the thing', () => {
  it('is declined: general knowledge, not the portal\'s', async () => {
    for (const question of ['hvad betyder moms', 'hvad er kildeskat for noget', 'what is VAT', 'hvad er et hovedkort']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('is answered by the article that defines it, or that is about it', async () => {
    expect(answeredWith(await publicAnswer('hvad er PENSAB'))).toBe('oes-oeav-sls');
    expect(answeredWith(await publicAnswer('hvad er svagelighedspension'))).toBe('medst-tjenestemandspension');
    expect(answeredWith(await publicAnswer('hvad er ØDUP'))).toBe('oes-cip');
    expect(answeredWith(await publicAnswer('hvad er fradragsløndele'))).toBe('sa-sls-guiden');
    expect(answeredWith(await publicAnswer('hvad er et årsværk'))).toBe('sa-fleksjob-faq');
  });

  it('is answered by another article nearly as confident that defines it, when the best only names it', async () => {
    // The accounting service's description names Epicenteret in passing and ranks first; the glossary of terms labels it.
    expect(answeredWith(await publicAnswer('hvad betyder epicenteret'))).toBe('sa-system-begrebsoversigt');
  });
});

describe('a password or access asked for a thing the article does not name', () => {
  it('reads the thing after "til"/"for"/"to", past possessives and articles, not where a code comes ("på telefonen")', () => {
    const analyzer = new Analyzer();
    const words = ['adgangskode', 'e-boks', 'kode', 'telefon', 'rejsud', 'password', 'glemt'];
    const vocabulary = Vocabulary.fromCounts(1, words.map((word) => [analyzer.stemmers.stem(word, 'da'), 1]), words);
    const target = (question: string): string | undefined => {
      const analysis = analyzer.analyzeQuery(question, vocabulary);
      const at = accessTarget(question, analysis, analyzer);
      return at === undefined ? undefined : analysis.concepts[at]?.surface;
    };
    expect(target('jeg har glemt min adgangskode til e-Boks')).toBe('e-boks');
    expect(target('I forgot the password to my work laptop')).toBe('work');
    expect(target('hvordan får jeg en kode på telefonen til at logge på RejsUd')).toBeUndefined();
  });

  it('is declined: a password for e-Boks or one\'s laptop is not the payroll system\'s', async () => {
    for (const question of ['kan du nulstille min adgangskode til e-Boks', 'I forgot the password for my work laptop']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('access-not-held');
    }
  });

  it('is answered when the article names the thing, or when many articles name it in other words', async () => {
    expect(answeredWith(await publicAnswer('jeg har glemt min adgangskode til HR-Løn'))).toBe('modst-sls-adgangskode-2018');
    expect(answeredWith(await publicAnswer('min kode til lønsystemet er udløbet, hvad nu'))).toBe('modst-sls-adgangskode-2018');
    expect(answeredWith(await publicAnswer('hvordan får jeg adgang til Kundeportalen'))).toBe('sa-kundeportalen');
  });

  it('is answered by another article nearly as confident that names the thing', async () => {
    // The page on controls across systems ranks first and has no foreign payments; the page on foreign bank details has.
    expect(answeredWith(await publicAnswer('Do our user administrators have to give payroll staff access to the foreign payments screen in SLS?'))).toBe(
      'sa-loen-tips-udenlandsk-bank',
    );
  });
});

describe("the citizen's self-service with other authorities", () => {
  it('is an outside word: one\'s holiday pay, tax folder, job search or school is not the portal\'s', async () => {
    const analyzer = new Analyzer();
    for (const word of ['Feriepengeinfo', 'TastSelv', 'skattemappen', 'Jobnet', 'Lectio']) expect(analyzer.isOutsideWord(word, 'da'), word).toBe(true);
    expect(reasonOf(await publicAnswer('kan jeg se mine feriepenge på Feriepengeinfo'))).toBe('private-life');
  });
});
