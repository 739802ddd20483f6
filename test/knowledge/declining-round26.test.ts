/**
 * Unrelated Danish questions an article answered in round 26 (issue 12: unrelated questions declined ≥ 0.95): adjectives in -ig
 * that Snowball stems to another word ("ledig" as "leder"), the asker's own pay in a situation, their tax deduction, their own
 * bank and their pay talk, a matter with a party no article knows, the institution's own case systems, what a kind of thing
 * does, the owner in a definition's predicate and in an article's title, a word's translation (knowledge/decline.ts,
 * fact-kinds.ts, lemmas.da.yaml, outside.yaml). Questions written for the test, over the public articles.
 */
import { describe, expect, it } from 'vitest';
import { definedPhrases } from '../../knowledge/decline.js';
import { asksDefinition } from '../../knowledge/fact-kinds.js';
import { Analyzer } from '../../knowledge/analysis/analyzer.js';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

describe('an adjective in -ig whose Snowball stem is another word', () => {
  it('keeps its own stem ("ledig" is not "leder", "rolig" not "roller", "billig" not "billedet")', () => {
    const analyzer = new Analyzer();
    const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');
    expect(stem('ledig')).not.toBe(stem('lederne'));
    expect(stem('ledigheden')).toBe(stem('ledig'));
    expect(stem('rolig')).not.toBe(stem('roller'));
    expect(stem('billigste')).not.toBe(stem('billedet'));
  });

  it('no longer meets the articles\' managers and approval steps ("dagpenge hvis man bliver ledig")', async () => {
    expect(answeredWith(await publicAnswer('hvad får man i dagpenge hvis man bliver ledig'))).toBeUndefined();
    expect(answeredWith(await publicAnswer('hvor finder jeg statistik om ledigheden i danmark'))).toBeUndefined();
  });
});

describe('the asker\'s own economy', () => {
  it('is declined as private life: their pay in a situation, their tax deduction, their bank, their pay talk', async () => {
    for (const question of [
      'får jeg fuld løn under min barsel',
      'kan jeg få fradrag for min kørsel til arbejde',
      'hvordan laver jeg en budgetkonto i min bank',
      'hvordan godkender jeg en regning i min netbank',
      'hvordan forhandler jeg løn til en jobsamtale',
      'hvor meget får jeg i ATP når jeg bliver pensionist',
      'hvordan beregner jeg hvad jeg får udbetalt efter skat',
    ]) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });

  it('is not the institution negotiating with its staff, nor the payslip\'s holiday pay', async () => {
    expect(reasonOf(await publicAnswer('hvordan forhandler jeg løn med en ny medarbejder, hvor ser jeg hvad andre i staten får'))).not.toBe('private-life');
    expect(answeredWith(await publicAnswer('hvornår får jeg den særlige feriegodtgørelse udbetalt'))).toBe('oes-loenseddel-faq');
  });
});

describe('a matter with a party', () => {
  it('no article knows is declined ("min sag hos forsikringsselskabet")', async () => {
    expect(reasonOf(await publicAnswer('hvordan følger jeg min sag hos forsikringsselskabet'))).toBe('private-life');
  });

  it('the articles know is answered ("hos Statens It", "hos jer")', async () => {
    expect(answeredWith(await publicAnswer('hvordan opretter vi nye brugere i navision når vi hostes hos statens it'))).toBe('oes-navision-brugeradm');
    expect(answeredWith(await publicAnswer('hvor mange dage før lønkørslen skal blanketterne være inde hos jer'))).toBe('sa-loenkalender');
  });
});

describe('the institution\'s own case and document system', () => {
  it('is declined: a case in WorkZone is not the HR-sag page\'s', async () => {
    expect(reasonOf(await publicAnswer('hvordan bruger jeg workzone til at oprette en sag'))).toBe('private-life');
  });
});

describe('what a kind of thing does', () => {
  it('is a definition asked ("hvad laver en kommune")', () => {
    expect(asksDefinition('hvad laver en kommune egentlig', 2)).toBe(true);
    expect(asksDefinition('hvad laver servicedesken', 1)).toBe(false);
  });

  it('is declined when the article only names the thing', async () => {
    expect(reasonOf(await publicAnswer('hvad laver en kommune egentlig'))).toBe('definition-not-held');
  });
});

describe('the owner named in the genitive', () => {
  it('is not what a definition\'s predicate defines ("RejsUd er Finansministeriets fælles …")', () => {
    const defined = definedPhrases('RejsUd er Finansministeriets fælles rejseafregningssystem.');
    expect(defined).toContain('RejsUd');
    expect(defined.join(' ')).not.toContain('Finansministeriets');
  });

  it('is not what the article is about: the RejsUd page does not say what a ministry is', async () => {
    expect(reasonOf(await publicAnswer('hvad er et ministerium'))).toBe('definition-not-held');
    expect(reasonOf(await publicAnswer('hvad er forskellen på en styrelse og et ministerium'))).toBe('definition-not-held');
    expect(answeredWith(await publicAnswer('hvad er RejsUd'))).toMatch(/rejsud/u);
  });
});

describe('a word\'s translation asked', () => {
  it('is declined as general knowledge ("hvad hedder regnskab på tysk")', async () => {
    expect(reasonOf(await publicAnswer('hvad hedder regnskab på tysk'))).toBe('definition-not-held');
  });
});

describe('"mest", an adverb of degree', () => {
  it('is no word of a topic: the part "mester" of "borgmesteren" met "de mest stillede spørgsmål"', async () => {
    expect(answeredWith(await publicAnswer('hvem er stedfortræder for borgmesteren'))).toBeUndefined();
    expect(answeredWith(await publicAnswer('hvordan lægger jeg mine mest brugte lister i menuen til venstre i navison'))).toBe('oes-navision-tips');
  });
});
