import type { TurnContext } from 'botbuilder';
import type { ChannelIdentity, ResolvedIdentity } from '../../bot/channel-identity.js';
import { verifiedFromId } from '../../bot/verified-identity.js';
import { normaliseEmail, type DirectoryStore } from '../../portal/index.js';

/**
 * Web chat identity: the e-mail the Direct Line adapter vouched for (the subject of the portal's
 * signed token). Nothing the client sends is trusted.
 */
export class WebChatIdentity implements ChannelIdentity {
  constructor(private readonly directory: DirectoryStore) {}

  async resolve(context: TurnContext): Promise<ResolvedIdentity> {
    const email = normaliseEmail(verifiedFromId(context) ?? '');
    if (!email) return {};
    const user = await this.directory.getUserByEmail(email);
    return user ? { userId: user.id, email, displayName: user.name } : { email };
  }
}
