import { describe, expect, it } from 'vitest';
import { knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { passageLabels } from '../../knowledge/answerer.js';
import { testArticle as article } from '../support/articles.js';

describe('the passage shown for "hvad er X" when the article labels a passage with X (round 28)', () => {
  // An opening that names three tools in one sentence, then a paragraph for each, labelled with its name. The opening names
  // each tool as a whole word, as its own passage does; the label says which passage tells what the tool is.
  const body = [
    'Lønstatistik er et vigtigt redskab ved lokale lønforhandlinger, nyansættelser og sammenligninger af løn mellem institutioner. Styrelsen stiller et digitalt statistiksystem til rådighed, så arbejdsgiverne kan få overblik over lønniveau, lønspredning og lønudvikling. Systemet består af Lønkikkert, Statistikbank og Nøgletalsmail og opdateres løbende.',
    'Lønkikkert: her kan man let trække oplysninger om lønniveau og lønspredning på institutionen og sammenligne med andre statslige arbejdspladser. Værktøjet er lavet som støtte til lokale lønforhandlinger og er offentligt tilgængeligt for alle. Man kan ikke trække oplysninger om enkeltpersoners løn her.',
    'Statistikbank: en udvidet version med mange oplysninger om løn og personale i statslige institutioner, fx lønudvikling, tillægsfordelinger, indplaceringsniveauer og ligestillingsoplysninger, samt sygefravær og personaleomsætning for hele staten. Oplysningerne kan trækkes ud på detaljeret niveau for egne ansatte og bruges til egne analyser i et regneark, og de opdateres hvert kvartal.',
  ].join('\n\n');
  const kb = knowledgeBaseFromArticles([
    article({ id: 'loenstatistik', title: 'Lønstatistik i staten', body }),
    article({ id: 'andet', title: 'Rejser', body: 'Rejseafregninger laves i RejsUd. Godkendelsen sker hos chefen.' }),
  ]);
  const shown = (question: string): string => {
    const result = kb.answer(question);
    return result.kind === 'answered' ? result.passage.text : result.kind;
  };

  it('is the passage labelled with what is asked, not the opening that names it among others', () => {
    expect(shown('hvad er statistikbank')).toMatch(/^Statistikbank: en udvidet version/u);
    expect(shown('hvad er lønkikkert')).toMatch(/^Lønkikkert: her kan man/u);
  });

  it('is still the opening when the article is about what is asked', () => {
    expect(shown('hvad er lønstatistik')).toMatch(/^Lønstatistik er et vigtigt redskab/u);
  });

  it('reads labels that open a line or a list item, of a few words, not a sentence that ends in a colon', () => {
    expect(passageLabels('ISOLA3: en udvidet version.\n- Fejl: Prøver man fx at oprette.\nSådan gør man:\n1. Klik')).toEqual(['ISOLA3', 'Fejl']);
    expect(passageLabels('Ansat før 1. april 2002: 100 % af grundlaget.')).toEqual([]);
    expect(passageLabels('Hvis man vil have hjælp til noget helt andet: kontakt os.')).toEqual([]);
  });
});
