/**
 * Who is talking, from the channel. Each channel vouches differently:
 * - `emulator` (and botbuilder-testing's `test`): with authentication off only, a `from.id` that
 *   is an e-mail address is taken as that user — a development convenience, off whenever an app
 *   id is configured;
 * - `directline`/`webchat`: the assistant's own Direct Line endpoint sets `from.id` from the
 *   portal's signed token (its subject is the user's e-mail) and vouches for it in turn state
 *   (`verifiedFromId`); the same channel id arriving at /api/messages is not trusted;
 * - `msteams`: the member's Entra ID object id, linked to a portal user at registration.
 * Channels can plug in their own resolver (`channels`), which wins over these defaults.
 */
import type { ChannelAccount, ResolvedIdentity, UserResolver } from '../dialogs/ports.js';
import { normaliseEmail, type DirectoryStore, type ExternalIdentity } from '../portal/index.js';

export interface ChannelUserResolverOptions {
  directory: DirectoryStore;
  /** Bot Framework authentication is on: the emulator shortcut is off. */
  authEnabled: boolean;
  /** Resolvers per channel id, e.g. a Teams resolver that reads the member's e-mail. */
  channels?: Readonly<Record<string, UserResolver>>;
}

export class ChannelUserResolver implements UserResolver {
  constructor(private readonly options: ChannelUserResolverOptions) {}

  async resolve(account: ChannelAccount): Promise<ResolvedIdentity> {
    const plugged = this.options.channels?.[account.channelId];
    if (plugged) return plugged.resolve(account);
    switch (account.channelId) {
      case 'emulator':
      case 'test': {
        if (this.options.authEnabled) return { kind: 'anonymous' };
        const email = normaliseEmail(account.fromId);
        return email ? this.byEmail(email) : { kind: 'anonymous' };
      }
      case 'directline':
      case 'webchat': {
        if (!account.verifiedFromId || account.verifiedFromId !== account.fromId) return { kind: 'anonymous' };
        const email = normaliseEmail(account.verifiedFromId);
        return email ? this.byEmail(email, { provider: 'portal', subject: email }) : { kind: 'anonymous' };
      }
      case 'msteams': {
        if (!account.aadObjectId) return { kind: 'anonymous' };
        const identity: ExternalIdentity = { provider: 'entra', subject: account.aadObjectId };
        const user = await this.options.directory.getUserByIdentity(identity);
        return user ? { kind: 'user', user } : { kind: 'unregistered', identity };
      }
      default:
        return { kind: 'anonymous' };
    }
  }

  private async byEmail(email: string, identity?: ExternalIdentity): Promise<ResolvedIdentity> {
    const user = await this.options.directory.getUserByEmail(email);
    if (user) return { kind: 'user', user };
    return identity ? { kind: 'unregistered', email, identity } : { kind: 'unregistered', email };
  }
}
