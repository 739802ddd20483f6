import { ConnectorListener, messageActivity, postActivity } from './connector-listener.js';

/** The replies of one turn: their texts joined, and the HTTP status of the post. */
export interface TurnReply {
  status: number;
  text: string;
}

/** What the turn-error handler says when something broke (never a sensible answer to a turn). */
export const FAILURE_REPLY = /gik noget galt hos mig|kan ikke nå mine data|Skriv det venligst igen/;

/**
 * Types into /api/messages of any assistant (in-process or a child process) as a given user and
 * collects the bot's replies to exactly that activity (by replyToId), so turns of one conversation
 * sent at the same time to different processes are told apart. With authentication off the replies
 * are posted before /api/messages answers, so they are all in when the post returns.
 */
export class Chat {
  readonly connector = new ConnectorListener();
  serviceUrl = '';

  async start(): Promise<this> {
    this.serviceUrl = await this.connector.start();
    return this;
  }

  async say(baseUrl: string, from: string, conversationId: string, text: string): Promise<TurnReply> {
    const activity = messageActivity({ serviceUrl: this.serviceUrl, conversationId, text, from });
    const response = await postActivity(baseUrl, activity);
    await response.arrayBuffer();
    const replies = this.connector.received.filter((a) => a.replyToId === activity.id);
    return { status: response.status, text: replies.map((a) => a.text ?? '').join('\n\n') };
  }

  stop(): Promise<void> {
    return this.connector.stop();
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
