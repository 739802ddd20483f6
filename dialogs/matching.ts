/**
 * Tolerant matching of typed answers to choices: "rejs ud", "indfak", "2", "økonmi" (a typo).
 * Pure; the form engine and the dialogs share it.
 */
import { matchKey, type Localized } from '../portal/index.js';

/** A choice the user can pick by id, label (da/en), alias or number. */
export interface Choice {
  readonly id: string;
  readonly label: Localized;
  readonly aliases?: readonly string[];
}

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * cols + j] = v;
    }
  }
  return at(a.length, b.length);
}

function keysOf(choice: Choice): string[] {
  return [choice.id, choice.label.da, choice.label.en, ...(choice.aliases ?? [])].map(matchKey).filter((k) => k !== '');
}

/** How many typos a key of this length tolerates. */
function tolerance(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/**
 * The choice a typed answer names, or undefined when none or several fit equally. In order: its
 * number in the list; an exact id, label or alias (ignoring case, spaces, æ/ø/å spelling); a
 * unique label that starts with or is contained in the answer; the one label within a typo or two.
 */
export function matchTolerant<C extends Choice>(choices: readonly C[], input: string): C | undefined {
  const raw = input.trim();
  if (raw === '') return undefined;
  if (/^\d{1,2}[.)]?$/.test(raw)) {
    const n = Number.parseInt(raw, 10);
    if (n >= 1 && n <= choices.length) return choices[n - 1];
  }
  const key = matchKey(raw);
  if (key === '') return undefined;
  const exact = choices.filter((c) => keysOf(c).includes(key));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;

  if (key.length >= 3) {
    const prefix = choices.filter((c) => keysOf(c).some((k) => k.startsWith(key)));
    if (prefix.length === 1) return prefix[0];
    const contained = choices.filter((c) => keysOf(c).some((k) => k.length >= 3 && key.includes(k)));
    if (contained.length === 1) return contained[0];
  }

  let best: C | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const choice of choices) {
    for (const k of keysOf(choice)) {
      const distance = editDistance(key, k);
      if (distance > tolerance(Math.min(key.length, k.length))) continue;
      if (distance < bestDistance) {
        best = choice;
        bestDistance = distance;
        tie = false;
      } else if (distance === bestDistance && best !== choice) {
        tie = true;
      }
    }
  }
  return tie ? undefined : best;
}

/**
 * {@link matchTolerant}, and then a part of one name: "ministeriet" for "Testministeriet",
 * "styrelsen" when only one name holds it. For lists of names (institutions), where a user types
 * the part that they say aloud. The part must be five letters or more and fit one choice only.
 */
export function matchNamePart<C extends Choice>(choices: readonly C[], input: string): C | undefined {
  const found = matchTolerant(choices, input);
  if (found) return found;
  const key = matchKey(input);
  if (key.length < 5) return undefined;
  const holding = choices.filter((c) => keysOf(c).some((k) => k.includes(key)));
  return holding.length === 1 ? holding[0] : undefined;
}
