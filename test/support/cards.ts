/**
 * One of every card the assistant sends, in both languages and both action kinds: every form of
 * the catalogue (blank, with errors, submitted), every kind of single question, the chooser, the
 * case card and list, notifications, the welcome, buttons and "not yours" cards.
 */
import type { AdaptiveCard } from '../../dialogs/cards/card-schema.js';
import {
  questionFromField,
  renderButtonsCard,
  renderCaseCard,
  renderCaseListCard,
  renderFormCard,
  renderFormChooserCard,
  renderNotificationCard,
  renderNotYoursCard,
  renderQuestionCard,
  renderSubmittedFormCard,
  renderWelcomeCard,
  type CardActionKind,
} from '../../dialogs/cards/render.js';
import { catalogue, type Case, type CaseDomainEvent, type CaseEvent, type FieldProblem, type Language } from '../../portal/index.js';

export const sampleCase: Case = {
  id: 'c1',
  number: 'SA-2026-000042',
  areaId: 'oekonomi',
  systemId: 'indfak',
  formId: 'oekonomi.faktura',
  formVersion: 1,
  values: { problem: 'betaling', fakturanummer: 'F-1', leverandoer: 'A/S', beskrivelse: 'Fakturaen er ikke betalt endnu.' },
  subject: 'Faktura **ikke** betalt ${x} <b>nu</b>',
  institutionId: 'eksempelstyrelsen',
  requesterId: 'u1',
  sentFromId: 'u1',
  status: 'afventer_kunde',
  createdAt: '2026-03-01T09:05:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
};

const events: CaseEvent[] = [
  { type: 'created', at: '2026-03-01T09:05:00.000Z', status: 'modtaget' },
  { type: 'status_changed', at: '2026-03-01T10:00:00.000Z', from: 'modtaget', to: 'afventer_kunde', note: 'Vi mangler et bilag.' },
  { type: 'comment', at: '2026-03-01T11:00:00.000Z', author: 'agent', text: 'Send venligst fakturaen.' },
] as CaseEvent[];

const ref = { caseId: 'c1', caseNumber: 'SA-2026-000042', subject: 'Faktura ikke betalt', institutionId: 'eksempelstyrelsen', requesterId: 'u1', sentFromId: 'u1' };
const statusEvent = { ...ref, type: 'case.status_changed', from: 'under_behandling', to: 'loest', note: 'Betalt.', actor: { kind: 'agent', agentId: 'a' }, at: '2026-03-02T10:00:00.000Z' } as unknown as CaseDomainEvent;
const commentEvent = { ...ref, type: 'case.commented', author: 'agent', text: 'Vi har brug for **bilaget**.', actor: { kind: 'agent', agentId: 'a' }, at: '2026-03-02T10:00:00.000Z' } as unknown as CaseDomainEvent;

export function everyCard(): Array<[string, AdaptiveCard]> {
  const out: Array<[string, AdaptiveCard]> = [];
  const add = (name: string, card: AdaptiveCard | undefined): void => {
    if (card) out.push([name, card]);
  };
  const areaNames = Object.fromEntries(catalogue.areas.map((a) => [a.id, a.name]));
  for (const lang of ['da', 'en'] as Language[]) {
    for (const kind of ['submit', 'execute'] as CardActionKind[]) {
      const at = `${lang}/${kind}`;
      for (const form of catalogue.forms) {
        const options = { dialogInstanceId: 'dlg-1', action: kind, ownerId: '29:anna', institutions: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], systems: form.systemIds.map((id) => ({ id, name: id })), mailboxes: [{ id: 'm', name: 'Løn' }] };
        add(`form ${form.id} ${at}`, renderFormCard(form, {}, [], lang, options));
        const errors: FieldProblem[] = form.fields.map((f) => ({ fieldId: f.id, code: f.type === 'date' ? 'FORM.INVALID_DATE' : f.type === 'number' ? 'FORM.INVALID_NUMBER' : 'FORM.REQUIRED', message: { da: 'Fejl.', en: 'Error.' } }));
        add(`form ${form.id} with errors ${at}`, renderFormCard(form, {}, [...errors, { fieldId: '', code: 'FORM.INVALID_TYPE', message: { da: 'Generel fejl.', en: 'General error.' } }], lang, options));
      }
      const faktura = catalogue.forms.find((f) => f.id === 'oekonomi.faktura');
      if (faktura) {
        for (const field of faktura.fields) add(`question ${field.type} ${field.id} ${at}`, renderQuestionCard(questionFromField(field, 'dlg-2', undefined, { da: 'Fejl.', en: 'Error.' }), lang, kind));
        add(`confirm ${at}`, renderQuestionCard({ kind: 'confirm', fieldId: 'confirm', label: { da: 'Tjek dine svar', en: 'Check your answers' }, dialogInstanceId: 'dlg-3', summary: [{ label: { da: 'Emne', en: 'Subject' }, value: 'x' }] }, lang, kind));
      }
      add(`chooser ${at}`, renderFormChooserCard(catalogue.forms, areaNames, lang, 'dlg-4', kind, '29:anna'));
      add(`case list ${at}`, renderCaseListCard(Array.from({ length: 6 }, (_, i) => ({ ...sampleCase, number: `SA-2026-00000${i + 1}`, subject: i % 2 ? sampleCase.subject : 'Løn til ny medarbejder' })), lang, { hasMore: true, action: kind, ownerId: '29:anna' }));
      add(`status notification ${at}`, renderNotificationCard(statusEvent, lang, { ownerId: '29:anna', action: kind }));
      add(`comment notification ${at}`, renderNotificationCard(commentEvent, lang, { ownerId: '29:anna', action: kind }));
    }
    if (catalogue.forms[0]) add(`submitted ${lang}`, renderSubmittedFormCard(catalogue.forms[0], sampleCase.values as never, sampleCase.number, lang));
    add(`case ${lang}`, renderCaseCard(sampleCase, events, lang));
    add(`empty case list ${lang}`, renderCaseListCard([], lang));
    add(`welcome personal ${lang}`, renderWelcomeCard(lang, 'personal', [{ title: 'Stil et spørgsmål', text: 'Stil et spørgsmål' }]));
    add(`welcome team ${lang}`, renderWelcomeCard(lang, 'team', [{ title: 'Stil et spørgsmål', text: 'Stil et spørgsmål' }]));
    add(`buttons ${lang}`, renderButtonsCard(['Ja', 'Nej'], lang));
    add(`not yours ${lang}`, renderNotYoursCard('Kortet tilhører en anden', 'Skriv til mig i en privat chat.', lang));
  }
  return out;
}
