import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { detectLanguage } from '../../knowledge/analysis/language.js';
import { defaultLexicon } from '../../knowledge/analysis/lexicon.js';
import { Stemmers } from '../../knowledge/analysis/stemmers.js';
import { tokenize, words } from '../../knowledge/analysis/tokenizer.js';
import { WordTable } from '../../knowledge/analysis/word-table.js';
import { knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { testArticle } from '../support/articles.js';

const stemmers = new Stemmers(defaultLexicon());
const analyzer = new Analyzer();

// Words built from Danish letters, so the stemmer's rules are exercised, not just skipped.
const danishWord = fc.stringMatching(/^[a-zæøå]{1,16}$/);
const anyText = fc.string({ unit: fc.constantFrom(...'abcæøåÆØÅ -/.,!?1234567890HRLønSDI\n\t\'’'.split('')), maxLength: 60 });

function vocabularyOf(words: string[]): Vocabulary {
  return Vocabulary.fromCounts(
    1,
    words.map((word) => [stemmers.stem(word, 'da'), 1]),
    words,
  );
}

describe('Stemmers', () => {
  describe('when a stem is stemmed again', () => {
    it('does not change it (Danish)', () => {
      fc.assert(fc.property(danishWord, (word) => stemmers.stem(stemmers.stem(word, 'da'), 'da') === stemmers.stem(word, 'da')));
    });

    it('does not change it (English)', () => {
      fc.assert(fc.property(fc.stringMatching(/^[a-z]{1,16}$/), (word) => stemmers.stem(stemmers.stem(word, 'en'), 'en') === stemmers.stem(word, 'en')));
    });
  });

  describe('when Danish words differ only by inflection', () => {
    it('gives them one stem', () => {
      expect(stemmers.stem('lønseddel', 'da')).toBe(stemmers.stem('lønsedlen', 'da'));
      expect(stemmers.stem('regel', 'da')).toBe(stemmers.stem('reglerne', 'da'));
      expect(stemmers.stem('nulstilling', 'da')).toBe(stemmers.stem('nulstille', 'da'));
      expect(stemmers.stem('ulønnede', 'da')).toBe(stemmers.stem('ulønnet', 'da'));
    });

    it('gives a Latin noun in -ium and its Danish forms one stem, and "konti" the stem of "konto" (round 12)', () => {
      expect(stemmers.stem('ministerium', 'da')).toBe(stemmers.stem('ministeriet', 'da'));
      expect(stemmers.stem('ministerium', 'da')).toBe(stemmers.stem('ministerierne', 'da'));
      expect(stemmers.stem('gymnasium', 'da')).toBe(stemmers.stem('gymnasier', 'da'));
      expect(stemmers.stem('kriterium', 'da')).toBe(stemmers.stem('kriterier', 'da'));
      expect(stemmers.stem('konti', 'da')).toBe(stemmers.stem('kontoen', 'da'));
    });

    it('keeps "bruger" (user) apart from "bruge" (use)', () => {
      expect(stemmers.stem('brugeren', 'da')).toBe('bruger');
      expect(stemmers.stem('bruge', 'da')).not.toBe('bruger');
    });
  });
});

describe('tokenize', () => {
  describe('when given any text', () => {
    it('never returns an empty or upper-case token', () => {
      fc.assert(
        fc.property(anyText, (text) =>
          tokenize(text).every((token) => token.text.length > 0 && token.text === token.text.toLowerCase()),
        ),
      );
    });
  });

  describe('when the text names products joined with / and -', () => {
    it('keeps the whole name and its parts, with æ/ø/å intact', () => {
      const texts = tokenize('Spørgsmål om SLS/HR-Løn og IndFak/SDI i RejsUd').map((token) => token.text);
      expect(texts).toEqual(
        expect.arrayContaining(['spørgsmål', 'sls/hr-løn', 'sls', 'hr-løn', 'hr', 'løn', 'indfak/sdi', 'indfak', 'sdi', 'rejsud']),
      );
    });
  });

  describe('when the text holds a web address', () => {
    it('keeps the host whole without "www." and only its labels of five letters or more', () => {
      expect(tokenize('se www.loenoverblik.dk og virk.dk').map((token) => token.text)).toEqual(['se', 'loenoverblik.dk', 'loenoverblik', 'og', 'virk.dk']);
      expect(tokenize('statens-adm.dk').map((token) => token.text)).toEqual(['statens-adm.dk', 'statens']);
    });

    it('spells the host as an address is spelt, without æ, ø and å, and keeps its label as written (round 18)', () => {
      // "lønoverblik.dk" is the site the articles write "www.loenoverblik.dk"; its label is the word "Lønoverblik".
      expect(tokenize('lønoverblik.dk hvem står bag').map((token) => token.text)).toEqual(['loenoverblik.dk', 'lønoverblik', 'hvem', 'står', 'bag']);
    });
  });

  describe('when a word has an apostrophe ending', () => {
    it('drops the ending', () => {
      expect(tokenize("LDV's kuber").map((token) => token.text)).toEqual(['ldv', 'kuber']);
    });
  });

  describe('when a word is in single quotes', () => {
    it('keeps the quoted word (a quotation mark is no apostrophe ending)', () => {
      expect(tokenize("søg fx 'Kontoplan' og vælg 'Rediger min profil'").map((token) => token.text)).toEqual([
        'søg', 'fx', 'kontoplan', 'og', 'vælg', 'rediger', 'min', 'profil',
      ]);
      expect(tokenize("CPU'er og ‘Varsling’").map((token) => token.text)).toEqual(['cpu', 'og', 'varsling']);
    });
  });
});

describe('WordTable', () => {
  // Letters, digits, joiners, apostrophes, spaces, combining marks, letters outside the BMP, lone surrogates.
  const pieces = fc.constantFrom('a', 'Æ', 'ø', 'å', 'É', 'e\u0301', '1', '-', '/', '.', "'", '’', ' ', '\n', 'ß', '𝔘', '\ud835', 'İ', 'ŉ', 'hr-løn', "LDV's");
  const text = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));

  describe('when it scans a text', () => {
    it('finds the words that words() finds', () => {
      const table = new WordTable();
      fc.assert(
        fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' })), (sample) => {
          expect(table.wordsOf(sample)).toEqual(words(sample));
        }),
      );
    });

    it('gives a word the same id wherever it occurs', () => {
      const table = new WordTable();
      const first = table.idsOf('Lønseddel og lønseddel, SLS/HR-Løn');
      expect(first[0]).toBe(first[2]);
      expect(table.idsOf('sls/hr-løn lønseddel')).toEqual([first[3], first[0]]);
    });
  });
});

describe('Analyzer', () => {
  it('drops adverbs of degree and emphasis, which say nothing of the subject (round 11: "især" matched an article\'s "især om …")', () => {
    const vocabulary = vocabularyOf(['især', 'overhovedet', 'løn', 'ldv']);
    const surfaces = (question: string, language: 'da' | 'en'): string[] => analyzer.analyzeQuery(question, vocabulary, language).concepts.map((concept) => concept.surface);
    expect(surfaces('kan vi overhovedet bruge LDV, især til løn', 'da')).toEqual(['ldv', 'løn']);
    expect(surfaces('can we actually use LDV, especially for payroll', 'en')).toEqual(['ldv', 'payroll']);
  });

  describe('when a compound is made of words the corpus knows', () => {
    it('splits it into their stems', () => {
      const vocabulary = vocabularyOf(['løn', 'seddel', 'adgang', 'kode']);
      expect(analyzer.compoundParts('adgangskode', 'da', vocabulary)).toEqual([stemmers.stem('adgang', 'da'), stemmers.stem('kode', 'da')]);
      expect(analyzer.compoundParts('lønseddel', 'da', vocabulary)).toEqual([stemmers.stem('løn', 'da'), stemmers.stem('seddel', 'da')]);
    });

    it('does not split words the corpus cannot explain', () => {
      const vocabulary = vocabularyOf(['løn', 'seddel']);
      expect(analyzer.compoundParts('institution', 'da', vocabulary)).toBeUndefined();
    });
  });

  describe('when analysing any text for the index', () => {
    it('never produces an empty term', () => {
      const vocabulary = vocabularyOf(['løn', 'seddel', 'kode']);
      fc.assert(fc.property(anyText, (text) => analyzer.documentTerms(text, 'da', vocabulary).every((term) => term.length > 0)));
    });
  });

  describe('when a question uses a synonym from the data table', () => {
    it('also searches the other members of the group', () => {
      const vocabulary = vocabularyOf(['adgangskode', 'glemt']);
      const terms = analyzer.analyzeQuery('glemt password', vocabulary, 'da').terms;
      expect(terms).toContainEqual(expect.objectContaining({ term: stemmers.stem('adgangskode', 'da'), kind: 'synonym' }));
    });
  });

  describe('when an English question is analysed', () => {
    it('adds the Danish words of the glossary', () => {
      const vocabulary = vocabularyOf(['lønseddel']);
      const terms = analyzer.analyzeQuery('Where is my payslip?', vocabulary, 'en').terms;
      expect(terms).toContainEqual(expect.objectContaining({ term: stemmers.stem('lønseddel', 'da'), kind: 'glossary' }));
    });
  });

  describe('when a word is misspelt by one letter', () => {
    it('corrects it to the nearest word of the corpus', () => {
      const vocabulary = vocabularyOf(['navision', 'regnskab']);
      expect(vocabulary.closestSurface('navison')).toBe('navision');
      expect(vocabulary.closestSurface('pension')).toBeUndefined();
    });
  });
});

describe('detectLanguage', () => {
  describe('when the text is English', () => {
    it('says en', () => {
      expect(detectLanguage('How do I reset my password?')).toBe('en');
    });
  });

  describe('when the text is Danish or has no evidence', () => {
    it('says da', () => {
      expect(detectLanguage('Hvordan nulstiller jeg min adgangskode?')).toBe('da');
      expect(detectLanguage('SLS')).toBe('da');
    });

    it('does not count "for", a word of both languages (round 15)', () => {
      expect(detectLanguage('frist for sygedagpengerefusion')).toBe('da');
      expect(detectLanguage('deadline for the refund')).toBe('en');
    });
  });

  describe('when no function word tells (round 10)', () => {
    const articles = knowledgeBaseFromArticles([
      testArticle({ id: 'barsel', title: 'Refusionssatser for Barselsfonden', body: 'Satsen for refusion pr. time afhænger af lønnen. Lønsedlen viser refusionen.' }),
    ]);
    const vocabulary = (articles as unknown as { answerer: { index: { vocabulary: Vocabulary } } }).answerer.index.vocabulary;

    it('lets two or more words only English writes make English keywords English', () => {
      expect(analyzer.languageOf('maternity fund refund rate per hour', vocabulary)).toBe('en');
      expect(articles.answer('maternity fund refund rate per hour').kind).toBe('answered');
    });

    it('keeps Danish keywords, and a single English word, Danish', () => {
      expect(analyzer.languageOf('refusion barsel sats', vocabulary)).toBe('da');
      expect(analyzer.languageOf('lønseddel refund', vocabulary)).toBe('da');
      expect(detectLanguage('maternity fund refund rate per hour')).toBe('da');
    });
  });
});
