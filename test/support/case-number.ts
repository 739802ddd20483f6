/** A case number as the portal writes it (SA-2026-000123). */
export const CASE_NUMBER = /SA-\d{4}-\d{6}/;

/** The case number a reply names; throws with the reply when there is none, so a test fails saying why. */
export function createdNumber(text: string): string {
  const number = CASE_NUMBER.exec(text)?.[0];
  if (!number) throw new Error(`no case number in: ${text}`);
  return number;
}
