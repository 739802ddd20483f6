import { messageActivity } from './connector-listener.js';

let counter = 0;

/** Where a Teams activity is written: the member's personal chat, a team channel, or a group chat. */
export type TeamsScope = 'personal' | 'channel' | 'groupChat';

/** A Teams-shaped activity: channel msteams, the member's Entra object id, tenant, personal chat unless `scope` says. */
export function teamsActivity(options: {
  serviceUrl: string;
  conversationId: string;
  userId: string;
  aadObjectId: string;
  text?: string;
  value?: unknown;
  replyToId?: string;
  locale?: string;
  type?: 'message' | 'invoke' | 'installationUpdate' | 'conversationUpdate';
  name?: string;
  mention?: boolean;
  scope?: TeamsScope;
  /** installationUpdate's action. */
  action?: string;
}): Record<string, unknown> {
  counter++;
  const base = messageActivity({ serviceUrl: options.serviceUrl, conversationId: options.conversationId, channelId: 'msteams', locale: options.locale ?? 'da-DK', from: options.userId });
  const text = options.mention ? `<at>Serviceportal</at> ${options.text ?? ''}` : options.text;
  return {
    ...base,
    id: `teams-${process.pid}-${counter}`,
    type: options.type ?? 'message',
    ...(options.action ? { action: options.action } : {}),
    ...(options.name ? { name: options.name } : {}),
    from: { id: options.userId, name: 'Teams-bruger', aadObjectId: options.aadObjectId },
    recipient: { id: '28:bot', name: 'Serviceportal' },
    conversation: {
      id: options.conversationId,
      conversationType: options.scope ?? 'personal',
      tenantId: 'tenant-1',
      ...(options.scope && options.scope !== 'personal' ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: 'tenant-1' },
      ...(options.scope === 'channel' ? { team: { id: '19:team-1@thread.skype' }, channel: { id: options.conversationId.split(';')[0] } } : {}),
    },
    ...(text !== undefined ? { text } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    ...(options.mention ? { entities: [{ type: 'mention', text: '<at>Serviceportal</at>', mentioned: { id: '28:bot', name: 'Serviceportal' } }] } : {}),
  };
}
