import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  describe('when the environment is empty', () => {
    it('uses the defaults: port 3978, embedded database, Danish, demo on, auth off', () => {
      const config = loadConfig({});
      expect(config.PORT).toBe(3978);
      expect(config.DATABASE_URL).toBeUndefined();
      expect(config.DATA_DIR).toBe('.data/pglite');
      expect(config.DEFAULT_LOCALE).toBe('da');
      expect(config.LOG_LEVEL).toBe('info');
      expect(config.DEMO_MODE).toBe(true);
      expect(config.authEnabled).toBe(false);
      expect(config.METRICS_ENABLED).toBe(false);
      expect(config.METRICS_TOKEN).toBeUndefined();
      expect(Object.isFrozen(config)).toBe(true);
    });
  });

  describe('when the attachment settings are set', () => {
    it('allows 10 MB, 5 files a case and every kind by default; takes a list of kinds; refuses an unknown kind', () => {
      const defaults = loadConfig({});
      expect([defaults.ATTACHMENT_MAX_BYTES, defaults.ATTACHMENTS_PER_CASE, defaults.RATE_LIMIT_UPLOADS_PER_HOUR]).toEqual([10_485_760, 5, 60]);
      expect(defaults.ATTACHMENT_TYPES).toEqual(['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'txt', 'csv']);
      expect(loadConfig({ ATTACHMENT_TYPES: ' PDF, png ' }).ATTACHMENT_TYPES).toEqual(['pdf', 'png']);
      expect(errorOf({ ATTACHMENT_TYPES: 'pdf,exe' }).variable).toBe('ATTACHMENT_TYPES');
      expect(errorOf({ ATTACHMENT_MAX_BYTES: '100' }).variable).toBe('ATTACHMENT_MAX_BYTES');
      expect(loadConfig({ ATTACHMENTS_PER_CASE: '0' }).ATTACHMENTS_PER_CASE).toBe(0);
    });
  });

  describe('when RETENTION_DAYS is set', () => {
    it('keeps personal data 90 days by default, the days given otherwise, and refuses less than one', () => {
      expect(loadConfig({}).RETENTION_DAYS).toBe(90);
      expect(loadConfig({ RETENTION_DAYS: '30' }).RETENTION_DAYS).toBe(30);
      expect(errorOf({ RETENTION_DAYS: '0' }).variable).toBe('RETENTION_DAYS');
      expect(errorOf({ RETENTION_DAYS: '7.5' }).variable).toBe('RETENTION_DAYS');
    });
  });

  describe('when the mail server of the one-time codes is set', () => {
    it('reads SMTP_URL and MAIL_FROM, needs MAIL_FROM with SMTP_URL, and refuses a URL that is not SMTP', () => {
      expect(loadConfig({}).SMTP_URL).toBeUndefined();
      const config = loadConfig({ SMTP_URL: 'smtps://assistant:hemmeligt@mail.statens-adm.dk:465', MAIL_FROM: 'Serviceportalen <noreply@statens-adm.dk>' });
      expect(config.SMTP_URL).toBe('smtps://assistant:hemmeligt@mail.statens-adm.dk:465');
      expect(config.MAIL_FROM).toBe('Serviceportalen <noreply@statens-adm.dk>');
      expect(errorOf({ SMTP_URL: 'smtp://mail.statens-adm.dk' }).variable).toBe('MAIL_FROM');
      expect(errorOf({ SMTP_URL: 'https://mail.statens-adm.dk', MAIL_FROM: 'noreply@statens-adm.dk' }).variable).toBe('SMTP_URL');
      expect(errorOf({ SMTP_URL: 'smtp://mail.statens-adm.dk', MAIL_FROM: 'Serviceportalen' }).variable).toBe('MAIL_FROM');
    });
  });

  describe('when a database URL and an app id are set', () => {
    it('turns demo mode off and authentication on', () => {
      const config = loadConfig({
        DATABASE_URL: 'postgres://u@h/db',
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'secret',
        WEBCHAT_TOKEN_SECRET: 'w'.repeat(32),
      });
      expect(config.DEMO_MODE).toBe(false);
      expect(config.authEnabled).toBe(true);
    });
  });

  describe('when a variable is bad', () => {
    it.each([
      ['PORT', { PORT: 'abc' }],
      ['PORT', { PORT: '70000' }],
      ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
      ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
      ['DEFAULT_LOCALE', { DEFAULT_LOCALE: 'sv' }],
      ['MicrosoftAppType', { MicrosoftAppType: 'Anyone' }],
      ['MicrosoftAppPassword', { MicrosoftAppId: 'abc' }],
      ['MicrosoftAppTenantId', { MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }],
      ['MicrosoftAppTenantId', { MicrosoftAppId: 'abc', MicrosoftAppType: 'UserAssignedMSI' }],
      ['DEMO_MODE', { DEMO_MODE: 'yes' }],
      ['DATABASE_POOL_SIZE', { DATABASE_POOL_SIZE: '0' }],
      ['MAX_BODY_BYTES', { MAX_BODY_BYTES: '10' }],
      ['WEBCHAT_TOKEN_SECRET', { WEBCHAT_TOKEN_SECRET: 'too-short' }],
      ['WEBCHAT_TOKEN_SECRET', { DATABASE_URL: 'postgres://u@h/db' }],
      ['WEBCHAT_TOKEN_SECRET', { DEMO_MODE: 'false' }],
      ['WEBCHAT_TOKEN_TTL_SECONDS', { WEBCHAT_TOKEN_TTL_SECONDS: '600' }],
      ['PORTAL_API_SECRET', { PORTAL_API_SECRET: 'short' }],
      ['METRICS_ENABLED', { METRICS_ENABLED: 'yes' }],
      ['METRICS_TOKEN', { METRICS_TOKEN: 'short' }],
    ])('names %s in a one-line message', (variable, env) => {
      const error = errorOf(env);
      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(`${variable}: `)).toBe(true);
      expect(error.message).not.toContain('\n');
    });
  });
});

describe('the web chat settings', () => {
  describe('when unset in demo mode', () => {
    it('needs no secret and gives tokens 30 minutes', () => {
      const config = loadConfig({});
      expect(config.WEBCHAT_TOKEN_SECRET).toBeUndefined();
      expect(config.PORTAL_API_SECRET).toBeUndefined();
      expect(config.WEBCHAT_TOKEN_TTL_SECONDS).toBe(1800);
    });
  });

  describe('when set', () => {
    it('reads them', () => {
      const config = loadConfig({
        DEMO_MODE: 'false',
        WEBCHAT_TOKEN_SECRET: 's'.repeat(40),
        PORTAL_API_SECRET: 'p'.repeat(40),
        WEBCHAT_TOKEN_TTL_SECONDS: '3600',
      });
      expect(config).toMatchObject({ WEBCHAT_TOKEN_SECRET: 's'.repeat(40), PORTAL_API_SECRET: 'p'.repeat(40), WEBCHAT_TOKEN_TTL_SECONDS: 3600 });
    });
  });
});

describe('start-up with a bad setting', () => {
  it('prints one line naming the variable and exits with code 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'main.ts'], {
      env: { ...process.env, PORT: 'not-a-port', NODE_NO_WARNINGS: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^config: PORT: /);
  });

  describe('the limits and framing settings', () => {
    it('defaults to 60 turns a user a minute, a burst of 20, 1200 an address, no proxy trusted, frames from the own origin', () => {
      const config = loadConfig({});
      expect(config.RATE_LIMIT_PER_MINUTE).toBe(60);
      expect(config.RATE_LIMIT_BURST).toBe(20);
      expect(config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE).toBe(1200);
      expect(config.TRUST_PROXY).toBe(false);
      expect(config.WEBCHAT_FRAME_ANCESTORS).toEqual(["'self'"]);
    });

    it('reads TRUST_PROXY as true, false or a number of proxies', () => {
      expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
      expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
      expect(errorOf({ TRUST_PROXY: 'yes' }).variable).toBe('TRUST_PROXY');
    });

    it('reads WEBCHAT_FRAME_ANCESTORS as a list of origins and refuses anything else', () => {
      expect(loadConfig({ WEBCHAT_FRAME_ANCESTORS: "'self' https://serviceportal.statens-adm.dk" }).WEBCHAT_FRAME_ANCESTORS).toEqual([
        "'self'",
        'https://serviceportal.statens-adm.dk',
      ]);
      expect(errorOf({ WEBCHAT_FRAME_ANCESTORS: 'https://x.dk; script-src *' }).variable).toBe('WEBCHAT_FRAME_ANCESTORS');
      expect(errorOf({ WEBCHAT_FRAME_ANCESTORS: '*' }).variable).toBe('WEBCHAT_FRAME_ANCESTORS');
    });

    it('refuses a negative limit', () => {
      expect(errorOf({ RATE_LIMIT_PER_MINUTE: '-1' }).variable).toBe('RATE_LIMIT_PER_MINUTE');
    });
  });
});
