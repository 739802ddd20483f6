/**
 * Answers the case dialog's questions for the Navision Stat booking case by what each question
 * asks (not by position), until a question the caller handles itself comes up.
 */
export function answerFor(reply: string): string | undefined {
  const asked = [...reply.matchAll(/\*\*([^*]+)\*\*(?: \((?:valgfrit|optional)\))?/g)].pop();
  const question = asked?.[0] ?? reply;
  if (/Hvilken formular/.test(question)) return 'Bogføring og regnskab i Navision Stat';
  if (/sendes fra dig eller fra en fællespostkasse/.test(question)) return 'Fra mig';
  if (/Regnskabsperiode/.test(question)) return '03-2026';
  if (/Haster sagen/.test(question)) return 'Nej';
  if (/\(valgfrit\)/.test(question)) return 'spring over';
  if (/Beskriv|beskrivelse|problemet/i.test(question)) return 'Bogføringen i Navision Stat fejler med en fejlkode, når jeg bogfører et bilag.';
  return undefined;
}

/** The first message that starts the case. */
export const START_CASE = 'opret en sag om en fejl i Navision Stat';
export const FILES_QUESTION = /Vil du vedhæfte filer/;
export const SUMMARY_QUESTION = /Skal jeg sende den/;
