import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { JsonConversationState, JsonUserState } from '../../bot/json-state.js';

/** A MemoryStorage that records the keys of each write. */
class RecordingStorage extends MemoryStorage {
  readonly writes: string[][] = [];

  override write(changes: StoreItems): Promise<void> {
    this.writes.push(Object.keys(changes));
    return super.write(changes);
  }
}

function turn(conversationId = 'c1', userId = 'u1'): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: userId, name: userId },
    recipient: { id: 'bot', name: 'bot' },
    text: 'hej',
  });
}

describe('JsonConversationState', () => {
  describe('when a turn changes the state', () => {
    it('writes it once, and a later turn reads what was written', async () => {
      const storage = new RecordingStorage();
      const state = new JsonConversationState(storage);
      const counter = state.createProperty<number>('count');
      const first = turn();
      await state.load(first);
      await counter.set(first, 1);
      await state.saveChanges(first);
      await state.saveChanges(first);
      expect(storage.writes).toEqual([['test/conversations/c1/']]);
      const second = turn();
      expect(await counter.get(second)).toBe(1);
    });

    it('writes a change deep inside the document', async () => {
      const storage = new RecordingStorage();
      const state = new JsonConversationState(storage);
      const dialog = state.createProperty<{ stack: { id: string; state: Record<string, unknown> }[] }>('dialogState');
      const first = turn();
      await dialog.set(first, { stack: [{ id: 'main', state: { step: 1 } }] });
      await state.saveChanges(first);
      const second = turn();
      const loaded = await dialog.get(second);
      if (!loaded?.stack[0]) throw new Error('not loaded');
      loaded.stack[0].state.step = 2;
      await state.saveChanges(second);
      expect(storage.writes).toHaveLength(2);
      expect((await dialog.get(turn()))?.stack[0]?.state.step).toBe(2);
    });
  });

  describe('when a turn leaves the state as it was', () => {
    it('does not write it, unless forced', async () => {
      const storage = new RecordingStorage();
      const state = new JsonConversationState(storage);
      const counter = state.createProperty<number>('count');
      const first = turn();
      await counter.set(first, 1);
      await state.saveChanges(first);
      const second = turn();
      await counter.set(second, 1);
      await state.saveChanges(second);
      expect(storage.writes).toHaveLength(1);
      await state.saveChanges(second, true);
      expect(storage.writes).toHaveLength(2);
    });

    it('does not write a state never loaded', async () => {
      const storage = new RecordingStorage();
      await new JsonConversationState(storage).saveChanges(turn());
      expect(storage.writes).toHaveLength(0);
    });
  });

  describe('when the state is cleared or deleted', () => {
    it('saves the cleared state and forgets the deleted one', async () => {
      const storage = new RecordingStorage();
      const state = new JsonConversationState(storage);
      const counter = state.createProperty<number>('count');
      const first = turn();
      await counter.set(first, 3);
      await state.saveChanges(first);
      const second = turn();
      await state.load(second);
      await state.clear(second);
      await state.saveChanges(second);
      expect(await counter.get(turn())).toBeUndefined();
      const third = turn();
      await counter.set(third, 4);
      await state.saveChanges(third);
      await state.delete(third);
      expect(state.get(third)).toBeUndefined();
      expect(await storage.read(['test/conversations/c1/'])).toEqual({});
    });
  });

  describe('beside botbuilder’s own states', () => {
    it('uses the same storage keys, so documents written by either are read by the other', async () => {
      const storage = new MemoryStorage();
      const plain = new ConversationState(storage);
      const plainUser = new UserState(storage);
      const first = turn('c2', 'u2');
      await plain.createProperty<string>('x').set(first, 'from botbuilder');
      await plainUser.createProperty<string>('y').set(first, 'user');
      await Promise.all([plain.saveChanges(first), plainUser.saveChanges(first)]);
      const json = new JsonConversationState(storage);
      const jsonUser = new JsonUserState(storage);
      const second = turn('c2', 'u2');
      expect(await json.createProperty<string>('x').get(second)).toBe('from botbuilder');
      expect(await jsonUser.createProperty<string>('y').get(second)).toBe('user');
      await jsonUser.createProperty<string>('y').set(second, 'changed');
      await jsonUser.saveChanges(second);
      expect(await plainUser.createProperty<string>('y').get(turn('c2', 'u2'))).toBe('changed');
    });
  });
});
