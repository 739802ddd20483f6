/**
 * What the simulated users say in the benchmarks. Knowledge questions mix Danish, English,
 * typos and one unrelated question; the case dialog is one whole case as anna
 * (anna@eksempelstyrelsen.dk, attached to the shared mailbox loen@) types it. `{tag}` in the
 * description is replaced per dialog so the load test can find each case afterwards.
 */
export const KNOWLEDGE_QUESTIONS: readonly string[] = [
  'Hvordan nulstiller jeg min adgangskode?',
  'Hvad er en fællespostkasse?',
  'Hvordan opretter jeg en sag?',
  'Min rejseafregning er afvist, hvad gør jeg?',
  'Hvad bruges IndFak til?',
  'Hvad er en samtykkeerklæring?',
  'How do I reset my password?',
  'Hvordan bestiller jeg adgang til Navision Stat?',
  'Hvad koster en kop kaffe i kantinen?',
  'Hvor finder jeg lønsedlen i SLS?',
];

export const CASE_DIALOG_TURNS: readonly string[] = [
  'opret en sag',
  'Business Intelligence',
  'LDV',
  'Rapport eller data',
  'Fra mig',
  'Lønrapport pr. måned',
  'Manglende data',
  'marts 2026',
  'Rapporten viser ingen data for marts 2026 ({tag}).',
  'Bekræft',
];
