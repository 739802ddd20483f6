import { describe, expect, it } from 'vitest';
import { knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

describe('the passage shown for "hvad er …" (round 27)', () => {
  // An article whose subject is said in its opening, and which tells further down what one part of it is. Every passage
  // names the subject (the search weighs it); the title names the part too, so the title tells no passage from another.
  // The passages are paragraphs too long to be joined.
  const body = [
    'Lønportalen er kundernes indgang til lønbestillinger hos lønadministrationen. I Lønportalen udfylder man blanketter om ansættelser, ændringer og fratrædelser, og Lønportalen sender dem videre til sagsbehandling. Adgang til Lønportalen bestilles af institutionens bestiller, som også sørger for at fjerne adgangen, når en medarbejder fratræder eller skifter opgaver.',
    'Arkivet i Lønportalen er en samlet oversigt over alle blanketter, institutionen har indsendt, med dato, status og sagsbehandlerens bemærkninger. Blanketterne i arkivet gemmes i fem år og kan åbnes og udskrives af alle med adgang til institutionens blanketter. Man kan søge i arkivet på lønnummer, blankettype og periode.',
    'Kladderne i Lønportalen er blanketter, der er påbegyndt, men ikke indsendt. En kladde slettes automatisk efter 30 dage, hvis den ikke er indsendt, og den kan kun ses af den medarbejder i Lønportalen, der har oprettet den. Vil en kollega overtage blanketten, skal den først indsendes eller udskrives og udfyldes på ny af kollegaen.',
  ].join('\n\n');
  const kb = knowledgeBaseFromArticles([
    article({ id: 'loenportal', title: 'Lønportalen: arkivet og kladder', body }),
    article({ id: 'andet', title: 'Rejser', body: 'Rejseafregninger laves i RejsUd. Godkendelsen sker hos chefen.' }),
  ]);
  const shown = (question: string): string => {
    const result = kb.answer(question);
    return result.kind === 'answered' ? result.passage.text : result.kind;
  };

  it('is the passage that first names the one thing asked, when the article tells of it further down', () => {
    expect(shown('hvad er arkivet i lønportalen')).toMatch(/^Arkivet i Lønportalen er/);
    expect(shown('hvad er en kladde i lønportalen')).toMatch(/^Kladderne i Lønportalen er/);
  });

  it('is still the opening when the article is about what is asked', () => {
    expect(shown('hvad er lønportalen')).toMatch(/^Lønportalen er kundernes/);
  });
});

describe('the passage shown when a question says "i forhold til", "i stedet for", "på grund af" (round 27)', () => {
  // One passage says "i forhold til" of something else; another holds what is asked. Neither says the asker's own
  // word for the event ("starten"); the compound preposition must not decide between them.
  const body = [
    'Kurserne i kursuskataloget er som udgangspunkt gratis for institutionens medarbejdere. Enkelte kurser har en deltagerafgift, som typisk er lav i forhold til markedsprisen, og afgiften fremgår af kursusbeskrivelsen. Afgiften betales af medarbejderens afdeling, og den faktureres samlet én gang i kvartalet. Prisen for eksterne deltagere er højere og aftales med udbyderen.',
    'Afmelding af et kursus sker i kursuskataloget under "Mine tilmeldinger". Man kan afmelde sig uden betaling senest 14 dage før kurset begynder; afmelder man sig senere, opkræves den fulde deltagerafgift. Ved sygdom kan lederen bede om, at afgiften frafaldes, hvis der sendes besked inden kurset. En kollega kan overtage pladsen uden ekstra betaling.',
  ].join('\n\n');
  const kb = knowledgeBaseFromArticles([
    article({ id: 'kurser', title: 'Kurser: afgift og afmelding', body }),
    article({ id: 'andet', title: 'Rejser', body: 'Rejseafregninger laves i RejsUd. Godkendelsen sker hos chefen.' }),
  ]);
  const shown = (question: string): string => {
    const result = kb.answer(question);
    return result.kind === 'answered' ? result.passage.text : result.kind;
  };

  it('is the passage that holds what is asked, not one that says the same preposition', () => {
    expect(shown('hvad er reglerne for at melde fra et kursus i forhold til starten')).toMatch(/^Afmelding af et kursus/);
  });
});
