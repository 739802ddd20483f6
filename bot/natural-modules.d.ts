// natural's top-level import takes about a second and prints; the classifier is imported alone.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export interface Stemmer {
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
  class BayesClassifier {
    constructor(stemmer?: Stemmer, smoothing?: number);
    addDocument(text: string | string[], classification: string): void;
    train(): void;
    classify(observation: string | string[]): string;
    getClassifications(observation: string | string[]): { label: string; value: number }[];
  }
  export default BayesClassifier;
}

declare module 'natural/lib/natural/classifiers/logistic_regression_classifier.js' {
  import type { Stemmer } from 'natural/lib/natural/classifiers/bayes_classifier.js';
  class LogisticRegressionClassifier {
    constructor(stemmer?: Stemmer);
    addDocument(text: string | string[], classification: string): void;
    train(): void;
    classify(observation: string | string[]): string;
    getClassifications(observation: string | string[]): { label: string; value: number }[];
  }
  export default LogisticRegressionClassifier;
}
