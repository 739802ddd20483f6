import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

const ISSUER = 'serviceportal-assistant';
const AUDIENCE = 'serviceportal-webchat';

/**
 * What a web chat token says. `user` tokens (from the portal or the demo route) may start a
 * conversation or resume one of the same user's; `conversation` tokens are bound to one
 * conversation; `stream` tokens (short-lived, in the WebSocket URL) open that conversation's stream.
 */
export type TokenScope = 'user' | 'conversation' | 'stream';

export interface TokenClaims {
  /** The portal user's id (e-mail): becomes `from.id` of every activity the client sends. */
  userId: string;
  userName: string;
  scope: TokenScope;
  /** Set for `conversation` and `stream` tokens. */
  conversationId?: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  /** Seconds until it expires (Direct Line's `expires_in`). */
  expiresIn: number;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

export interface WebChatTokensOptions {
  /** HS256 key; at least 32 characters. */
  secret: string;
  /** Lifetime of user and conversation tokens. */
  ttlSeconds: number;
  /** Lifetime of stream tokens. Default 120. */
  streamTtlSeconds?: number;
  /** Seconds since the epoch; tests move it. Default: the clock. */
  now?: () => number;
}

const payloadSchema = z.object({
  sub: z.string().min(1),
  name: z.string(),
  scope: z.enum(['user', 'conversation', 'stream']),
  conv: z.string().min(1).optional(),
  exp: z.number(),
});

/** Signs and verifies web chat tokens (HS256 JWTs). */
export class WebChatTokens {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;
  private readonly streamTtlSeconds: number;
  private readonly now: () => number;

  constructor(options: WebChatTokensOptions) {
    if (options.secret.length < 32) throw new Error('WebChatTokens: the secret must be at least 32 characters');
    this.key = new TextEncoder().encode(options.secret);
    this.ttlSeconds = options.ttlSeconds;
    this.streamTtlSeconds = options.streamTtlSeconds ?? 120;
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  async issue(claims: { userId: string; userName: string; scope: TokenScope; conversationId?: string }): Promise<IssuedToken> {
    const lifetime = claims.scope === 'stream' ? this.streamTtlSeconds : this.ttlSeconds;
    const now = this.now();
    const token = await new SignJWT({
      name: claims.userName,
      scope: claims.scope,
      ...(claims.conversationId === undefined ? {} : { conv: claims.conversationId }),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.userId)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .sign(this.key);
    return { token, expiresIn: lifetime };
  }

  async verify(token: string): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.now() * 1000),
      });
      const parsed = payloadSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, reason: 'invalid' };
      const p = parsed.data;
      if (p.scope !== 'user' && p.conv === undefined) return { ok: false, reason: 'invalid' };
      return {
        ok: true,
        claims: {
          userId: p.sub,
          userName: p.name,
          scope: p.scope,
          ...(p.conv === undefined ? {} : { conversationId: p.conv }),
          expiresAt: p.exp,
        },
      };
    } catch (error: unknown) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'invalid' };
    }
  }
}
