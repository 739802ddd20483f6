import { ChatClient } from '../../scripts/eval/chat-client.js';

/** The replies of one turn: their texts joined, and the HTTP status of the post. */
export interface TurnReply {
  status: number;
  text: string;
}

/** What the turn-error handler says when something broke (never a sensible answer to a turn). */
export const FAILURE_REPLY = /gik noget galt hos mig|kan ikke nå mine data|Skriv det venligst igen/;

/** The chat:eval client ({@link ChatClient}) with the replies' texts joined, as most tests want them. */
export class Chat extends ChatClient {
  async say(baseUrl: string, from: string, conversationId: string, text: string): Promise<TurnReply> {
    const { status, replies } = await this.turn(baseUrl, { from, conversationId, text });
    return { status, text: replies.map((r) => r.text).join('\n\n') };
  }
}

/**
 * One whole case as anna types it (from the shared mailbox loen@): each answer and a text the
 * bot's reply must contain. The description carries `tag` so the case can be found afterwards.
 */
export function annaCaseTurns(description: string): Array<[say: string, expect: string]> {
  return [
    ['opret en sag', 'Hvilket område'],
    ['Statens Løn og HR', 'Hvilket system'],
    ['SLS', 'Hvilken formular'],
    ['Fejl i lønkørsel', 'Skal sagen sendes fra'],
    ['loen@eksempelstyrelsen.dk', 'Udbetalingsdato'],
    ['27-03-2026', 'Hvilke fejl'],
    ['Manglende udbetaling', 'Antal berørte'],
    ['2', 'Haster sagen?'],
    ['ja', 'Beskrivelse'],
    [description, 'Telefonnummer'],
    ['spring over', 'Her er din sag'],
    ['Bekræft', 'Din sag er oprettet med nummeret'],
  ];
}

export const ANNA = 'anna@eksempelstyrelsen.dk';

export function caseNumberIn(text: string): string | undefined {
  return /SA-\d{4}-\d{6}/.exec(text)?.[0];
}
