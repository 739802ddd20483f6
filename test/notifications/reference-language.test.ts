import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../bot/locale.js';
import { silentLogger } from '../../bot/logger.js';
import type { ConversationReferenceStore, StoredReference } from '../../bot/notifications/ports.js';
import { recordConversationReferences } from '../../bot/notifications/reference-recorder.js';

/** Keeps the last saved reference per user, as the store does for one channel. */
class MemoryReferences implements ConversationReferenceStore {
  readonly saved = new Map<string, StoredReference>();
  async save(userId: string, reference: Partial<ConversationReference>, locale: Locale): Promise<void> {
    this.saved.set(userId, { userId, channelId: reference.channelId ?? 'webchat', reference, locale, updatedAt: new Date().toISOString() });
  }
  async latest(userId: string): Promise<StoredReference | undefined> {
    return this.saved.get(userId);
  }
}

const identity = { resolve: async () => ({ kind: 'user' as const, userId: 'u-1', user: { id: 'u-1' } }) } as unknown as Parameters<typeof recordConversationReferences>[0];

async function turn(store: MemoryReferences, text: string, locale = 'da-DK'): Promise<Locale | undefined> {
  const activity: Partial<Activity> = {
    type: 'message',
    text,
    locale,
    channelId: 'webchat',
    conversation: { id: 'c-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u-1', name: 'Anna' },
    recipient: { id: 'bot', name: 'Assistent' },
    serviceUrl: 'http://localhost',
  };
  const middleware = recordConversationReferences(identity, store, silentLogger, 'da');
  await middleware(new TurnContext(new TestAdapter(), activity), async () => {});
  return store.saved.get('u-1')?.locale;
}

describe('the language notifications are sent in', () => {
  describe('when a user of a Danish web chat (locale da-DK) writes English', () => {
    it('follows the language the user last wrote in, and keeps it for a text that shows none', async () => {
      const store = new MemoryReferences();
      expect(await turn(store, 'hej, hvordan nulstiller jeg min adgangskode?')).toBe('da');
      expect(await turn(store, 'How do I reset my password in Navision Stat?')).toBe('en');
      // A case number says nothing of the language: English stays.
      expect(await turn(store, 'SA-2026-000123')).toBe('en');
      expect(await turn(store, 'tak for hjælpen')).toBe('da');
    });
  });
});
