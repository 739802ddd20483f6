import type { TurnContext } from 'botbuilder';
import type { User } from '../portal/index.js';
import type { ChannelAccount, Language, Recognition, ResolvedIdentity, RouteDecision } from './ports.js';

/** What the bot has worked out about the current turn before the dialogs run. */
export interface TurnInfo {
  lang: Language;
  /** The user's text, mentions stripped. */
  text: string;
  recognition: Recognition;
  /** What the router decided this turn means (bot/routing.ts); the dialogs act on it. */
  decision: RouteDecision;
  /**
   * The router is not sure the text answers what the dialog asked: the dialog asks "Er det dit
   * svar til «…»?" before storing it. Unset = the text is an answer (or not for the dialog at all).
   */
  answerInDoubt?: boolean;
  account: ChannelAccount;
  /** Who is talking; resolved on first use (knowledge answers never need it). */
  identity(): Promise<ResolvedIdentity>;
  /** Remembers a newly registered user for this channel user. */
  remember(user: User): void;
}

const KEY = 'serviceportal.turnInfo';

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(KEY, info);
}

export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(KEY) as TurnInfo | undefined;
  if (!info) throw new Error('DIALOG.NO_TURN_INFO: the bot did not set the turn info before running the dialogs');
  return info;
}

const LEAD_KEY = 'serviceportal.repromptLead';

/**
 * What the dialog about to ask its question again should say first, in the same message ("Så
 * fortsætter vi, hvor vi slap:", or the help for the step): one reply instead of two.
 */
export function setRepromptLead(context: TurnContext, text: string): void {
  context.turnState.set(LEAD_KEY, text);
}

/** The lead set for this turn's repeated question, once (see {@link setRepromptLead}). */
export function takeRepromptLead(context: TurnContext): string | undefined {
  const lead = context.turnState.get(LEAD_KEY) as string | undefined;
  context.turnState.delete(LEAD_KEY);
  return lead;
}
