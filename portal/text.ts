import { z } from 'zod';

/** A text in Danish (first) and English. */
export const localizedSchema = z.object({ da: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localizedSchema>;

export type Language = 'da' | 'en';

const TRANSLITERATION: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa', é: 'e', ü: 'u', ö: 'oe', ä: 'ae' };

/**
 * A key for tolerant matching of names typed in chat: lower case, æ/ø/å spelled out, and
 * everything but letters and digits removed, so "Rejs Ud", "rejsud" and "REJS-UD" meet, as do
 * "Økonomi" and "oekonomi".
 */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåéüöä]/g, (ch) => TRANSLITERATION[ch] ?? ch)
    .replace(/[^a-z0-9]/g, '');
}

/** Words of a text in the same spelling as {@link matchKey}, for finding names inside sentences. */
export function matchWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[æøåéüöä]/g, (ch) => TRANSLITERATION[ch] ?? ch)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function pick(text: Localized, lang: Language): string {
  return text[lang];
}

/** A question ("hvilke systemer kan jeg vælge imellem", "which forms are there?"): it names no option by its words. */
export const ASKS = /\?|^\s*(?:hvilke|hvilken|hvilket|hvad|hvordan|hvor|hvem|hvornår|hvorfor|which|what|how|where|who|when|why)(?![\p{L}\d])/iu;
