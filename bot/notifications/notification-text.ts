import { statusLabel, type CaseDomainEvent } from '../../portal/index.js';
import type { Locale } from '../locale.js';

/**
 * The proactive message for a case event, in the user's language. Plain text (the message is
 * sent with textFormat plain), so a subject or comment is shown as typed.
 */
export function notificationText(event: CaseDomainEvent, locale: Locale): string | undefined {
  const en = locale === 'en';
  const which = en ? `case ${event.caseNumber} "${event.subject}"` : `sag ${event.caseNumber} "${event.subject}"`;
  const more = en ? `Write "status ${event.caseNumber}" to see the case.` : `Skriv "status ${event.caseNumber}" for at se sagen.`;
  switch (event.type) {
    case 'case.status_changed': {
      const head = en
        ? `The status of ${which} has changed from ${statusLabel(event.from, 'en')} to ${statusLabel(event.to, 'en')}.`
        : `Status på ${which} er ændret fra ${statusLabel(event.from, 'da')} til ${statusLabel(event.to, 'da')}.`;
      const note = event.note ? (en ? `\n\nNote from the service desk: ${event.note}` : `\n\nBemærkning fra servicedesken: ${event.note}`) : '';
      return `${head}${note}\n\n${more}`;
    }
    case 'case.commented':
      if (event.author !== 'agent') return undefined;
      return en
        ? `The service desk has commented on ${which}:\n\n${event.text}\n\n${more}`
        : `Servicedesken har skrevet en kommentar på ${which}:\n\n${event.text}\n\n${more}`;
    default:
      return undefined;
  }
}

/** Whether an event is one users are told about: a status change, or an agent's comment. */
export function isNotifiable(event: CaseDomainEvent): boolean {
  return event.type === 'case.status_changed' || (event.type === 'case.commented' && event.author === 'agent');
}
