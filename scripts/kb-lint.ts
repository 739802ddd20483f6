/**
 * kb:lint — checks every knowledge source and prints what to fix.
 *
 *   npm run --silent kb:lint -- [--kb <dir-or-jsonl> …] [--today YYYY-MM-DD] [--json]
 *
 * Errors (the command fails): a file that does not load (front matter missing or invalid, no
 * text), an id used twice, a `relatedForm` that is not a form of the portal catalogue or not of
 * the article's area, an internal link that leads nowhere, a translation of an article that does
 * not exist or is in the same language. Warnings: an article past its `reviewBy` date (stale),
 * without `owner` or `reviewBy`, `updated` in the future, or a translation whose sections do not
 * match its original's. Default source: knowledge/articles.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ArticleFrontMatterSchema, type Article } from '../knowledge/article.js';
import { parseJsonlArticles, parseMarkdownArticle } from '../knowledge/loader.js';
import { splitIntoPassages } from '../knowledge/passages.js';
import { catalogue, getForm, type Catalogue } from '../portal/index.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  readonly severity: Severity;
  /** File (and line for JSONL) at fault. */
  readonly where: string;
  readonly message: string;
}

export interface LintOptions {
  /** The day the review dates are compared with, YYYY-MM-DD. Default: today (UTC). */
  readonly today?: string;
  readonly catalogue?: Catalogue;
}

export interface LintReport {
  readonly articles: number;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
}

/** The lifecycle fields that the loader does not carry into an Article. */
interface Lifecycle {
  readonly owner: string | undefined;
  readonly reviewBy: string | undefined;
}

interface Loaded {
  readonly article: Article;
  readonly lifecycle: Lifecycle | undefined;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
/** `[text](target)` but not images; the target up to whitespace or `)`. */
const LINK = /(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

async function markdownFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await markdownFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') files.push(path);
  }
  return files;
}

function lifecycleOf(text: string): Lifecycle | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const parsed = ArticleFrontMatterSchema.safeParse(parseYaml(match[1] ?? '') ?? {});
  return parsed.success ? { owner: parsed.data.owner, reviewBy: parsed.data.reviewBy } : undefined;
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The loader's messages start with the file; the finding names it already.
  return text.replace(/^KB\.[A-Z_]+:\s*/, '').replace(/^[^:]+?\.(?:md|jsonl)(?::\d+)?:\s*/, '');
}

/** Loads each file on its own, so that one broken article does not hide the others' findings. */
async function loadEach(sources: readonly string[], findings: Finding[]): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  for (const source of sources) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(source)).isDirectory();
    } catch {
      findings.push({ severity: 'error', where: source, message: 'cannot read the knowledge source' });
      continue;
    }
    const files = isDirectory ? await markdownFiles(source) : [source];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      try {
        if (file.endsWith('.jsonl')) {
          for (const article of parseJsonlArticles(text, file)) loaded.push({ article, lifecycle: undefined });
        } else if (file.endsWith('.md')) {
          loaded.push({ article: parseMarkdownArticle(text, file), lifecycle: lifecycleOf(text) });
        } else {
          findings.push({ severity: 'error', where: file, message: 'expected a directory of .md files or a .jsonl file' });
        }
      } catch (error: unknown) {
        findings.push({ severity: 'error', where: file, message: message(error) });
      }
    }
  }
  return loaded;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Runs every check over the sources; never throws for content, only reports. */
export async function lintKnowledge(sources: readonly string[], options: LintOptions = {}): Promise<LintReport> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(today)) throw new Error(`kb:lint: --today expects YYYY-MM-DD, got "${today}"`);
  const cat = options.catalogue ?? catalogue;
  const findings: Finding[] = [];
  const loaded = await loadEach(sources, findings);

  const byId = new Map<string, Article>();
  for (const { article } of loaded) {
    const earlier = byId.get(article.id);
    if (earlier) findings.push({ severity: 'error', where: article.source, message: `id "${article.id}" is already used by ${earlier.source}` });
    else byId.set(article.id, article);
  }
  const files = new Set(loaded.map(({ article }) => resolve(article.source)));

  for (const { article, lifecycle } of loaded) {
    const where = article.source;
    const error = (text: string): void => void findings.push({ severity: 'error', where, message: text });
    const warning = (text: string): void => void findings.push({ severity: 'warning', where, message: text });

    if (article.relatedForm !== undefined) {
      const form = getForm(article.relatedForm, cat);
      if (!form) error(`relatedForm "${article.relatedForm}" is not a form of the portal catalogue (portal/catalogue.data.ts)`);
      else if (article.area !== 'portal' && form.areaId !== article.area) {
        error(`relatedForm "${article.relatedForm}" belongs to the area "${form.areaId}", the article to "${article.area}"`);
      }
    }

    if (article.translationOf !== undefined) {
      const original = byId.get(article.translationOf);
      if (!original) error(`translationOf "${article.translationOf}": no article has that id`);
      else if (original.language === article.language) error(`translationOf "${article.translationOf}": the original is in the same language (${article.language})`);
      else if (original.translationOf !== undefined) error(`translationOf "${article.translationOf}": that article is itself a translation; point at the original`);
      else {
        // An answer found in one language is shown from the passage at the same position in the other.
        const mine = splitIntoPassages(article).length;
        const theirs = splitIntoPassages(original).length;
        if (mine !== theirs) warning(`has ${mine} passages, its original "${original.id}" ${theirs}: keep the same sections in the same order, so that an answer shows the matching passage`);
      }
    }

    for (const match of article.body.matchAll(LINK)) {
      const target = match[1] ?? '';
      if (target === '' || target.startsWith('#') || HAS_SCHEME.test(target)) continue;
      const path = target.split('#')[0] ?? '';
      const resolvesToArticle = byId.has(path);
      const resolvesToFile = !where.endsWith('.jsonl') && files.has(resolve(dirname(where), path));
      if (!resolvesToArticle && !resolvesToFile) error(`link "${target}" leads to no article (use an article id or the relative path of an article file)`);
    }

    if (article.updated !== undefined && article.updated > today) warning(`updated ${article.updated} is in the future`);
    if (lifecycle !== undefined) {
      if (lifecycle.owner === undefined) warning('no owner: name the team that answers for the article');
      if (lifecycle.reviewBy === undefined) warning('no reviewBy: set the date by which the owner checks the article again');
      else if (lifecycle.reviewBy < today) warning(`stale: reviewBy ${lifecycle.reviewBy} has passed; check the article against its source (${article.url ?? 'no url'}) and set a new date`);
    }
  }

  return {
    articles: loaded.length,
    errors: findings.filter((finding) => finding.severity === 'error'),
    warnings: findings.filter((finding) => finding.severity === 'warning'),
  };
}

interface LintArgs {
  kb: string[];
  today: string | undefined;
  json: boolean;
}

function parseArgs(argv: readonly string[]): LintArgs {
  const args: LintArgs = { kb: [], today: undefined, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--kb' && argv[i + 1] !== undefined) args.kb.push(argv[(i += 1)] as string);
    else if (arg === '--today' && argv[i + 1] !== undefined) args.today = argv[(i += 1)];
    else if (arg === '--json') args.json = true;
    else throw new Error(`kb:lint: unknown argument "${arg ?? ''}"; usage: kb:lint [--kb <dir-or-jsonl> …] [--today YYYY-MM-DD] [--json]`);
  }
  if (args.kb.length === 0) args.kb.push(fileURLToPath(new URL('../knowledge/articles/', import.meta.url)));
  return args;
}

async function main(): Promise<void> {
  process.stdout.on('error', () => undefined);
  const args = parseArgs(process.argv.slice(2));
  const report = await lintKnowledge(args.kb, args.today ? { today: args.today } : {});
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    const show = (finding: Finding): string => `${finding.severity === 'error' ? 'error  ' : 'warning'} ${relative(process.cwd(), finding.where) || finding.where}: ${finding.message}`;
    for (const finding of [...report.errors, ...report.warnings]) console.log(show(finding));
    console.log(`kb:lint: ${report.articles} articles, ${report.errors.length} errors, ${report.warnings.length} warnings`);
  }
  if (report.errors.length > 0) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
