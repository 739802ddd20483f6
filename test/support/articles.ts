import type { Article } from '../../knowledge/index.js';

/** A Danish portal article written for a test: the id stands for the title unless one is given. */
export const testArticle = (fields: Partial<Article> & Pick<Article, 'id' | 'body'>): Article => ({
  title: fields.id,
  area: 'portal',
  system: undefined,
  language: 'da',
  keywords: [],
  relatedForm: undefined,
  url: undefined,
  updated: undefined,
  translationOf: undefined,
  source: `${fields.id}.md`,
  ...fields,
});
