import { formsFor, getArea, getForm, isFieldVisible, systemsOf, type Field } from '../../portal/index.js';
import { matchTolerant } from '../../dialogs/matching.js';
import type { TranscriptRow } from './conversation.js';

/** How to walk one case through the dialog. */
export interface CasePlan {
  areaId: string;
  /** What the user types for the area (default: its Danish name). */
  areaSays?: string;
  /** System as the user types it, or undefined when the area has none to ask. */
  systemSays?: string;
  formId: string;
  /** The user may send from a mailbox: answer this ("Fra mig", "loen@…"). */
  sentFromSays?: string;
  /** Answers per field id (default: a valid answer for its type). */
  answers?: Record<string, string>;
}

const OVERRIDES: Record<string, string> = {
  regnskabsperiode: '03-2026',
  // As the field's help suggests; "Test af hvilken periode gælder det?" reads as a question and is asked of the knowledge base.
  periode: 'marts 2026',
  cvr: '12345678',
  medarbejdernummer: '1001',
  institutioner: 'Testministeriet',
  brugerEmail: 'peter@eksempelstyrelsen.dk',
};

/** A valid chat answer for a field. */
export function validAnswer(field: Field): string {
  const override = OVERRIDES[field.id];
  if (override) return override;
  switch (field.type) {
    case 'text':
      // A value of the kind the field asks for: a code has digits, a name or a short text is a plain phrase.
      if (field.shape === 'code') return `T-${1000 + field.id.length}`;
      if (field.shape === 'name') return 'Kontorforsyningen A/S';
      return `Test af ${field.label.da.toLowerCase().replace(/[?]/g, '')}`.slice(0, field.maxLength);
    case 'longText':
      return 'Der er et problem, som jeg gerne vil have hjælp til hurtigst muligt.';
    case 'choice':
    case 'multiChoice':
      return field.choices[0]?.label.da ?? '';
    case 'date':
      return '01-03-2026';
    case 'email':
      return 'peter@eksempelstyrelsen.dk';
    case 'phone':
      return '12345678';
    case 'number':
      return '3';
    case 'yesNo':
      return 'ja';
  }
}

/** The transcript of a whole case, generated from the catalogue: each answer and the next question it must bring. */
export function caseTranscript(plan: CasePlan): TranscriptRow[] {
  const area = getArea(plan.areaId);
  const form = getForm(plan.formId);
  if (!area || !form) throw new Error(`bad plan ${plan.areaId}/${plan.formId}`);
  const rows: TranscriptRow[] = [];
  const asks: string[] = [];
  const answers: string[] = [];
  asks.push('Hvilket område');
  answers.push(plan.areaSays ?? area.name.da);
  const systemChoices = systemsOf(area.id).map((s) => ({ id: s.id, label: { da: s.name, en: s.name }, aliases: s.aliases }));
  const systemId = plan.systemSays ? (matchTolerant(systemChoices, plan.systemSays)?.id ?? null) : null;
  if (systemsOf(area.id).length > 0) {
    asks.push('Hvilket system');
    answers.push(plan.systemSays ?? 'Intet bestemt system');
  }
  if (formsFor(area.id, systemId).length > 1) {
    asks.push('Hvilken formular');
    answers.push(form.title.da);
  }
  if (plan.sentFromSays) {
    asks.push('Skal sagen sendes fra');
    answers.push(plan.sentFromSays);
  }
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (!isFieldVisible(field, values)) continue;
    asks.push(field.label.da);
    const answer = plan.answers?.[field.id] ?? validAnswer(field);
    answers.push(answer);
    if (field.type === 'choice') values[field.id] = field.choices.find((c) => c.label.da === answer || c.id === answer)?.id;
  }
  asks.push('Her er din sag');
  rows.push(['opret en sag', asks[0] ?? '']);
  answers.forEach((answer, i) => rows.push([answer, asks[i + 1] ?? '']));
  rows.push(['Bekræft', 'Din sag er oprettet med nummeret']);
  return rows;
}
