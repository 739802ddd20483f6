import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, knowledgeBaseFromArticles, type KnowledgeBase } from '../../knowledge/index.js';
import { askedKinds, asksDefinition, decisiveKinds, kindMatch, type FactKind } from '../../knowledge/fact-kinds.js';
import { testArticle as article } from '../support/articles.js';

describe('the kind of fact a question asks for', () => {
  it.each<[string, FactKind[]]>([
    ['hvad er telefonnummeret til kundebetjeningen', ['phone']],
    ['hvad tid lukker HR-Løn', ['clock']],
    ['hvornår kommer lønsedlen', ['when']],
    ['frist for graviditetsorlov', ['deadline']],
    ['hvor sent kan vi sende blanketten ind', ['deadline']],
    ['how late can we send the form', ['deadline']],
    ['hvor mange timer er et årsværk', ['quantity']],
    ['hvor lang tid tager det at implementere IndFak', ['duration', 'quantity']],
    ['how long does it take to set up IndFak', ['duration', 'quantity']],
    ['hvad koster Campus', ['price']],
    ['hvor tit skal vi kontrollere administratorerne', ['frequency']],
    ['hvor finder jeg blanketten', ['where']],
    ['hvem beregner pensionen', ['who']],
    ['hvilken mailadresse skal jeg skrive til', ['email']],
    ['which authenticator apps can I use', ['names']],
    ['how often is the data refreshed', ['frequency']],
    // A name asked for (round 21).
    ['hvad hedder systemet hvor vi opretter brugere til SLS', ['name']],
    ['hvilket program skal vi bruge til masseindberetning', ['name']],
    ['what is the payroll system called', ['name']],
    ['where do we apply', ['where']],
    // A time of day asked as a part of the day or as hours (round 15).
    ['i hvilket tidsrum bliver henvendelserne fordelt', ['clock']],
    ['between which hours are requests passed on', ['clock']],
  ])('reads "%s" as asking for %j', (question, kinds) => {
    expect(askedKinds(question)).toEqual(kinds);
  });

  it('reads "hvornår på dagen" as asking for a time of day as well as a when (round 15)', () => {
    expect(askedKinds('hvornår på dagen bliver sagerne fordelt')).toEqual(expect.arrayContaining(['clock', 'when']));
    expect(decisiveKinds('hvornår på dagen bliver sagerne fordelt')).toContain('clock');
    expect(decisiveKinds('hvornår kan vi lukke regnskabet')).not.toContain('clock');
  });

  it('reads æ, ø and å as letters of the asking words', () => {
    expect(askedKinds('åbningstid for servicedesken')).toContain('clock');
    expect(askedKinds('hvor længe gælder koden')).toContain('quantity');
  });

  it('asks for no kind in a question for what something is or in bare keywords', () => {
    expect(askedKinds('hvad er RejsUd')).toEqual([]);
    expect(askedKinds('glemt kode serviceportal')).toEqual([]);
    expect(askedKinds('hvor mange')).not.toContain('where');
  });

  it('finds the kind in a passage that holds it, weighted by how telling the kind is', () => {
    expect(kindMatch('Ring på tlf. 3392 9800 på hverdage.', ['phone'])).toBe(1);
    expect(kindMatch('Skriv til os, så svarer vi.', ['phone'])).toBe(0);
    expect(kindMatch('Servicedesken fordeler sagerne kl. 9.00-15.00.', ['clock'])).toBe(1);
    expect(kindMatch('Det sker senest 5 dage før lønkørslen.', ['deadline'])).toBeGreaterThan(0);
    expect(kindMatch('Vælg "Rediger min profil" under fanen Varsling.', ['where'])).toBeGreaterThan(0);
    expect(kindMatch('HR-afdelingen svarer.', ['who'])).toBeLessThan(kindMatch('tlf. 3392 9800', ['phone']));
    expect(kindMatch('Hvad som helst', [])).toBe(0);
  });

  it('finds a name in a passage that gives it with its abbreviation in capitals, or says what something is called (round 21)', () => {
    expect(kindMatch('Brugeradgange oprettes i det fællesstatslige system Brugerstyring Løn (BSL).', ['name'])).toBeGreaterThan(0);
    expect(kindMatch('Appen hedder Ibistic.', ['name'])).toBeGreaterThan(0);
    // A bracket in lower case is a remark, not an abbreviation.
    expect(kindMatch('Blanketten findes som vejledning (pdf) på siden.', ['name'])).toBe(0);
  });

  it('finds a when in a passage that says something can happen only after an event (round 21)', () => {
    expect(kindMatch('Regnskaber kan typisk først lukkes efter årsafslutningen året efter.', ['when'])).toBeGreaterThan(0);
    expect(kindMatch('Fakturaer kan tidligst betales ved modtagelsen.', ['when'])).toBeGreaterThan(0);
    expect(kindMatch('Regnskaberne tilpasses i takt med oprettelse og lukning af bogføringskredse.', ['when'])).toBe(0);
  });

  it('counts only short questions for what something is as asking for the summary', () => {
    expect(asksDefinition('Hvad er RejsUd?', 1)).toBe(true);
    expect(asksDefinition('What is CIP', 1)).toBe(true);
    expect(asksDefinition('hvad betyder styrelse 5 på registerprintet', 4)).toBe(false);
    expect(asksDefinition('hvornår lukker SLS', 2)).toBe(false);
  });
});

describe('the passage shown', () => {
  // One article whose opening names every topic and repeats the subject (what plain BM25 prefers);
  // each section holds the fact of one topic.
  const body = [
    'Kundebetjeningen hjælper kunderne med løn og refusion. Her står Kundebetjeningens telefonnummer, Kundebetjeningens åbningstid og hvor Kundebetjeningens blanketter findes, så Kundebetjeningen kan hjælpe hurtigt.',
    '## Telefonnummer',
    'Telefonnummeret er 3392 9800.',
    '## Åbningstid',
    'Åbningstiden er mandag til torsdag kl. 9.00-15.00 og fredag kl. 9.00-14.00.',
    '## Blanketter',
    'Blanketterne ligger i Lønportalen under menuen "Blanketoversigt".',
  ].join('\n\n');
  const kb = knowledgeBaseFromArticles([
    article({ id: 'kundebetjening', title: 'Kundebetjening Løn og Refusion', body }),
    article({ id: 'andet', title: 'Rejser', body: 'Rejseafregninger laves i RejsUd. Godkendelsen sker hos chefen.' }),
  ]);
  const shown = (question: string): string => {
    const result = kb.answer(question);
    return result.kind === 'answered' ? result.passage.text : result.kind;
  };

  it('holds the phone number when the question asks for one', () => {
    expect(shown('hvad er telefonnummeret til kundebetjeningen')).toContain('3392 9800');
  });

  it('holds the time when the question asks when something is open', () => {
    expect(shown('hvornår har kundebetjeningen åbningstid om fredagen')).toContain('14.00');
  });

  it('holds the menu path when the question asks where something is', () => {
    expect(shown('hvor finder jeg blanketterne til kundebetjeningen')).toContain('Blanketoversigt');
  });

  it('is the summary for a question for what something is', () => {
    expect(shown('hvad er kundebetjeningen')).toContain('hjælper kunderne med løn og refusion');
  });
});

describe('the passage shown, among passages that all speak of the subject (round 21)', () => {
  // The shipped article on two-factor login: every passage speaks of the authenticator app (its subject, which the
  // search weighs); one names the asker's situation, hosting at Statens It, and holds the answer.
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [resolve(import.meta.dirname, '../../knowledge/articles')] });
  });
  const shown = (question: string): string => {
    const result = kb.answer(question);
    return result.kind === 'answered' ? `${result.article.id}: ${result.passage.text}` : result.kind;
  };

  it('is the one that names the situation the question sets out, not one more that repeats the subject', () => {
    expect(shown('vi er hostet hos SIT, hvilken authenticator app skal vi bruge til rejsud')).toMatch(/^to-faktor: Er jeres institution hostet af Statens It \(SIT\), kan I bruge den FreeOTP/);
  });

  it('is still the one that says the subject for a question that sets out no situation', () => {
    expect(shown('fra hvornår skal vi bruge en authenticator app til RejsUd')).toMatch(/^to-faktor: Fra 25\. juni 2024/);
  });
});
