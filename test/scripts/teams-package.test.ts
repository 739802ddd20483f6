import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_VERSION, pngSize } from '../../adapters/teams/app-package.js';
import { loadConfig } from '../../config.js';
import { buildTeamsPackage, manifestOptions, packageVersion, validateLocalization, validateManifest } from '../../scripts/teams-package.js';

const APP_ID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

describe('npm run teams:package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('with MicrosoftAppId in the config', () => {
    it('writes a zip with manifest.json, a 192×192 color icon and a 32×32 outline icon', async () => {
      const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' });
      const out = join(dir, 'serviceportal-teams.zip');
      await buildTeamsPackage(manifestOptions(config, undefined), out);
      const zip = new AdmZip(out);
      expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(zip.readAsText('manifest.json')) as Record<string, unknown> & {
        bots: Array<{ botId: string; supportsFiles?: boolean; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
      };
      expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
      expect(manifest.id).toBe(APP_ID);
      expect(manifest.bots[0]?.botId).toBe(APP_ID);
      // Files the user sends in the personal chat reach the bot (attachments on cases).
      expect(manifest.bots[0]?.supportsFiles).toBe(true);
      expect(await validateManifest(manifest)).toEqual([]);
      // Danish by default, with the English translation the manifest names.
      expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'da-dk', additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }] });
      const english = JSON.parse(zip.readAsText('en-us.json')) as Record<string, unknown>;
      expect(await validateLocalization(english)).toEqual([]);
      expect(english['name.full']).toBe('The Serviceportal assistant');
      expect(english['bots[0].commandLists[0].commands[0].title']).toBe('create case');
      // Personal chats list every command; teams and group chats only what is safe there.
      const lists = manifest.bots[0]?.commandLists ?? [];
      expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team', 'groupChat']]);
      expect(lists[0]?.commands.map((c) => c.title)).toEqual(['opret sag', 'mine sager', 'status', 'hjælp']);
      expect(lists[1]?.commands.map((c) => c.title)).not.toContain('mine sager');
      expect(lists[1]?.commands.map((c) => c.title)).not.toContain('opret sag');
      expect(manifest.validDomains).toEqual(['www.statens-adm.dk']);
      expect(manifest.version).toBe(packageVersion());
      expect(pngSize(zip.readFile('color.png') as Buffer)).toEqual({ width: 192, height: 192 });
      expect(pngSize(zip.readFile('outline.png') as Buffer)).toEqual({ width: 32, height: 32 });
    });
  });

  describe('when the manifest is broken', () => {
    it('the schema validation names the problem', async () => {
      const problems = await validateManifest({ manifestVersion: MANIFEST_VERSION, id: APP_ID, unexpected: true });
      expect(problems.length).toBeGreaterThan(0);
    });

    it('the translation file\'s validation names an overlong name and an unknown key', async () => {
      const problems = await validateLocalization({ 'name.short': 'x'.repeat(100), 'bogus.key': 'y' });
      expect(problems.join('\n')).toMatch(/NOT have more than 30 characters/);
      expect(problems.join('\n')).toMatch(/additional properties/);
    });
  });

  describe('without a bot id', () => {
    it('fails clearly', () => {
      expect(() => manifestOptions(loadConfig({}), undefined)).toThrow(/MicrosoftAppId or pass --app-id/);
    });

    it('takes TEAMS_APP_VERSION over the version in package.json', () => {
      expect(manifestOptions(loadConfig({ TEAMS_APP_VERSION: '2.3.4' }), APP_ID).version).toBe('2.3.4');
      expect(manifestOptions(loadConfig({}), APP_ID).version).toBe(packageVersion());
    });

    it('accepts --app-id instead', () => {
      expect(manifestOptions(loadConfig({}), APP_ID).appId).toBe(APP_ID);
    });
  });
});
