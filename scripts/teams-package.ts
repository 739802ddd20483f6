/**
 * npm run teams:package [-- --app-id <guid>] [--out <file>]
 * Writes the Teams app package (manifest.json, color.png, outline.png) to
 * dist/serviceportal-teams.zip, after validating the manifest against the JSON schema that
 * @microsoft/app-manifest bundles (offline).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import AdmZip from 'adm-zip';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { AppPackageError, buildEnglishLocalization, buildManifest, colorIcon, ENGLISH_FILE, MANIFEST_VERSION, outlineIcon, pngSize, type ManifestOptions } from '../adapters/teams/app-package.js';
import { toolingConfigFromProcessEnv, type Config } from '../config.js';

export const DEFAULT_OUT = 'dist/serviceportal-teams.zip';

export interface PackageResult {
  file: string;
  manifest: Record<string, unknown>;
}

type Schema = Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1];

function bundledSchema(name: string): Schema {
  const require = createRequire(import.meta.url);
  return require(`@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/${name}`) as Schema;
}

/** Validates a manifest against the bundled schema of its version; answers the problems. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  return ManifestUtil.validateManifestAgainstSchema(manifest as unknown as TeamsAppManifest, bundledSchema('MicrosoftTeams.schema.json'));
}

/** Validates a translation file against the bundled localization schema; answers the problems. */
export async function validateLocalization(localization: Record<string, unknown>): Promise<string[]> {
  const schema = bundledSchema('MicrosoftTeams.Localization.schema.json') as Schema & { patternProperties?: Record<string, unknown> };
  // The bundled schema has patterns with an unescaped "]" after "\b", which a Unicode regular
  // expression (as the validator compiles them) refuses; escaped, they mean what they meant.
  const patternProperties = Object.fromEntries(Object.entries(schema.patternProperties ?? {}).map(([pattern, rule]) => [pattern.replace(/\\b\]/g, '\\b\\]'), rule]));
  return ManifestUtil.validateManifestAgainstSchema(localization as unknown as TeamsAppManifest, { ...schema, patternProperties } as Schema);
}

/** The version in package.json: the app's version unless TEAMS_APP_VERSION says otherwise. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(pkg.version)) throw new AppPackageError('teams-package: package.json has no version like 1.0.0');
  return pkg.version;
}

export function manifestOptions(config: Config, appId: string | undefined): ManifestOptions {
  const id = appId ?? config.MicrosoftAppId;
  if (!id) throw new AppPackageError('teams-package: no bot id. Set MicrosoftAppId or pass --app-id <guid>.');
  const site = config.TEAMS_DEVELOPER_URL.replace(/\/+$/, '');
  return {
    appId: id,
    version: config.TEAMS_APP_VERSION ?? packageVersion(),
    websiteUrl: site,
    privacyUrl: config.TEAMS_PRIVACY_URL ?? `${site}/privatlivspolitik`,
    termsOfUseUrl: config.TEAMS_TERMS_URL ?? `${site}/vilkaar`,
  };
}

/** Builds, validates and zips the package; throws AppPackageError naming what is wrong. */
export async function buildTeamsPackage(options: ManifestOptions, out = DEFAULT_OUT): Promise<PackageResult> {
  const manifest = buildManifest(options);
  const problems = await validateManifest(manifest);
  if (problems.length > 0) throw new AppPackageError(`teams-package: manifest.json does not validate against schema v${MANIFEST_VERSION}:\n  ${problems.join('\n  ')}`);
  const english = buildEnglishLocalization();
  const localizationProblems = await validateLocalization(english);
  if (localizationProblems.length > 0) throw new AppPackageError(`teams-package: ${ENGLISH_FILE} does not validate:\n  ${localizationProblems.join('\n  ')}`);
  const color = colorIcon();
  const outline = outlineIcon();
  const sizes = [pngSize(color), pngSize(outline)];
  if (sizes[0]?.width !== 192 || sizes[1]?.width !== 32) throw new AppPackageError('teams-package: icon sizes are wrong');
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile(ENGLISH_FILE, Buffer.from(`${JSON.stringify(english, null, 2)}\n`, 'utf8'));
  zip.addFile('color.png', color);
  zip.addFile('outline.png', outline);
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, zip.toBuffer());
  return { file, manifest };
}

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config = toolingConfigFromProcessEnv();
  const result = await buildTeamsPackage(manifestOptions(config, argument(args, '--app-id')), argument(args, '--out') ?? DEFAULT_OUT);
  process.stdout.write(`teams:package: wrote ${result.file} (manifest v${MANIFEST_VERSION}, bot ${String(result.manifest.id)})\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
