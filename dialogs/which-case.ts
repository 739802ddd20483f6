/**
 * Which of the user's own cases a request without a case number means ("status på den nyeste", "hvad sker der
 * med min sag om rejseafregningen", "what's the status of my invoice case", "har I svaret på min sag?" from a user
 * with one case). Pure: the cases come from the portal, newest first.
 */
import { getArea, getForm, getSystem, matchWords, type Case, type Catalogue } from '../portal/index.js';

/** The newest case asked for ("den nyeste", "min seneste sag", "my latest ticket", "the most recent one"). */
const NEWEST = /(?<![\p{L}\d])(?:nyeste|seneste|sidste|nyligste|newest|latest|last|most\s+recent)(?![\p{L}\d])/iu;

/** Words that say nothing of which case: the case itself, how it stands, asking (in matchWords' spelling: å as aa). */
const GENERIC = new Set(
  (
    'sag sagen sager sagerne henvendelse henvendelsen henvendelser ticket tickets case cases request requests inquiry status ' +
    'svar svaret svare svarer nyt nyheder news sket sker gaar gik staar stod kommet langt behandlet behandling kigget set ' +
    'faerdig faerdige loest lukket aaben aabne endnu stadig snart nogensinde ' +
    'hvad hvordan hvornaar hvorfor hvor noget nogen mine min mit jeres jer mig dig vores ' +
    'what whats how when where why about with from have has been there their your you that this the and for any anything ' +
    'happening happened going progress update updates done finished solved resolved answered replied looked handled ' +
    'open closed yet still now far got get ' +
    'med til fra det den der har jeg kan vil skal kunne ville paa ved hos ' +
    'kommentar kommentere kommenter tilfoej skriv besvar vedhaeft vedhaefte vedlaeg fil filen filer bilag ' +
    'screenshot skaermbillede add comment write reply answer attach file files document upload'
  ).split(' '),
);

/** Two words are one when they share their first five letters ("rejseafregningen"/"rejseafregning", "invoices"/"invoice"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
}

/** What a case is about, in words: its subject, its form's titles, its system and its area (both languages, aliases). */
function aboutWords(c: Case, cat: Catalogue): string[] {
  const form = getForm(c.formId, cat);
  const system = c.systemId ? getSystem(c.systemId, cat) : undefined;
  const area = getArea(c.areaId, cat);
  const texts = [c.subject, form?.title.da, form?.title.en, ...(form?.aliases ?? []), system?.name, ...(system?.aliases ?? []), area?.name.da, area?.name.en];
  return texts.flatMap((t) => (t ? matchWords(t) : [])).filter((w) => w.length >= 3 && !GENERIC.has(w));
}

/**
 * The one case of `cases` (newest first) the text means: the newest when it asks for the newest; else the one case
 * whose subject, form, system or area the text's own words name; else, when its words name nothing at all, the only
 * case of a user with one. Undefined when it is not clear.
 */
export function caseMeant(text: string, cases: readonly Case[], cat: Catalogue): Case | undefined {
  if (cases.length === 0) return undefined;
  if (NEWEST.test(text)) return cases[0];
  const said = matchWords(text).filter((w) => w.length >= 3 && !GENERIC.has(w));
  if (said.length > 0) {
    const named = cases.filter((c) => {
      const about = aboutWords(c, cat);
      return said.some((w) => about.some((a) => sameWord(a, w)));
    });
    // Words of substance that name none of the cases, or several: not clear.
    return named.length === 1 ? named[0] : undefined;
  }
  return cases.length === 1 ? cases[0] : undefined;
}
