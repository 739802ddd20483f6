/**
 * Round 25 (decl): in-scope questions declined although an article answers them (docs/understanding.md, round 25).
 * Kinds, over the public articles (questions of heldout35):
 * - EVERYDAY: words of when, where to, how much and looking ("om morgenen", "været væk", "begyndt halvt igen",
 *   "halvdelen af ordene", "kigge på") are the asker's situation, which no article repeats: light words, like "betyder"
 *   and "ofte" — before, each weighed like the corpus's rarest word and pulled the question's trust under every threshold;
 * - SHORT_NOUN: the forms of a short noun are one word ("uge", "uger", "ugen"; "kø", "køer") — Snowball's R1 begins at the
 *   fourth letter, so it left their endings on and the articles' "inden for 4 uger" was no "uge".
 * - STOP_HEAD: a compound whose last part is a stop word that is a noun ("regnskabs|siden", "lønkørsels|dagen") is split
 *   there, as any compound is: before, it was one word no article wrote; and a stop word's forms are stop words ("hjælper").
 * - DEFINED: a definition the best article gives in an enumeration ("Stillingsnummer, stillingskontrolnummer og officielt
 *   stillingsnr. betegner det samme"), in a relative clause ("et nyt indkøbscirkulære …, som betyder, at …") or as what a
 *   thing consists of ("Lønnummeret består af …") is one: "hvad er X" is not declined as a definition the article lacks.
 * - WORKPLACE: the asker's employer ("min arbejdsgiver") is where the question is asked from, not a private thing of theirs
 *   that no article is about (decline.ts `ownThingNotTheirs`), and so is their colleague when they speak for the workplace
 *   ("min kollega … hvornår skal vi søge"; not "min kollega er syg, skal jeg tage hans opgaver"); nor is a thing the best
 *   article defines for its reader ("mit lønnummer": "Lønnummeret består af …"; "min særlige feriegodtgørelse").
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, createKnowledgeBase, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';
import { definedPhrases } from '../../knowledge/decline.js';

const KB_PUBLIC = '../shared/data/kb-public/articles.jsonl';

const shown = (result: AnswerResult): string => (result.kind === 'answered' ? result.article.id : result.kind === 'unknown' ? `unknown:${result.reason}` : 'ambiguous');

describe('the analyser (round 25)', () => {
  const analyzer = new Analyzer();

  it('EVERYDAY: reads words of the time of day, of absence and of halves as light words', () => {
    for (const word of ['morgenen', 'eftermiddagen', 'sent', 'væk', 'halvt', 'halvdelen', 'meningen', 'kigger']) {
      expect(analyzer.lightWords.da.has(word), word).toBe(true);
    }
  });

  it('SHORT_NOUN: stems the forms of "uge" and "kø" alike', () => {
    const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');
    expect(new Set(['uge', 'uger', 'ugen', 'ugerne'].map(stem)).size).toBe(1);
    expect(new Set(['kø', 'køer', 'køen'].map(stem)).size).toBe(1);
    // Round 24's rule for every such word joined "yder" and "ydes": a verb's forms stay apart.
    expect(stem('yder')).not.toBe(stem('ydes'));
  });
});

describe('what an article defines (round 25)', () => {
  it('DEFINED: reads an enumeration, a relative clause and "består af" as definitions', () => {
    const text = [
      '- Stillingsnumre: Stillingsnummer, stillingskontrolnummer og officielt stillingsnr. betegner det samme – Finansministeriets stillingskontrol.',
      'Fra 1. marts 2020 trådte et nyt indkøbscirkulære i kraft, som betyder, at statslige institutioner skal bruge elektronisk bestilling.',
      'Lønnummeret består af CPR-nummeret og et 3-cifret løbenummer.',
    ].join('\n');
    const defined = definedPhrases(text).join(' | ');
    expect(defined).toContain('stillingskontrolnummer');
    expect(defined).toContain('indkøbscirkulære');
    expect(defined).toContain('Lønnummeret');
  });

  it('does not read a sentence that names things in passing as a definition', () => {
    expect(definedPhrases('Institutionen sender oplysningerne til banken, og kunden kan se dem i portalen.').join(' ')).not.toContain('banken');
  });
});

describe.skipIf(!existsSync(KB_PUBLIC))('declines of in-scope questions, over kb-public (round 25)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
  });

  it('EVERYDAY: answers a question told with the time of day, a half or an absence', () => {
    const questions = [
      ['sender jeg en ansættelse om morgenen, bliver den så lavet samme dag', 'sa-statens-hr-hr-sag'],
      ['en sygemeldt kollega er begyndt halvt igen, skal vi sende noget til jer', 'sa-refusion-nyhedsbrev-frister'],
      ['jeg er ny lønkunde og forstår ikke halvdelen af de ord i bruger, hvad er epicenteret for noget', 'sa-system-begrebsoversigt'],
    ] as const;
    for (const [question, expected] of questions) expect(shown(kb.answer(question)), question).toBe(expected);
  });

  it('SHORT_NOUN: answers "køer" by the page of "opgavekøer"', () => {
    expect(shown(kb.answer('kan man flytte rundt på de der køer på forsiden i navision'))).toBe('oes-navision-tips');
  });

  it('STOP_HEAD: answers a question whose word ends in a stop word that is a noun', () => {
    const questions = [
      ['hvornår lukker sls om eftermiddagen på lønkørselsdagen', 'sa-loenkalender'],
      ['hvad laver i egentlig for os på regnskabssiden, kreditorer og moms osv', 'sa-regnskab-servicebeskrivelse'],
      ['hjælper i med årsregnskabet eller skal vi selv lave det', 'sa-regnskab-servicebeskrivelse'],
    ] as const;
    for (const [question, expected] of questions) expect(shown(kb.answer(question)), question).toBe(expected);
    const analyzer = new Analyzer();
    expect(analyzer.stemmers.isStopword('hjælper', 'da')).toBe(true);
  });

  it('DEFINED: answers "hvad er X" from the article that defines X in an enumeration or a clause', () => {
    const questions = [
      ['hvad er et stillingskontrolnummer', 'modst-sls-faq-generelt'],
      ['hvad er indkøbscirkulæret fra 2020', 'oes-indfak-kom-godt-i-gang'],
    ] as const;
    for (const [question, expected] of questions) expect(shown(kb.answer(question)), question).toBe(expected);
  });

  it('WORKPLACE: does not read the asker\'s colleague or employer as their private life', () => {
    const questions = [
      ['jeg skylder penge til min arbejdsgiver, kan jeg betale det af lidt ad gangen', 'oes-loenseddel-faq'],
      ['min kollega har været væk med stress i 6 uger, hvornår skal vi søge refusion', 'sa-ansoegningsfrister-refusion'],
    ] as const;
    for (const [question, expected] of questions) expect(shown(kb.answer(question)), question).toBe(expected);
    // A thing the best article defines, named at the start or end of the definition, is what the article explains.
    expect(shown(kb.answer('hvad består mit lønnummer af'))).toBe('oes-loenseddel');
    expect(shown(kb.answer('hvornår får jeg min særlige feriegodtgørelse udbetalt'))).toBe('oes-loenseddel-faq');
    // …not a word inside a label ("Nyansat (de første 8 uger), …" does not define the asker's week of holiday).
    expect(kb.answer('min chef vil ikke godkende min ferie i uge 30, hvad kan jeg gøre').kind).toBe('unknown');
    // Another thing of the asker's own is still theirs.
    for (const question of ['min kollega har lånt min cykel og nu er den væk', 'kan min chef nægte mig at holde ferie i efterårsferien', 'min kollega er syg, skal jeg tage hans opgaver']) {
      expect(kb.answer(question).kind, question).toBe('unknown');
    }
  });

  it('still declines unrelated questions of everyday words', () => {
    for (const question of ['hvordan bliver vejret i morgen', 'jeg vil gerne søge orlov for at rejse jorden rundt', 'hvornår har kantinen åbent om aftenen']) {
      expect(kb.answer(question).kind, question).toBe('unknown');
    }
  });
});
