import { z } from 'zod';
import { PORTAL_AREA, isAreaSlug, isFormId, type ArticleArea } from './areas.js';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * What an article is for, beyond answering questions: `contact` marks the article with the service
 * desk's contact details and opening hours ("talk to a person" is answered from it).
 */
export const TOPICS = ['contact'] as const;
export type Topic = (typeof TOPICS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** The YAML front matter of an article file under `knowledge/articles/`. */
export const ArticleFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected lower-case letters, digits, ".", "_" or "-"'),
    title: z.string().trim().min(1),
    /** An area slug (`oekonomi`, …) or `portal` for articles about the portal itself. */
    area: z
      .string()
      .refine((value) => value === PORTAL_AREA || isAreaSlug(value), { message: 'unknown area slug' })
      .transform((value) => value as ArticleArea),
    system: z.string().trim().min(1).optional(),
    language: z.enum(LANGUAGES),
    /** Search words and synonyms that the body may not contain. */
    keywords: z.array(z.string().trim().min(1)).default([]),
    /** Id of the portal catalogue's form (`oekonomi.faktura`) the article suggests for a case. */
    relatedForm: z
      .string()
      .refine(isFormId, { message: 'expected a form id "<area>.<form>" of the portal catalogue (portal/catalogue.data.ts)' })
      .optional(),
    url: z.string().url().optional(),
    updated: z.union([isoDate, z.date().transform((date) => date.toISOString().slice(0, 10))]),
    /** Id of the article this one translates (an English version points to the Danish one). */
    translationOf: z.string().min(1).optional(),
    /** Optional role of the article (see TOPICS); `contact` = the desk's contact details. */
    topic: z.enum(TOPICS).optional(),
    /** The team that answers for the article's content (kb:lint). */
    owner: z.string().trim().min(1).optional(),
    /** The date by which the owner checks the article against its source again (kb:lint warns after it). */
    reviewBy: z.union([isoDate, z.date().transform((date) => date.toISOString().slice(0, 10))]).optional(),
  })
  .strict();

/** One line of a JSONL export: `{id,title,area,system,url,body}`, optionally `updated` (YYYY-MM-DD), `language`, `keywords`, `topic`. */
export const JsonlArticleSchema = z.object({
  id: z.string().trim().min(1),
  title: z.string().trim().min(1),
  area: z.string().default(''),
  system: z.string().optional(),
  url: z.string().url().optional(),
  body: z.string().trim().min(1),
  language: z.enum(LANGUAGES).optional(),
  keywords: z.array(z.string()).optional(),
  updated: isoDate.optional(),
  topic: z.enum(TOPICS).optional(),
});

/** An article as the knowledge base uses it, whatever its source. */
export interface Article {
  readonly id: string;
  readonly title: string;
  readonly area: ArticleArea;
  readonly system: string | undefined;
  readonly language: Language;
  readonly keywords: readonly string[];
  readonly relatedForm: string | undefined;
  readonly url: string | undefined;
  readonly updated: string | undefined;
  readonly translationOf: string | undefined;
  /** What the article is for besides answering questions (see TOPICS). */
  readonly topic?: Topic | undefined;
  /** Markdown body without front matter. */
  readonly body: string;
  /** File the article came from (with line for JSONL), for error messages. */
  readonly source: string;
}

/** A piece of an article that can answer a question on its own. */
export interface Passage {
  /** `${articleId}#${index}` */
  readonly id: string;
  readonly articleId: string;
  readonly index: number;
  /** The nearest heading above the passage, if any. */
  readonly heading: string | undefined;
  readonly text: string;
  /**
   * The passage as shown, when the cut into passages split a list it holds: its text with the list's other items (those
   * the neighbouring passages hold) put back in place, so that a procedure or an enumeration is shown whole. Never searched
   * or weighed — the index knows `text` only (see `shownText` in passages.ts).
   */
  readonly wholeText?: string;
}
