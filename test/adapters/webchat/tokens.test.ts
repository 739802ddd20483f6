import { describe, expect, it } from 'vitest';
import { WebChatTokens } from '../../../adapters/webchat/tokens.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = 1_800_000_000;

function tokens(now = NOW, secret = SECRET) {
  return new WebChatTokens({ secret, ttlSeconds: 1800, now: () => now });
}

describe('WebChatTokens', () => {
  describe('when a token is issued and verified', () => {
    it('gives back the claims', async () => {
      const { token, expiresIn } = await tokens().issue({ userId: 'anna@x.dk', userName: 'Anna Ø', scope: 'conversation', conversationId: 'c1' });
      expect(expiresIn).toBe(1800);
      expect(await tokens(NOW + 10).verify(token)).toEqual({
        ok: true,
        claims: { userId: 'anna@x.dk', userName: 'Anna Ø', scope: 'conversation', conversationId: 'c1', expiresAt: NOW + 1800 },
      });
    });

    it('gives stream tokens a short life', async () => {
      const { token, expiresIn } = await tokens().issue({ userId: 'a@x.dk', userName: 'A', scope: 'stream', conversationId: 'c1' });
      expect(expiresIn).toBe(120);
      expect(await tokens(NOW + 121).verify(token)).toEqual({ ok: false, reason: 'expired' });
    });
  });

  describe('when the token is expired, tampered with or foreign', () => {
    it('says expired after its lifetime', async () => {
      const { token } = await tokens().issue({ userId: 'a@x.dk', userName: 'A', scope: 'user' });
      expect(await tokens(NOW + 1801).verify(token)).toEqual({ ok: false, reason: 'expired' });
    });

    it('says invalid for a changed payload, another key, or "none"', async () => {
      const { token } = await tokens().issue({ userId: 'a@x.dk', userName: 'A', scope: 'user' });
      const [header, payload, signature] = token.split('.');
      const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'mette@x.dk' })).toString('base64url');
      const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
      const foreign = (await tokens(NOW, 'another-secret-of-thirty-two-characters!').issue({ userId: 'a@x.dk', userName: 'A', scope: 'user' })).token;
      for (const bad of [`${header}.${forged}.${signature}`, none, foreign, '', 'a.b.c']) {
        expect(await tokens().verify(bad)).toEqual({ ok: false, reason: 'invalid' });
      }
    });
  });

  describe('when the secret is short', () => {
    it('refuses to start', () => {
      expect(() => new WebChatTokens({ secret: 'short', ttlSeconds: 1800 })).toThrow(/32 characters/);
    });
  });
});
