/**
 * Round 22 (cases): conversations written before measuring — case requests and form values as users type them.
 * Each is a conversation (one message per line) and what a user should get. Run by test/dialogs/cases-round22.test.ts.
 */
export interface CaseScenario {
  name: string;
  says: string[];
  should: string;
}

export const CASE_SCENARIOS: CaseScenario[] = [
  // A problem in a named system, a case implied but not asked for.
  { name: 'invoice not received in IndFak, then yes', says: ['vi har ikke modtaget fakturaen fra Atea i IndFak', 'ja'], should: 'an article if one answers, and a case offered on IndFak; "ja" starts the case on IndFak' },
  { name: 'wrong pay in SLS, then ja opret', says: ['lønnen er forkert for en medarbejder i SLS', 'ja opret'], should: 'article + offer of a case on SLS/HR-Løn; "ja opret" starts it on SLS' },
  { name: 'rejected invoice in IndFak, then opret en sag', says: ['fakturaen fra Dell er blevet afvist i IndFak', 'opret en sag'], should: 'offer; then the case on IndFak (invoice form), problem afvist if read' },
  { name: 'English: invoice not received, then yes', says: ["we haven't received the invoice from Microsoft in IndFak", 'yes'], should: 'English offer of a case on IndFak; yes starts it' },
  { name: 'English: wrong salary in SLS, then yes please create a case', says: ['the salary is wrong for one of my employees in SLS', 'yes please create a case'], should: 'offer; case on SLS' },
  { name: 'RejsUd will not let me create a settlement, ja tak', says: ['RejsUd vil ikke lade mig oprette min rejseafregning', 'ja tak'], should: 'article + offer on RejsUd; ja tak → case on RejsUd' },
  { name: 'refusion missing in Statens Refusion, then opret', says: ['der mangler refusion for barsel i Statens Refusion', 'opret'], should: 'offer; opret → case on Statens Refusion' },
  { name: 'LDV report numbers do not match', says: ['tallene i min rapport i LDV stemmer ikke', 'ja'], should: 'offer; case on LDV' },
  { name: 'ISOLA login error, ja tak opret', says: ['hej, vi får en fejl når vi logger ind i ISOLA', 'ja tak, opret den'], should: 'offer; case on ISOLA' },
  { name: 'offer declined', says: ['vi har ikke modtaget fakturaen i IndFak', 'nej tak'], should: 'no case; a polite end' },
  { name: 'yes twice is one case', says: ['lønnen er forkert i SLS for en kollega', 'ja', 'ja'], should: 'one case dialog, never two' },
  { name: 'unpaid invoice 12345 from Dell', says: ['faktura 12345 fra Dell er ikke betalt', 'ja'], should: 'offer (or case); values kept if the case is started' },
  // Values typed after such an article.
  { name: 'values typed after the article', says: ['vi kan ikke finde fakturaen i IndFak', 'fakturanr 12345 fra Dell'], should: 'the values are not searched as a question: the case starts with them (or is offered)' },
  // Several values in one message at a form field.
  { name: 'three invoice values at Fakturanummer', says: ['opret sag om faktura i IndFak', 'Fakturaen er ikke modtaget', 'fakturanr 12345, leverandør Dell, beløb 4.500 kr'], should: 'Fakturanummer 12345, Leverandør Dell, Beløb 4500 filled; the next unfilled field asked' },
  { name: 'invoice values in a sentence', says: ['jeg skal lave en sag om en faktura i IndFak', 'afvist', 'det er faktura 998877 fra Lyreco på 12.300 kr'], should: 'the three values filled' },
  { name: 'English: several values', says: ['create a ticket about an invoice in IndFak', 'rejected', 'invoice 5566, supplier Lenovo, amount 2,000'], should: 'three values filled, English' },
  { name: 'new user name and e-mail at once', says: ['ny medarbejder skal have adgang til Navision Stat', 'Karen Jensen, karen.jensen@eksempelstyrelsen.dk'], should: 'name and e-mail filled' },
  { name: 'access removal with name, mail and date', says: ['luk adgangen til RejsUd for en kollega der er stoppet', 'Peter Hansen, peh@eksempelstyrelsen.dk, fra 1. januar'], should: 'name, e-mail, date filled' },
  // A required choice skipped.
  { name: 'required choice skipped', says: ['opret sag om faktura i IndFak', 'spring over'], should: 'says the choice must be answered, asks again' },
  { name: 'required choice: ved ikke', says: ['jeg vil oprette en sag om refusion', 'ved ikke'], should: 'explains / offers Andet, no skip' },
  { name: 'English: skip a required choice', says: ['open a ticket about a travel settlement in RejsUd', 'skip'], should: 'says it cannot be skipped, in English' },
  // Free requests in everyday words.
  { name: 'payroll error with a count', says: ['lønkørslen fejlede i går, 4 medarbejdere fik ikke løn'], should: 'case in Statens Løn og HR (SLS), fejl i lønkørsel' },
  { name: 'English payroll error paid twice', says: ['I need to report a payroll error, 3 employees got paid twice'], should: 'case, fejl i lønkørsel' },
  { name: 'booking in Navision does not go through', says: ['kan I hjælpe, vores bogføring i Navision Stat går ikke igennem for periode 2026-03', 'ja'], should: 'article or offer; case on Navision Stat' },
  { name: 'a case about pay, area in words', says: ['jeg vil gerne oprette en sag', 'det handler om løn'], should: 'area Statens Løn og HR picked' },
  { name: 'pension wrong', says: ['en medarbejder har fået forkert pension i SLS', 'ja'], should: 'offer; case on SLS' },
];
