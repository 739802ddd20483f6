/**
 * The knowledge component's public API: articles, Danish/English analysis, the passage index and
 * the answerer (answered / ambiguous / unknown). Pure apart from reading article files.
 */
export { createKnowledgeBase, knowledgeBaseFromArticles, knowledgeBaseFromSnapshot } from './knowledge-base.js';
export type { KnowledgeBase, KnowledgeBaseOptions, IndexCache } from './knowledge-base.js';
export type { AnswerResult, AnswerCandidate, AnswerOptions, RankedArticle } from './answerer.js';
export { ANSWER_THRESHOLDS, STALE_AFTER_YEARS, isStale } from './answerer.js';
export type { AnswerThresholds } from './answerer.js';
export { withoutCopyNotes, isCopyNote, shownText } from './passages.js';
export { askedKinds, kindMatch } from './fact-kinds.js';
export type { FactKind } from './fact-kinds.js';
export { detectLanguage, hasDanishLetters } from './analysis/language.js';
export { Analyzer } from './analysis/analyzer.js';
export { loadDanishWords } from './analysis/danish-words.js';
export type { AnalyzerCache, AnalyzerSnapshot } from './analysis/analyzer.js';
export { loadArticles, readSources, parseSources, parseMarkdownArticle, parseJsonlArticles } from './loader.js';
export type { KnowledgeSource, SourceFile } from './loader.js';
export type { Article, Passage, Language, Topic } from './article.js';
export { AREAS, areaName } from './areas.js';
export type { AreaSlug, ArticleArea } from './areas.js';
export { KnowledgeError } from './errors.js';
export type { KnowledgeErrorCode } from './errors.js';
export type { IndexSnapshot } from './search-index.js';
export { watchArticles } from './watcher.js';
export type { ArticleWatcher, WatchOptions, ReloadOutcome } from './watcher.js';
export { questionKey } from './feedback-store.port.js';
export type { FeedbackStore, AnswerFeedback, UnansweredQuestion, FeedbackReport, FeedbackReportOptions } from './feedback-store.port.js';
