import { describe, expect, it } from 'vitest';
import { questionKey } from '../../knowledge/feedback-store.port.js';
import { InMemoryFeedbackStore } from '../fakes/in-memory-feedback-store.js';
import { feedbackStoreContract } from './feedback-store.contract.js';

describe('questionKey', () => {
  describe('when questions differ in case, punctuation and spacing', () => {
    it('gives one key', () => {
      expect(questionKey('  Hvor er  min SAG?! ')).toBe(questionKey('hvor er min sag'));
      expect(questionKey('Hvor er min sag')).not.toBe(questionKey('Hvor er min sagsmappe'));
    });
  });
});

feedbackStoreContract('InMemoryFeedbackStore', async () => new InMemoryFeedbackStore());

