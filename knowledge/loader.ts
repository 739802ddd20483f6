import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ZodError } from 'zod';
import { areaFrom } from './areas.js';
import { ArticleFrontMatterSchema, JsonlArticleSchema, type Article } from './article.js';
import { KnowledgeError } from './errors.js';

/** A KB source: a directory of `.md` articles (searched recursively) or a `.jsonl` export. */
export type KnowledgeSource = string;

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `field "${issue.path.join('.') || '(root)'}": ${issue.message}`)
    .join('; ');
}

/** Parses one Markdown article with YAML front matter. Throws KB.BAD_ARTICLE naming file and field. */
export function parseMarkdownArticle(text: string, file: string): Article {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    throw new KnowledgeError('KB.BAD_ARTICLE', `${file}:1: missing YAML front matter (--- … ---)`, { file });
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error: unknown) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line + 1 : 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeError('KB.BAD_ARTICLE', `${file}:${line}: invalid front matter: ${reason}`, {
      file,
      cause: error,
    });
  }
  const parsed = ArticleFrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    throw new KnowledgeError('KB.BAD_ARTICLE', `${file}: ${describeZodError(parsed.error)}`, {
      file,
      cause: parsed.error,
    });
  }
  const body = text.slice(match[0].length).trim();
  if (body.length === 0) {
    throw new KnowledgeError('KB.BAD_ARTICLE', `${file}: field "body": the article has no text`, { file });
  }
  const fm = parsed.data;
  return {
    id: fm.id,
    title: fm.title,
    area: fm.area,
    system: fm.system,
    language: fm.language,
    keywords: fm.keywords,
    relatedForm: fm.relatedForm,
    url: fm.url,
    updated: fm.updated,
    translationOf: fm.translationOf,
    topic: fm.topic,
    body,
    source: file,
  };
}

/** Parses a JSONL export `{id,title,area,system,url,body}` (one article per line). */
export function parseJsonlArticles(text: string, file: string): Article[] {
  const articles: Article[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error: unknown) {
      throw new KnowledgeError('KB.BAD_ARTICLE', `${where}: not valid JSON`, { file, cause: error });
    }
    const parsed = JsonlArticleSchema.safeParse(data);
    if (!parsed.success) {
      throw new KnowledgeError('KB.BAD_ARTICLE', `${where}: ${describeZodError(parsed.error)}`, {
        file,
        cause: parsed.error,
      });
    }
    const row = parsed.data;
    articles.push({
      id: row.id,
      title: row.title,
      area: areaFrom(row.area),
      system: row.system,
      language: row.language ?? 'da',
      keywords: row.keywords ?? [],
      relatedForm: undefined,
      url: row.url,
      updated: row.updated,
      translationOf: undefined,
      topic: row.topic,
      body: row.body,
      source: where,
    });
  });
  return articles;
}

function markdownFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...markdownFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      files.push(path);
    }
  }
  return files;
}

/** Checks what holds across articles: unique ids, translations pointing at existing articles. */
export function checkArticles(articles: readonly Article[]): void {
  const seen = new Map<string, string>();
  for (const article of articles) {
    const earlier = seen.get(article.id);
    if (earlier !== undefined) {
      throw new KnowledgeError(
        'KB.BAD_ARTICLE',
        `${article.source}: field "id": "${article.id}" is already used by ${earlier}`,
        { file: article.source },
      );
    }
    seen.set(article.id, article.source);
  }
  for (const article of articles) {
    if (article.translationOf !== undefined && !seen.has(article.translationOf)) {
      throw new KnowledgeError(
        'KB.BAD_ARTICLE',
        `${article.source}: field "translationOf": no article with id "${article.translationOf}"`,
        { file: article.source },
      );
    }
  }
}

/** One file of a knowledge source, as read: the unit the loader parses and a cache keys on. */
export interface SourceFile {
  readonly path: string;
  readonly kind: 'md' | 'jsonl';
  readonly text: string;
}

/**
 * Reads every article file of the given sources (directories of `.md` files or `.jsonl` files), unparsed.
 * Read synchronously (a hundred small files, a few milliseconds): at start-up the database opens
 * meanwhile on the same thread, and a chain of several hundred awaited reads, each waiting its turn
 * behind PostgreSQL's boot and queries, kept the knowledge base from being ready for 0.25–0.8 s after
 * the database was.
 */
export async function readSources(sources: readonly KnowledgeSource[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const source of sources) {
    let info;
    try {
      info = statSync(source);
    } catch (error: unknown) {
      throw new KnowledgeError('KB.BAD_SOURCE', `${source}: cannot read the knowledge source`, {
        file: source,
        cause: error,
      });
    }
    if (info.isDirectory()) {
      for (const file of markdownFiles(source)) files.push({ path: file, kind: 'md', text: readFileSync(file, 'utf8') });
    } else if (source.endsWith('.jsonl')) {
      files.push({ path: source, kind: 'jsonl', text: readFileSync(source, 'utf8') });
    } else if (source.endsWith('.md')) {
      files.push({ path: source, kind: 'md', text: readFileSync(source, 'utf8') });
    } else {
      throw new KnowledgeError('KB.BAD_SOURCE', `${source}: expected a directory of .md files or a .jsonl file`, {
        file: source,
      });
    }
  }
  return files;
}

/** Parses files read by {@link readSources} and checks them together. Throws KB.BAD_ARTICLE naming the file and field. */
export function parseSources(files: readonly SourceFile[]): Article[] {
  const articles: Article[] = [];
  for (const file of files) {
    if (file.kind === 'jsonl') articles.push(...parseJsonlArticles(file.text, file.path));
    else articles.push(parseMarkdownArticle(file.text, file.path));
  }
  checkArticles(articles);
  return articles;
}

/** Loads every article of the given sources (directories of `.md` files or `.jsonl` files). */
export async function loadArticles(sources: readonly KnowledgeSource[]): Promise<Article[]> {
  return parseSources(await readSources(sources));
}
