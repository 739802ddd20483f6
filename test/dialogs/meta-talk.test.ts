/**
 * Round 20 (exploratory test B, sections 3, 10 and 11): what the user says about the conversation itself.
 * A language asked for switches the user's language and shows the last answer again in it; a complaint gets an
 * apology, the desk's contact and a case; a decline as outside the portal offers no case with Statens
 * Administration in the same breath.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const CASE_DIALOG_ANY = /Hvilket område|Hvilket system|Hvilken formular|Jeg har valgt|Which area|Which system|Which form|I have chosen/;
const PHONE = /3392 ?9800/;

describe('the conversation itself', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when the other language is asked for after an answer', () => {
    it('shows the article again in its translation, and back again', async () => {
      await new Chat(world, ANNA).run([
        ['hvad er en fællespostkasse?', ['Kilde:', 'Fællespostkasser i Serviceportalen', 'Hjalp det?']],
        ['what about in English?', ['Source:', 'Shared mailboxes in the Service Portal', 'Did that help?', actions('Yes', 'No'), without('Kilde:')]],
        ['og så på dansk igen', ['Kilde:', 'Fællespostkasser i Serviceportalen', without('Source:')]],
      ]);
    });

    it('shows an English answer in Danish when asked in Danish words ("kan jeg få det på dansk")', async () => {
      await new Chat(world, ANNA).run([
        ['When will I get my payslip?', ['Source:', 'e-Boks']],
        ['kan jeg få det på dansk', ['Kilde:', 'Din lønseddel', 'e-Boks', without('Source:')]],
      ]);
    });

    it('shows an article that is only in Danish with the note that it is, in English words around it', async () => {
      await new Chat(world, ANNA).run([
        ['hvordan læser jeg et registerprint?', ['Kilde:', 'registerprint']],
        ['please translate that into English', ['This article is only available in Danish', 'Source:', 'registerprint', 'Did that help?']],
      ]);
    });

    it('shows the answer again after the feedback was given', async () => {
      await new Chat(world, ANNA).run([
        ['hvad er en fællespostkasse?', 'Hjalp det?'],
        ['ja', 'Godt at høre'],
        ['in English, please', ['Shared mailboxes in the Service Portal', 'Source:']],
      ]);
    });

    it('shows the desk\'s contact details again in English, asking nothing after them as the first time', async () => {
      await new Chat(world, ANNA).run([
        ['kan jeg tale med et menneske?', [PHONE, 'Kilde:']],
        ['in English please', [PHONE, 'Source:', without('Did that help?'), without('Kilde:')]],
      ]);
    });

    it('does not show an answer given before something else was answered', async () => {
      await new Chat(world, ANNA).run([
        ['hvad er en fællespostkasse?', 'Kilde:'],
        ['mine sager', 'Dine sager'],
        ['english please', ["I'll answer in English", without('Shared mailboxes'), without('Source:')]],
      ]);
    });
  });

  describe('when a language is asked for with nothing answered yet', () => {
    it.each(['can you answer in English?', "I don't speak Danish", 'could you write in English', 'jeg forstår ikke dansk'])(
      '"%s" is confirmed in English, not the case dialog or a decline',
      async (text) => {
        const reply = await new Chat(world, ANNA).say(text);
        expect(reply.text).toContain("write your question in English, and I'll answer in English");
        expect(reply.text).not.toMatch(CASE_DIALOG_ANY);
        expect(reply.text).not.toMatch(/cannot find|ikke finde|IT support|IT-support/);
      },
    );

    it('keeps the user in English for a question that shows no language of its own', async () => {
      await new Chat(world, ANNA).run([
        ["I don't speak Danish", 'Of course'],
        ['RejsUd', ['Source:', without('Kilde:')]],
      ]);
    });

    it('"kan du skrive på dansk" after English is confirmed in Danish', async () => {
      await new Chat(world, ANNA, { locale: 'en-US' }).run([
        ['hello', /./],
        ['kan du skrive på dansk', 'skriv dit spørgsmål på dansk, så svarer jeg på dansk'],
      ]);
    });

    it('a question about an English guide is a question, not a language asked for', async () => {
      const reply = await new Chat(world, ANNA).say('findes der en engelsk vejledning til RejsUd?');
      expect(reply.text).not.toMatch(/Selvfølgelig|Of course/);
      expect(reply.text).toMatch(/Kilde:|Mente du|ikke finde et svar/);
    });
  });

  describe('when a language is asked for inside a form', () => {
    it('asks the pending step again in the new language, and the form goes on in it', async () => {
      await new Chat(world, ANNA).run([
        ['opret en sag', 'Hvilket område'],
        ['can you answer in English?', ["let's continue in English", 'Which area', actions('Finance and Accounting'), without('Hvilket område')]],
        ['Finance and Accounting', /Which system|I have chosen/],
        ['på dansk tak', ['vi fortsætter på dansk', /Hvilket system|Jeg har valgt/]],
      ]);
    });
  });

  describe('when the user complains about the conversation', () => {
    it.each([
      'du fatter jo ingenting',
      'det virker stadig ikke',
      'jeg forstår ikke dit svar',
      'det var ikke det jeg spurgte om',
      'du er ikke til nogen hjælp',
      'sikke noget lort',
    ])('"%s" gets an apology, a request to say it otherwise or name the system, the desk\'s contact and a case', async (text) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.text).toContain('Undskyld');
      expect(reply.text).toMatch(/andre ord/);
      expect(reply.text).toMatch(/hvilket system/);
      expect(reply.text).toMatch(PHONE);
      expect(reply.actions).toContain('Opret en sag');
      expect(reply.text).not.toMatch(/Hej! Jeg er|ikke finde et svar|IT-support/);
    });

    it.each(["you're not understanding me", 'this bot is pointless', "that's not what I meant"])('"%s" gets the same in English', async (text) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.text).toContain('I am sorry');
      expect(reply.text).toMatch(/other words/);
      expect(reply.text).toMatch(PHONE);
      expect(reply.actions).toContain('Create a case');
    });

    it('inside a form, at a choice, gets an apology and the step explained again — not an option that shares a word', async () => {
      await new Chat(world, ANNA).run([
        ['opret en sag', 'Hvilket område'],
        ['du forstår mig ikke', ['Undskyld, det var ikke tydeligt nok', 'Vælg det område', 'Hvilket område', without('ikke en af mulighederne')]],
        ['Økonomi og Regnskab', 'Hvilket system'],
        ['det giver ingen mening', ['Undskyld, det var ikke tydeligt nok', 'Hvilket system', without('Emne')]],
      ]);
    });

    it('a problem in a system is still a case, not a complaint', async () => {
      const reply = await new Chat(world, ANNA).say('det virker ikke i IndFak');
      expect(reply.text).toMatch(CASE_DIALOG_ANY);
      expect(reply.text).not.toContain('Undskyld');
    });

    it('after an answer that did not help, says no to it and offers the case with the question', async () => {
      const before = world.feedback.feedback.length;
      await new Chat(world, ANNA).run([
        ['hvad er en fællespostkasse?', 'Hjalp det?'],
        ['det hjalp overhovedet ikke', ['Undskyld', actions('Opret en sag')]],
        ['Opret en sag', CASE_DIALOG_ANY],
      ]);
      expect(world.feedback.feedback.slice(before)).toEqual([expect.objectContaining({ question: 'hvad er en fællespostkasse?', helpful: false })]);
    });
  });

  describe('when a question is declined as outside the portal', () => {
    it.each(['hvordan bliver vejret i morgen?', 'fortæl mig en vittighed', 'hvem vandt fodboldkampen i går'])(
      '"%s" is told what the assistant answers, with no case offered',
      async (text) => {
        const reply = await new Chat(world, ANNA).say(text);
        expect(reply.text).toContain('Jeg svarer på spørgsmål om løn, regnskab');
        expect(reply.text).not.toMatch(/oprette en sag|Statens Administration/);
        expect(reply.actions).toEqual(['Spørg på en anden måde']);
      },
    );

    it('"tell me a joke" is declined in English, with no case offered', async () => {
      const reply = await new Chat(world, ANNA).say('tell me a joke');
      expect(reply.text).toContain('I answer questions about payroll');
      expect(reply.actions).toEqual(['Ask another way']);
    });

    it('"Spørg på en anden måde" asks for other words', async () => {
      await new Chat(world, ANNA).run([
        ['skanneren på kontoret virker ikke', ['lokale IT-support', without('oprette en sag')]],
        ['Spørg på en anden måde', 'Skriv gerne dit spørgsmål med andre ord'],
      ]);
    });

    it('an in-scope question the knowledge base cannot answer still offers the case', async () => {
      const reply = await new Chat(world, ANNA).say('hvorfor er min kollegas løntillæg ikke kommet med i oktober lønnen?');
      expect(reply.text).toContain('oprette en sag');
      expect(reply.actions).toEqual(expect.arrayContaining(['Opret en sag', 'Spørg på en anden måde']));
    });
  });
});
