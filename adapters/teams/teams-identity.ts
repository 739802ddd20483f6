import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { ChannelIdentity, ResolvedIdentity } from '../../bot/channel-identity.js';
import type { Logger } from '../../bot/logger.js';
import { normaliseEmail, type DirectoryStore, type User } from '../../portal/index.js';

export interface TeamsIdentityOptions {
  directory: DirectoryStore;
  logger: Logger;
  /** How long a roster answer (TeamsInfo.getMember) is reused. Default 10 minutes. */
  cacheTtlMs?: number;
  /** Most roster answers kept. Default 5000. */
  cacheSize?: number;
}

interface MemberInfo {
  email?: string | undefined;
  aadObjectId?: string | undefined;
  name?: string | undefined;
}

/** The Entra ID provider name in portal_user_identity. */
export const ENTRA_PROVIDER = 'entra' as const;

/**
 * Identity in Teams: the member's Entra object id (`from.aadObjectId`, set by Teams, which the
 * Bot Connector authenticates) is looked up as a linked identity; failing that, the member's
 * e-mail/UPN from the roster (TeamsInfo.getMember, cached) is looked up as a portal user and the
 * object id is linked to it, so the next turn is one indexed query.
 */
export class TeamsIdentity implements ChannelIdentity {
  private readonly cache = new Map<string, { at: number; member: MemberInfo | undefined }>();
  private readonly ttl: number;
  private readonly size: number;

  constructor(private readonly options: TeamsIdentityOptions) {
    this.ttl = options.cacheTtlMs ?? 10 * 60_000;
    this.size = options.cacheSize ?? 5000;
  }

  async resolve(context: TurnContext): Promise<ResolvedIdentity> {
    const from = context.activity.from;
    const objectId = from?.aadObjectId;
    const { directory } = this.options;
    if (objectId) {
      const linked = await directory.getUserByIdentity({ provider: ENTRA_PROVIDER, subject: objectId });
      if (linked) return known(linked);
    }
    const member = await this.member(context);
    const email = member?.email ? normaliseEmail(member.email) : undefined;
    const subject = objectId ?? member?.aadObjectId;
    if (email) {
      const user = await directory.getUserByEmail(email);
      if (user && user.kind !== 'sharedMailbox') {
        if (subject) {
          const linked = await directory.linkIdentity(user.id, { provider: ENTRA_PROVIDER, subject });
          if (linked.ok) this.options.logger.info({ userId: user.id }, 'teams: linked the Entra identity to the portal user by e-mail');
        }
        return known(user);
      }
    }
    return { email, displayName: member?.name ?? from?.name };
  }

  /** The roster entry of the sender, cached by tenant and member id; undefined when Teams does not answer. */
  private async member(context: TurnContext): Promise<MemberInfo | undefined> {
    const from = context.activity.from;
    if (!from?.id) return undefined;
    const tenant = (context.activity.conversation as { tenantId?: string } | undefined)?.tenantId ?? '';
    const key = `${tenant}:${from.id}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttl) return hit.member;
    let member: MemberInfo | undefined;
    try {
      const account: TeamsChannelAccount = await TeamsInfo.getMember(context, from.id);
      member = { email: account.email ?? account.userPrincipalName, aadObjectId: account.aadObjectId, name: account.name };
    } catch (error: unknown) {
      this.options.logger.warn({ err: error, conversationId: context.activity.conversation?.id }, 'teams: roster lookup (getMember) failed');
      return undefined; // not cached: the next turn asks again
    }
    this.cache.delete(key);
    this.cache.set(key, { at: Date.now(), member });
    if (this.cache.size > this.size) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return member;
  }
}

function known(user: User): ResolvedIdentity {
  return { userId: user.id, email: user.email, displayName: user.name };
}
