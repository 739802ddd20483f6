import { messageActivity } from './connector-listener.js';

let counter = 0;

/** A Teams-shaped activity: channel msteams, the member's Entra object id, tenant, personal chat. */
export function teamsActivity(options: {
  serviceUrl: string;
  conversationId: string;
  userId: string;
  aadObjectId: string;
  text?: string;
  value?: unknown;
  replyToId?: string;
  locale?: string;
  type?: 'message' | 'invoke';
  name?: string;
  mention?: boolean;
}): Record<string, unknown> {
  counter++;
  const base = messageActivity({ serviceUrl: options.serviceUrl, conversationId: options.conversationId, channelId: 'msteams', locale: options.locale ?? 'da-DK', from: options.userId });
  const text = options.mention ? `<at>Serviceportal</at> ${options.text ?? ''}` : options.text;
  return {
    ...base,
    id: `teams-${process.pid}-${counter}`,
    type: options.type ?? 'message',
    ...(options.name ? { name: options.name } : {}),
    from: { id: options.userId, name: 'Teams-bruger', aadObjectId: options.aadObjectId },
    recipient: { id: '28:bot', name: 'Serviceportal' },
    conversation: { id: options.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...(text !== undefined ? { text } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    ...(options.mention ? { entities: [{ type: 'mention', text: '<at>Serviceportal</at>', mentioned: { id: '28:bot', name: 'Serviceportal' } }] } : {}),
  };
}
