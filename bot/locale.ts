export type Locale = 'da' | 'en';

/** Normalises a Bot Framework locale ("da-DK", "en-US", undefined) to the assistant's languages. */
export function toLocale(value: string | undefined, fallback: Locale = 'da'): Locale {
  if (!value) return fallback;
  const lower = value.toLowerCase();
  if (lower.startsWith('en')) return 'en';
  if (lower.startsWith('da')) return 'da';
  return fallback;
}
