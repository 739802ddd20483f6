/**
 * What the user says about the conversation itself (round 20): the language asked for, and that it is
 * not going well. The wordings here are mostly not the exploratory tester's: the forms are what count.
 */
import { describe, expect, it } from 'vitest';
import { asksToExplainAgain, complainsAboutTheConversation, languageAskedFor } from '../../bot/meta-talk.js';

describe('languageAskedFor', () => {
  describe('when a language is asked for, in either language', () => {
    it.each([
      // English asked for, in English and in Danish.
      ['and in English?', 'en'],
      ['what about English', 'en'],
      ['English, please', 'en'],
      ['english pls', 'en'],
      ['could you reply in English instead?', 'en'],
      ['can I have that in English', 'en'],
      ['please translate it into English', 'en'],
      ['switch to English', 'en'],
      ['do you speak English?', 'en'],
      ['kan jeg få svaret på engelsk?', 'en'],
      ['skriv venligst på engelsk', 'en'],
      ['vil du oversætte artiklen til engelsk', 'en'],
      ['findes det på engelsk?', 'en'],
      ['skift sprog til engelsk', 'en'],
      // Danish asked for.
      ['og på dansk?', 'da'],
      ['på dansk tak', 'da'],
      ['kan du svare på dansk i stedet', 'da'],
      ['can you write it in Danish', 'da'],
      ['in Danish please', 'da'],
      ['Danish?', 'da'],
      ['jeg vil hellere have det på dansk', 'da'],
      // Other wordings (round 20's acceptance uses its own).
      ['Would you mind answering in English?', 'en'],
      ['Answer in English from now on', 'en'],
      ['English would be better', 'en'],
      ['snakker du engelsk', 'en'],
      ['må jeg få det på engelsk', 'en'],
      ['Can you say that in Danish', 'da'],
      // Both named: the one written into.
      ['Please respond in English, my Danish is not good', 'en'],
      ['translate from Danish to English', 'en'],
      // The answer explained in a language (round 22).
      ['sorry, can you explain that in English?', 'en'],
      ['forklar det på engelsk', 'en'],
    ] as const)('"%s" asks for %s', (text, language) => expect(languageAskedFor(text)).toBe(language));

    it.each([
      ["I don't speak Danish", 'en'],
      ['sorry, I cannot read Danish', 'en'],
      ["I don't really understand Danish very well", 'en'],
      ['jeg forstår ikke engelsk', 'da'],
      ['jeg taler ikke så godt engelsk', 'da'],
    ] as const)('"%s" (the user cannot read the language named) asks for the other one: %s', (text, language) => expect(languageAskedFor(text)).toBe(language));
  });

  describe('when a language is named about something else', () => {
    it.each([
      'findes der en engelsk vejledning til RejsUd?',
      'is there an English version of the user guide',
      'er det muligt at få lønsedlen på engelsk',
      'hvad hedder feriegodtgørelse på engelsk',
      'is the portal available in english',
      'what is the Danish word for payslip',
      'hvordan skriver jeg en engelsk faktura i IndFak',
      'kan du svare på mit spørgsmål',
    ])('"%s" asks for no language', (text) => expect(languageAskedFor(text)).toBeUndefined());
  });
});

describe('complainsAboutTheConversation', () => {
  it.each([
    // Not understood.
    'du forstår mig ikke',
    'du fatter jo ingenting',
    'du har slet ikke forstået mit spørgsmål',
    'du misforstår mig',
    'jeg forstår ikke dit svar',
    'jeg forstår ikke det du skriver',
    'you are not understanding me',
    "you misunderstood what I said",
    "I don't get it",
    // Not working, no help.
    'det virker ikke',
    'det virker stadig ikke',
    'ingenting virker',
    'det hjalp overhovedet ikke',
    'du er ikke til nogen hjælp',
    "it's not working",
    "that didn't help at all",
    "you're no help",
    'nothing works',
    // Worthless, wrong.
    'det her er noget lort, ingenting virker',
    'sikke noget lort',
    'du er ubrugelig',
    'det svar er forkert',
    'this bot is useless',
    'that answer is wrong',
    'what rubbish',
    // No sense, not what was asked, not answered.
    'det giver ingen mening',
    'det var ikke det jeg spurgte om',
    'det er ikke svar på mit spørgsmål',
    'du svarer ikke på det jeg spørger om',
    "that's not what I meant",
    "you didn't answer my question",
    'that makes no sense',
    // Other wordings.
    'Det er jo ikke det jeg spørger om',
    'Du svarer forkert',
    'Det kan jeg ikke bruge til noget',
    'Hvorfor forstår du ikke hvad jeg skriver?',
    'Jeg bliver ikke klogere af det svar',
    'Hvad snakker du om?',
    'That is not helpful',
    "This doesn't answer my question",
    'you keep giving me the wrong answer',
    'det er ikke relevant',
    'You got it wrong',
  ])('"%s" complains about the conversation', (text) => expect(complainsAboutTheConversation(text)).toBe(true));

  it.each([
    // A thing named: a problem or a question about it.
    'printeren virker ikke',
    'min kode virker ikke',
    'jeg kan ikke logge ind',
    'jeg forstår ikke min lønseddel, hvad betyder feriegodtgørelse',
    'jeg forstår ikke hvordan det virker',
    "my laptop's screen doesn't work",
    'det beløb er forkert',
    'jeg kan ikke bruge IndFak',
    'er det ikke rigtigt at lønnen kommer den sidste hverdag',
    // Not understanding what the assistant asks: the step's help.
    'jeg forstår ikke hvad du spørger om',
    'i dont understand what you want me to answer',
    // A person asked for, with the complaint as the reason.
    'giv mig en rigtig person, du forstår mig ikke',
    // No complaint at all.
    'det virker',
    'det hjalp, tak',
    'hvad kan du ikke?',
    'nej',
    'hvad er det?',
  ])('"%s" does not', (text) => expect(complainsAboutTheConversation(text)).toBe(false));
});

describe('asksToExplainAgain (round 22)', () => {
  it.each([
    'kan du sige det mere enkelt?',
    'kan du forklare det med andre ord?',
    'forklar det lige på en anden måde',
    'uddyb gerne',
    'sig det lige på almindeligt dansk',
    'det forstår jeg ikke helt',
    'forstår ikke, forklar det lige',
    'jeg er ikke med, hvad betyder det?',
    'hvad betyder det?',
    'hvad mener du?',
    'kan du give et eksempel?',
    "I don't get it",
    'could you explain that more simply?',
    'what does that mean?',
    'can you put that in plain English?',
  ])('"%s" asks for the last answer explained again', (text) => expect(asksToExplainAgain(text)).toBe(true));

  it.each([
    // A thing of its own: a question about it.
    'hvad betyder løntrin?',
    'hvad betyder det i praksis for os?',
    'jeg forstår ikke min lønseddel',
    'jeg forstår ikke hvordan det virker',
    'forklar mig hvad RejsUd er',
    'what does SKS mean?',
    // The assistant not understanding: a complaint.
    'du forstår mig ikke',
    "you don't understand me",
    // Not understanding what the assistant asks: the step's help.
    'jeg forstår ikke hvad du spørger om',
    // Another request or a follow-up question.
    'hvordan gør jeg det?',
    'og på engelsk?',
    'tak',
    'nej',
  ])('"%s" does not', (text) => expect(asksToExplainAgain(text)).toBe(false));
});
