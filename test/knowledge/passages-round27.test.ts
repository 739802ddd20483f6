import { describe, expect, it } from 'vitest';
import { splitIntoPassages } from '../../knowledge/passages.js';
import { testArticle as article } from '../support/articles.js';

describe('a list after a long paragraph (round 27)', () => {
  const prose =
    'Tjeklisten hjælper nye medarbejdere i lønteamet med månedens opgaver. Den bygger på teamets forretningsgange og opdateres, når en proces ændres. ' +
    'Spørgsmål til tjeklisten stilles til teamlederen, som også godkender ændringer. Listen er vejledende og erstatter ikke de gældende procedurer, ' +
    'men den giver et overblik over rækkefølgen af opgaverne, så intet bliver glemt i en travl måned med mange lønændringer og nyansættelser.';
  const steps = [
    '1. Senest tre hverdage efter månedens start kontrolleres alle timesedler fra forrige måned.',
    '2. Omkring den 10. i måneden indberettes tillæg og ændringer i lønsystemet.',
    '3. Dagen før lønkørslen gennemgås kontrollisten, og fejl rettes, inden systemet lukker kl. 16.00.',
    '4. Efter lønkørslen afstemmes lønnen mod regnskabet, og afvigelser meldes til teamlederen.',
    '5. Sidst i måneden arkiveres bilagene, og tjeklisten for næste måned gøres klar.',
  ];

  it('keeps the list whole with its lead line, rather than leaving its first item with the paragraph before it', () => {
    const passages = splitIntoPassages(article({ id: 'tjekliste', body: `${prose}\n\nSådan gør du:\n${steps.join('\n')}` }));
    const withList = passages.filter((passage) => passage.text.includes('1. Senest tre hverdage'));
    expect(withList).toHaveLength(1);
    expect(withList[0]?.text).toMatch(/^Sådan gør du:\n1\. Senest/);
    for (const step of steps) expect(withList[0]?.text).toContain(step);
    expect(passages[0]?.text).not.toContain('1. Senest');
  });

  it('keeps the lead paragraph that ends in a colon with its list', () => {
    const passages = splitIntoPassages(article({ id: 'tjekliste', body: `${prose} Sådan gør du:\n${steps.join('\n')}` }));
    const withFirst = passages.find((passage) => passage.text.includes('1. Senest tre hverdage'));
    expect(withFirst?.text).toContain('Sådan gør du:');
  });

  it('still cuts a list too long for one passage between its items', () => {
    const long = Array.from({ length: 12 }, (_, i) => `${i + 1}. Opgave nummer ${i + 1} skal være udført senest ${i + 2} dage før lønkørslen, ellers kommer den med næste måned.`);
    const passages = splitIntoPassages(article({ id: 'lang', body: `${prose}\n\nSådan gør du:\n${long.join('\n')}` }));
    expect(passages.filter((passage) => passage.text.includes('Opgave nummer')).length).toBeGreaterThan(1);
  });
});
