import type { TurnContext } from 'botbuilder';

/**
 * Who is talking, as the channel vouches for it (Teams: the member's Entra object id and
 * e-mail/UPN; web chat: the portal's signed token). `userId` is the portal user's id when the
 * person is known; an unknown person has at most an e-mail and a name (→ registration).
 */
export interface ResolvedIdentity {
  userId?: string | undefined;
  email?: string | undefined;
  displayName?: string | undefined;
}

/** The port the conversation layer calls; one implementation per channel. */
export interface ChannelIdentity {
  resolve(context: TurnContext): Promise<ResolvedIdentity>;
}

const RESOLVED = Symbol('serviceportal.identity');

/**
 * Routes to the channel's implementation by `activity.channelId` and remembers the answer for
 * the rest of the turn (the middleware that stores conversation references and the bot both
 * ask; the channel is asked once).
 */
export class ChannelIdentities implements ChannelIdentity {
  constructor(
    private readonly byChannel: ReadonlyMap<string, ChannelIdentity>,
    private readonly fallback?: ChannelIdentity,
  ) {}

  resolve(context: TurnContext): Promise<ResolvedIdentity> {
    const cached = context.turnState.get(RESOLVED) as Promise<ResolvedIdentity> | undefined;
    if (cached) return cached;
    const channel = this.byChannel.get(context.activity.channelId) ?? this.fallback;
    const resolved = channel ? channel.resolve(context) : Promise.resolve({});
    context.turnState.set(RESOLVED, resolved);
    // A failed resolution is not remembered: a later caller in the turn may try again.
    resolved.catch(() => context.turnState.delete(RESOLVED));
    return resolved;
  }
}
