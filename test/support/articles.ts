import type { AnswerResult, Article } from '../../knowledge/index.js';

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

/**
 * The knowledge base's answer from an article written for a test, shown by its one passage saying `text` (the body too,
 * unless one is given): what the routing decision weighs, without an index.
 */
export function answerFrom(fields: Partial<Article> & Pick<Article, 'id'>, text: string, score = 0.9): AnswerResult {
  const article = testArticle({ body: text, ...fields });
  return {
    kind: 'answered',
    score,
    url: undefined,
    updated: undefined,
    stale: false,
    article,
    passage: { id: `${article.id}#0`, articleId: article.id, index: 0, heading: undefined, text },
  };
}

/** The id of the article that answered, or the kind of the result ("unknown", "ambiguous"). */
export const answeredId = (result: AnswerResult): string => (result.kind === 'answered' ? result.article.id : result.kind);

/**
 * Pages of other systems for the ranking tests, so that the words of a test's own pages weigh as they do among many. Each
 * test file takes those it was written with (which ones changes the figures a test's pages are ranked by).
 */
export const NEIGHBOUR_PAGES = {
  rejser: testArticle({ id: 'rejser', title: 'RejsUd – rejseafregning', system: 'RejsUd', body: 'RejsUd samler den rejsendes afregninger og udlæg. Afregningen sendes til Navision til bogføring.' }),
  faktura: testArticle({ id: 'faktura', title: 'Kom godt i gang med IndFak', system: 'IndFak', body: 'IndFak bruges til fakturahåndtering. Implementeringen tager 4 uger.' }),
  navision: testArticle({ id: 'navision', title: 'Om Navision Stat', system: 'Navision Stat', body: 'Navision Stat er statens økonomisystem. En institution kan have flere regnskaber i databasen.' }),
  campus: testArticle({ id: 'campus', title: 'Campus', system: 'Campus', body: 'Campus er statens læringsplatform med e-læring for medarbejderne.' }),
  loenkalender: testArticle({ id: 'loen', title: 'Lønkalender', system: 'SLS', body: 'Lønkalenderen viser afleveringsfrister og lønkørsler. HR-Løn og SLS lukker kl. 16.00 på lønkørselsdagen.' }),
  loen: testArticle({ id: 'loen', title: 'Statens Lønløsning', system: 'SLS', body: 'Statens Lønløsning beregner løn. Lønsedlen viser løndele og lønperioder.' }),
} as const;
