/**
 * Unrelated questions an article answered in round 25 (issue 12: unrelated questions declined ≥ 0.95): general knowledge
 * asked of a kind of thing behind a word that otherwise asks for a fact ("hvad er et P-nummer", "hvad bruger man et
 * CVR-nummer til"), a thing that only begins the compound an article is about ("tjenestemand" of "Tjenestemandspension"),
 * a sentence that names its subject again taken for its definition, and how to do something with a product an article
 * only lists (knowledge/decline.ts `definitionNotHeld`, `definedPhrases`, `doingNotHeld`). Questions written for the
 * test, over the public articles.
 */
import { describe, expect, it } from 'vitest';
import { definedPhrases } from '../../knowledge/decline.js';
import { asksDefinition } from '../../knowledge/fact-kinds.js';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

describe('what a text defines', () => {
  it('is not a sentence that names its subject again ("Overenskomst svarer til vinduet Overenskomst")', () => {
    const defined = definedPhrases("Overenskomst svarer til vinduet Overenskomst. Et årsværk svarer til 1924 timer om året.");
    expect(defined).not.toContain('Overenskomst');
    expect(defined).toContain('Et årsværk');
  });

  it('of a kind of thing, is no word given with its value ("EAN-nummer 5798000010925" is one number)', () => {
    const text = 'En faktura skal indeholde EAN-nummer 5798000010925.';
    expect(definedPhrases(text)).toContain('EAN-nummer');
    expect(definedPhrases(text, { values: false })).not.toContain('EAN-nummer');
  });
});

describe('what a thing is for, asked of anyone', () => {
  it('is a definition asked ("hvad bruger man … til"), as "hvad bruges … til"', () => {
    expect(asksDefinition('hvad bruger man et CVR-nummer til?', 1)).toBe(true);
    expect(asksDefinition('hvad bruger man til at logge på RejsUd', 2)).toBe(false);
  });
});

describe('a kind of thing asked behind a word of a fact', () => {
  it('is declined when the article only names it ("hvad er et P-nummer", "what is an EAN number")', async () => {
    for (const question of ['hvad er et P-nummer', 'hvad er et EAN-nummer', 'what is an EAN number', 'hvad bruger man et CVR-nummer til']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('is the fact itself when asked of one thing ("EAN-nummeret til Statens It")', async () => {
    expect(answeredWith(await publicAnswer('hvad er EAN-nummeret til Statens It'))).toBe('statens-it-fakturering');
    expect(answeredWith(await publicAnswer('hvad bruger man PENSAB til'))).toBe('oes-oeav-sls');
  });
});

describe('a definition asked of the word that begins the compound an article is about', () => {
  it('is declined: the page on "Tjenestemandspension" is about a pension, not what a "tjenestemand" is', async () => {
    expect(reasonOf(await publicAnswer('hvad er en tjenestemand'))).toBe('definition-not-held');
    expect(answeredWith(await publicAnswer('hvad er tjenestemandspension'))).toBe('medst-tjenestemandspension');
  });

  it('is declined when the article only shows where the thing is ("Overenskomst svarer til vinduet Overenskomst")', async () => {
    expect(reasonOf(await publicAnswer('hvad er en overenskomst'))).toBe('definition-not-held');
  });
});

describe('how to do something with a product the article only lists', () => {
  it('is declined when the article has neither the doing nor anything of its subject ("hvordan opdaterer jeg Microsoft Edge")', async () => {
    for (const question of ['hvordan opdaterer jeg Microsoft Edge', 'how do I update Google Chrome']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('task-not-held');
    }
  });

  it('is answered when the article has the doing', async () => {
    expect(answeredWith(await publicAnswer('hvordan opsætter jeg en fraværsassistent'))).toBe('sa-indfak-tips');
  });
});

describe('the asker taking their own leave', () => {
  it('is declined as private life: the manager\'s and local HR\'s matter, not the refunds the articles speak of', async () => {
    for (const question of ['må jeg tage ferie inden jeg har optjent den', 'kan jeg gemme 5 feriedage til næste år', 'hvordan søger jeg orlov uden løn for at rejse']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });

  it('and negotiating their own pay, is declined as private life whatever article meets "løn"', async () => {
    for (const question of ['skal jeg selv forhandle min løn med chefen', 'hvordan forhandler jeg mig til en bedre løn']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
    // An institution's local pay negotiations are the pay statistics' subject.
    expect(reasonOf(await publicAnswer('vi skal forhandle løn lokalt, hvor kan vi se hvad andre i staten tjener'))).toBeUndefined();
  });

  it('is the time of the question, not what it asks, after "mens"/"når"', async () => {
    expect(reasonOf(await publicAnswer('hvordan sætter jeg en kollega til at godkende mine fakturaer mens jeg holder ferie'))).toBeUndefined();
  });
});

describe('the local IT\'s matters', () => {
  it('are declined: mail fraud, a virus and a computer of another make are no article\'s', async () => {
    for (const question of ['jeg har klikket på et link i en phishing mail', 'hvordan laver jeg et screenshot på min mac', 'I clicked a link in a phishing email']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });
});

describe('the difference between two things asked', () => {
  it('is two definitions: declined when the article neither is about nor defines either', async () => {
    expect(reasonOf(await publicAnswer('hvad er forskellen på en region og en kommune'))).toBe('definition-not-held');
  });

  it('is answered by the article about both', async () => {
    expect(answeredWith(await publicAnswer('hvad er forskellen på fejl og advis i SLS'))).toBe('sa-fejl-advis-sls');
  });
});

describe('a ticket to travel in English', () => {
  it('is no support ticket: a refund for a cancelled plane ticket is not the HR-sag article\'s', async () => {
    const result = await publicAnswer('can I get a refund for a cancelled plane ticket');
    expect(answeredWith(result)).not.toBe('sa-statens-hr-hr-sag');
    expect(result.kind).toBe('unknown');
  });
});
