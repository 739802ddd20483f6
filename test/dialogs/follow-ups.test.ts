/**
 * Follow-up questions read with the answer before them (round 20): "hvem skal bruge det?" after RejsUd's article asks
 * it of RejsUd; "og hvad med IndFak?" asks the last question again of IndFak; a short question that names nothing
 * ("hvordan får jeg adgang?") is read so when, with the answer before it, the same article answers it. A question of its
 * own, or one after another request, is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { bentToPrevious, followUpQuery } from '../../bot/routing.js';
import { createKnowledgeBase, type AnswerResult } from '../../knowledge/index.js';
import { subjectOfTitle } from '../../dialogs/main.dialog.js';
import { headingEcho } from '../../knowledge/answerer.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('follow-up questions', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('answers a question that refers back with the section of the article just shown', async () => {
    await new Chat(world, ANNA).run([
      ['hvad er RejsUd?', 'Kilde: [RejsUd'],
      ['hvem skal bruge det?', ['skal bruge RejsUd', without('Det kan jeg desværre ikke finde')]],
    ]);
    await new Chat(world, ANNA).run([
      ['hvad er SLS-guiden?', 'opslagsværktøj'],
      ['hvor finder jeg den?', 'slsguide.modst.dk'],
    ]);
  });

  it('keeps the article through "Hjalp det?" answered and a thanks', async () => {
    await new Chat(world, ANNA).run([
      ['hvad er RejsUd?', 'Hjalp det?'],
      ['tak', 'Selv tak'],
      ['hvem skal bruge det?', 'skal bruge RejsUd'],
    ]);
  });

  it('asks the last question again of what "og hvad med …?" names', async () => {
    await new Chat(world, ANNA).run([
      ['hvad er RejsUd?', 'Kilde: [RejsUd'],
      ['og hvad med IndFak?', ['Kilde: [IndFak', without('Det kan jeg desværre ikke finde')]],
    ]);
  });

  it('reads a short question that names nothing with the system just answered about', async () => {
    await new Chat(world, ANNA).run([
      ['hvad er ISOLA?', 'Kilde: [ISOLA'],
      // Alone it meets the SLS password rules ("adgang" in "adgangskode").
      ['hvordan får jeg adgang?', ['Business Intelligence', without('Adgangskoden skal have mindst')]],
    ]);
  });

  it('answers "og hvad med …?" from that system\'s own articles, or says there is none', async () => {
    // Read with the last question, the Serviceportal's password page (which names RejsUd in passing) came first.
    await new Chat(world, ANNA).run([
      ['jeg har glemt min adgangskode til SLS', 'Kilde: [Regler for adgangskoder til SLS'],
      ['og hvad med RejsUd?', ['Nulstilling af adgangskode', 'Kilde: [Brugeradministration i IndFak og RejsUd', without('Glemt adgangskode til Serviceportalen')]],
    ]);
    // No article of Navision Stat's speaks of cubes: said so, with a case offered — not LDV's page again, nor Navision's overview.
    await new Chat(world, ANNA).run([
      ['hvad er kuberne i LDV?', 'Kilde: [LDV\'s kuber'],
      ['og hvad med Navision?', ['Der er ingen artikel om det for Navision Stat i vidensbasen.', actions('Opret en sag', 'Spørg på en anden måde'), without('Kilde:')]],
    ]);
    // An article about both systems answers for either, as before.
    await new Chat(world, ANNA).run([
      ['hvordan sætter jeg to-faktor op til IndFak?', 'Kilde: [To-faktorgodkendelse i IndFak og RejsUd'],
      ['og hvad med RejsUd?', 'Kilde: [To-faktorgodkendelse i IndFak og RejsUd'],
    ]);
  });

  it('answers a detail of the article just shown from it, though the question is too long or too specific to be read as a follow-up (round 24)', async () => {
    // Seven words with nothing that refers back: alone the question met three articles.
    await new Chat(world, ANNA).run([
      ['kan controller-rollen i IndFak kombineres med andre roller?', 'Udvidet arkivsøgning'],
      ['hvad skal jeg så bruge i stedet?', ['Kilde: [Tips til IndFak og RejsUd', without('Mente du')]],
    ]);
    // "lønkørsel" names a form: alone the payroll calendar answered it.
    await new Chat(world, ANNA).run([
      ['hvordan virker årsjusteringen i SLS?', 'Kilde: [Årsskiftet i SLS'],
      ['i hvilken lønkørsel sker det?', ['Kilde: [Årsskiftet i SLS', without('Kilde: [Lønkalender')]],
    ]);
  });

  it('reads "denne måned" as the asker\'s now, not as referring back to the answer before (round 24)', async () => {
    // Read with the calendar's subject, the calendar answered the asker's own net pay.
    await new Chat(world, ANNA).run([
      ['hvad er lønkalenderen?', 'Kilde: [Lønkalender'],
      ['hvad er min egen nettoløn denne måned?', without('Kilde: [Lønkalender')],
    ]);
  });

  it('leaves a question its own words answer from another article of the same system, though the article before holds them (round 24)', async () => {
    await new Chat(world, ANNA).run([
      ['hvad er LDV?', 'Kilde: [LDV'],
      ['hvordan bruger man kuberne i excel?', 'Kilde: [LDV\'s kuber'],
    ]);
  });

  it('does not bend a short question to the answer before it when alone its words are hardly in the articles (round 22)', async () => {
    // Read with the payroll calendar's subject, the calendar answered it.
    await new Chat(world, ANNA).run([
      ['hvad er lønkalenderen?', 'Kilde: [Lønkalenderen'],
      ['hvad skal vi have til julefrokosten?', without('Kilde:')],
    ]);
  });

  it('leaves a short question that another article of the same system answers to that article (round 22)', async () => {
    // Read with LDV's subject, LDV's overview came again.
    await new Chat(world, ANNA).run([
      ['hvad er LDV?', 'Kilde: [LDV'],
      ['hvilke standardrapporter findes der?', 'Kilde: [Standardrapporter til økonomistyring'],
    ]);
  });

  it('leaves a question of its own, and one after another request, as it is', async () => {
    await new Chat(world, ANNA).run([
      ['hvad er RejsUd?', 'Kilde: [RejsUd'],
      ['hvad er lønkalenderen?', ['Lønkalenderen viser', without('RejsUd')]],
    ]);
    await new Chat(world, ANNA).run([
      ['hvad er RejsUd?', 'Kilde: [RejsUd'],
      ['mine sager', 'Rejseafregning afvist'],
      ['hvem skal bruge det?', without('skal bruge RejsUd')],
    ]);
  });
});

describe('the last answer explained again (round 22)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  /** The passage of an answer: its text before the source line. */
  const passageOf = (text: string): string => text.split(/\n\n(?:Kilde|Source):/u)[0]?.split('\n\n').slice(-1)[0] ?? '';

  it.each([
    ['kan du sige det mere enkelt?'],
    ['det forstår jeg ikke helt'],
    ['forstår ikke, forklar det lige'],
    ['kan du forklare det med andre ord?'],
    ['uddyb gerne'],
    ['jeg er ikke med, hvad betyder det?'],
  ])('"%s" shows another passage of the same article, not the same one again nor a search for its words', async (asked) => {
    const chat = new Chat(world, ANNA);
    const first = await chat.say('hvad er RejsUd?');
    const again = await chat.run([[asked, ['Kilde: [RejsUd', 'Hjalp det?', without('Det kan jeg desværre ikke finde'), without('Undskyld'), without('Der er ikke noget at annullere')]]]);
    expect(passageOf(again.text)).not.toBe(passageOf(first.text));
  });

  it('after a passage further in, shows the article\'s opening; asked again, the passage after it', async () => {
    const chat = new Chat(world, ANNA);
    const first = await chat.say('hvem skal bruge RejsUd?');
    const opening = await chat.say('kan du sige det mere enkelt?');
    expect(opening.text).toContain('Kort sagt forklarer artiklen det sådan her:');
    expect(passageOf(opening.text)).not.toBe(passageOf(first.text));
    const next = await chat.say('forstår det stadig ikke');
    expect(passageOf(next.text)).not.toBe(passageOf(opening.text));
  });

  it('explains in English when asked in English', async () => {
    await new Chat(world, ANNA).run([
      ['What is RejsUd?', 'Source:'],
      ["sorry, I don't get it", ['Source:', without('I cannot find an answer')]],
    ]);
  });

  it('is a complaint, the welcome or a question as before without an answer shown', async () => {
    await new Chat(world, ANNA).run([['det forstår jeg ikke helt', 'Undskyld']]);
    await new Chat(world, ANNA).run([['hvad er RejsUd?', 'Kilde: [RejsUd'], ['du forstår mig ikke', 'Undskyld']]);
  });
});

describe('follow-up questions over the public articles (round 24)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld({ knowledge: await createKnowledgeBase({ sources: ['../shared/data/kb-public/articles.jsonl'] }) });
  }, 120_000);
  afterAll(async () => world.dispose());

  it('asks a question none of whose words the overview holds of the system\'s other articles', async () => {
    // Read with the overview's subject, the overview came again; its FAQ names the supplier.
    await new Chat(world, ANNA).run([
      ['hvad er Statens HR?', 'Kilde: [Statens HR og HR-sag'],
      ['hvem er leverandøren?', ['Miracle', 'Kilde: [FAQ om Statens HR']],
    ]);
  });

  it('reads the system in its definite form as referring back, and answers from the page that names what is asked (round 26)', async () => {
    // Alone "leverandør" met a supplier's guide to invoicing; "systemet" is RejsUd, and its older page names the supplier.
    await new Chat(world, ANNA).run([
      ['hvordan får vi RejsUd', 'Kilde: [RejsUd'],
      ['hvem er leverandør på systemet?', ['Miracle', 'Kilde: [Generelt om RejsUd']],
    ]);
  });

  it('answers a question that refers back from the article just shown when no other page brings a word of it (round 26)', async () => {
    // Read with the subject "RejsUd", the older general page came first; the page just shown says who approves.
    await new Chat(world, ANNA).run([
      ['hvordan opretter man en rejseafregning i RejsUd', 'Kilde: [RejsUd – rejseafregning og udlæg'],
      ['hvem godkender den bagefter?', ['budgetansvarlige chef', 'Kilde: [RejsUd – rejseafregning og udlæg']],
    ]);
    // Another page that answers the question's own words, where the page just shown does not, keeps that page.
    await new Chat(world, ANNA).run([
      ['hvad er RejsUd?', 'RejsUd'],
      ['findes der en app til det?', ['Ibistic', 'Brugervejledninger til RejsUd']],
    ]);
  });

  it('reads a longer question that refers back with the page just shown (round 27)', async () => {
    // Ten words: read alone, "koden" found SLS's password rules; "den" is the Serviceportal just answered about.
    await new Chat(world, ANNA).run([
      ['hvordan opretter jeg en bruger på Serviceportalen?', 'Kilde: [Serviceportal'],
      ['hvad gør jeg, hvis jeg ikke længere kan huske koden til den?', ['nulstilles', 'Kilde: [Serviceportal']],
    ]);
  });

  it('asks "hvad med …?" of the page just shown when the system it names is one the new subject lacks (round 27)', async () => {
    // "Navision" read as the new subject: "no article about that for Navision Stat"; the page on LDV's users answers it.
    await new Chat(world, ANNA).run([
      ['hvem yder support på LDV til erhvervsskoler?', 'Kilde: [LDV – målgruppe og supportansvar'],
      ['og hvad med institutioner uden Navision?', ['Kilde: [LDV – målgruppe og supportansvar', without('ingen artikel om det for Navision')]],
    ]);
  });

  it('reads a question after a new subject is announced on its own, its "den" an article (round 27)', async () => {
    await new Chat(world, ANNA).run([
      ['hvordan opretter jeg en fraværsassistent i IndFak?', 'IndFak'],
      ['noget helt andet: hvornår bliver den særlige feriegodtgørelse udbetalt?', ['Særlig feriegodtgørelse', 'Kilde: [Lønseddel – ofte stillede spørgsmål', without('Kilde: [Brugeradministration i IndFak')]],
    ]);
  });

  it('answers a short question that names nothing from another page of the system just answered about that holds its words (round 27)', async () => {
    // Alone "sørge for" (one's responsibility) and "Økonomistyrelsen" found no page of CIP's; read with CIP, its page of duties.
    await new Chat(world, ANNA).run([
      ['hvad er CIP?', 'Kilde: [Integrationsplatform – CIP'],
      ['hvad sørger Økonomistyrelsen for?', ['Økonomistyrelsens ansvar', 'Kilde: [CIP – ansvarsfordeling']],
    ]);
    await new Chat(world, ANNA).run([
      ['what is CIP?', 'Integrationsplatform – CIP'],
      ["what are the agency's duties?", ['ansvar', 'CIP – ansvarsfordeling']],
    ]);
  });
});

describe('followUpQuery', () => {
  const previous = { question: 'hvordan sætter jeg to-faktor op til IndFak?', subject: 'IndFak/SDI', articleId: 'system-indfak-sdi' };
  const recognition = { intent: { kind: 'question' as const }, command: false, confidence: 0.9, scores: {}, slots: {} };

  it('asks the last question of another system, without the first', () => {
    expect(followUpQuery('og hvad med RejsUd?', previous, recognition)).toEqual({ query: 'hvordan sætter jeg to-faktor op til ? RejsUd', sure: true, system: 'rejsud' });
    expect(followUpQuery('what about RejsUd', previous, recognition)?.sure).toBe(true);
  });

  it('adds the subject to a question that refers back; a short one that names nothing is only a candidate', () => {
    expect(followUpQuery('hvem kan gøre det?', previous, recognition)).toEqual({ query: 'hvem kan gøre det? IndFak/SDI', sure: true, own: 'hvem kan gøre det?' });
    expect(followUpQuery('hvordan får jeg adgang?', previous, recognition)).toEqual({ query: 'hvordan får jeg adgang? IndFak/SDI', sure: false, own: 'hvordan får jeg adgang?' });
  });

  it('reads the system named in its definite form as referring back (round 26)', () => {
    expect(followUpQuery('hvem er leverandør på systemet?', previous, recognition)?.sure).toBe(true);
    expect(followUpQuery('kan man hente appen?', previous, recognition)?.sure).toBe(true);
    expect(followUpQuery('who supplies the system?', previous, recognition)?.sure).toBe(true);
    // A system of one's own is no system of the answer before it.
    expect(followUpQuery('hvem er leverandør på et system?', previous, recognition)?.sure).not.toBe(true);
  });

  it('reads a question opened with "og"/"men" as continuing the conversation (round 22)', () => {
    expect(followUpQuery('og hvad hvis vi ikke svarer til tiden?', previous, recognition)).toEqual({ query: 'og hvad hvis vi ikke svarer til tiden? IndFak/SDI', sure: true, own: 'og hvad hvis vi ikke svarer til tiden?' });
    expect(followUpQuery('hvad hvis vi ikke svarer til tiden?', previous, recognition)).toBeUndefined();
  });

  it('is no follow-up without a previous answer, a question, or when it names a system or is long', () => {
    expect(followUpQuery('hvem kan gøre det?', undefined, recognition)).toBeUndefined();
    expect(followUpQuery('det er fint', previous, recognition)).toBeUndefined();
    expect(followUpQuery('hvem kan gøre det i LDV?', previous, { ...recognition, slots: { systemId: 'ldv' } })).toBeUndefined();
    // Long even for a question that refers back (round 27: up to 14 words it is a follow-up).
    expect(followUpQuery('hvem kan gøre det når man ikke selv har rollen som administrator i portalen for sin egen institution?', previous, recognition)).toBeUndefined();
  });

  it('reads a longer question as a follow-up when it refers back: the circumstance told beside the pronoun does not make it a question of its own (round 27)', () => {
    const asked = 'hvad gør vi hvis vi først får sendt den ind dagen efter fristen?';
    expect(followUpQuery(asked, previous, recognition)).toEqual({ query: `${asked} IndFak/SDI`, sure: true, own: asked });
    expect(followUpQuery('can we still use it if our institution is hosted by Statens It?', previous, recognition)?.sure).toBe(true);
    // Without a word that refers back, the same length is a question of its own.
    expect(followUpQuery('hvad gør vi hvis vi først får sendt blanketten ind dagen efter fristen?', previous, recognition)).toBeUndefined();
  });

  it('is no follow-up when a new subject is announced before the question, though "den"/"det" stands in it as an article (round 27)', () => {
    expect(followUpQuery('noget andet: hvornår lukker den første lønkørsel?', previous, recognition)).toBeUndefined();
    expect(followUpQuery('ok tak. et helt andet spørgsmål – hvem ejer det nye HR-system?', previous, recognition)).toBeUndefined();
    expect(followUpQuery('different question: who runs it?', previous, recognition)).toBeUndefined();
    expect(followUpQuery('thanks! something else, what does this code mean?', previous, recognition)).toBeUndefined();
    // A question that only says "andet" in passing still refers back.
    expect(followUpQuery('kan man bruge det til noget andet?', previous, recognition)?.sure).toBe(true);
  });

  it('reads English "they" as referring back to the one the answer before spoke of (round 27)', () => {
    expect(followUpQuery('do they also take new customers?', previous, recognition)?.sure).toBe(true);
    expect(followUpQuery('can they help us with the year-end closing as well?', previous, recognition)?.sure).toBe(true);
  });

  it('reads a system named as lacking in "hvad med …?" as no new system: the subject is what lacks it (round 27)', () => {
    expect(followUpQuery('hvad med institutioner der ikke har RejsUd?', previous, recognition)).toEqual({ query: 'hvordan sætter jeg to-faktor op til IndFak? institutioner der ikke har RejsUd', sure: true });
    expect(followUpQuery('and what about those without LDV?', previous, recognition)?.system).toBeUndefined();
    // Named as the new subject, it is one.
    expect(followUpQuery('hvad med RejsUd?', previous, recognition)?.system).toBe('rejsud');
  });

  it('names an article by its title\'s head', () => {
    expect(subjectOfTitle('RejsUd – rejseafregning og udlæg')).toBe('RejsUd');
    expect(subjectOfTitle('Fællespostkasser i Serviceportalen')).toBe('Fællespostkasser i Serviceportalen');
  });
});

describe('headingEcho', () => {
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];

  it('is the share of the question a heading put as the same kind of question says back', () => {
    expect(headingEcho(words('hvem skal bruge RejsUd'), 'Hvem skal bruge systemet?')).toBeCloseTo(0.75);
  });

  it('is nothing for a topic heading, another kind of question, or one word in common', () => {
    expect(headingEcho(words('hvem opretter brugere i CIP'), 'En ny bruger i CIP')).toBe(0);
    expect(headingEcho(words('hvad er SLS-guiden'), 'Hvor finder jeg SLS-guiden?')).toBe(0);
    expect(headingEcho(words('hvem ved noget'), 'Hvem skal bruge systemet?')).toBe(0);
  });
});

describe('bentToPrevious (round 22)', () => {
  const answered = (id: string, title: string, system: string): AnswerResult =>
    ({ kind: 'answered', article: { id, title, system }, passage: { id: `${id}#0`, index: 0 } }) as unknown as AnswerResult;
  const previous = answered('fejl', 'Fejl i Statens Administrations sagsbehandling af løn og refusion', 'Løn og Refusion');

  it('takes the reading with the answer before it when alone the question finds nothing, or another system\'s article it does not name', () => {
    expect(bentToPrevious('hvad er fristen?', { kind: 'unknown', reason: 'common-words' }, previous, true)).toBe(true);
    expect(bentToPrevious('hvordan får jeg adgang?', answered('sls-kode', 'Regler for adgangskoder til SLS', 'SLS/HR-Løn'), previous, true)).toBe(true);
  });

  it('leaves it alone when its words are hardly in the articles, another article of the same system answers it, or it names that article\'s subject', () => {
    expect(bentToPrevious('hvem vandt landskampen?', { kind: 'unknown', reason: 'no-match' }, previous, true)).toBe(false);
    expect(bentToPrevious('hvem vandt landskampen?', { kind: 'unknown', reason: 'low-confidence', coverage: 0.2 }, previous, true)).toBe(false);
    expect(bentToPrevious('hvad er satsen?', answered('satser', 'Refusionssatser', 'Statens Refusion / Løn og Refusion'), previous, true)).toBe(false);
    expect(bentToPrevious('hvad er Statens Digitale Indkøb?', answered('sdi', 'Statens Digitale Indkøb (SDI) – forord', 'SDI'), previous, true)).toBe(false);
  });
});
