/**
 * Small talk about the assistant itself: "er du et menneske?", "hvem er du?", "hvordan har du det?",
 * "are you a bot?", "what is your name?". Such a question is about the one the user talks to, not
 * about anything the knowledge base holds: it gets a short answer of its own (what the assistant is
 * and what it can do), neither the welcome nor the desk's contact details, and it is declined from
 * the knowledge base (no article is shown).
 *
 * Recognised by its grammar, not by phrases: the assistant as the subject of "to be" with a
 * question word or with what it might be ("hvem er du", "er du en robot", "are you human"), of
 * "hedde" or of "have det" (how it is), or "your name" — in a short message, since a long one that
 * says "er du sikker på …" is about something else.
 */

/** The forms that make the assistant the topic of a question. */
const ABOUT_YOU: readonly RegExp[] = [
  // Danish: "hvem er du", "hvad er du", "hvordan har du det", "hvad hedder du", "dit navn", and "er
  // du" with what the assistant might be ("en robot", "et menneske", "ægte").
  /\b(?:hvem|hvad|hvordan)\s+(?:er|var)\s+du\b/u,
  /\ber\s+du\s+(?:en|et|ægte|rigtig|levende|menneske|robot|computer|program)\b/u,
  /\bhedder\s+du\b/u,
  /\bhar\s+du\s+det\b/u,
  /\bgår\s+det\s+med\s+dig\b/u,
  // "hvordan går det?", "går det godt": how it goes, with nothing after it that it could be about (round 14);
  // not "hvornår går det?" (when it goes through).
  /(?:\bhvordan\s+går\s+det|\bgår\s+det\s+(?:godt|fint))\s*[?!.]*\s*$/u,
  // "skriver jeg med et menneske eller en robot?", "taler jeg med en bot": who the user is talking to.
  /\b(?:skriver|taler|chatter|snakker|kommunikerer)\s+jeg\s+(?:med|til)\s+(?:en|et|ægte|rigtig|rigtigt|levende|menneske|robot|bot|computer|maskine)\b/u,
  /\bdit\s+navn\b/u,
  // Whether the assistant works ("virker du?", "jeg tester lige om du virker", "fungerer du"): the user tries it out.
  /\b(?:virker|fungerer|kører)\s+du\b|\bdu\s+(?:virker|fungerer|kører)\b/u,
  // English: "who are you", "how are you", "are you a bot", "are you human", "your name". "Are you
  // open on Saturdays?" asks about the desk (you as plural), so "are you" alone is not enough.
  /\b(?:who|what|how)\s+are\s+you\b/u,
  /\bare\s+you\s+(?:a|an|human|real|alive|ai)\b/u,
  /\bam\s+i\s+(?:talking|chatting|speaking|writing)\s+(?:to|with)\s+(?:a|an|human|real|bot|robot|machine|computer)\b/u,
  /\byour\s+name\b/u,
  /\b(?:do|does)\s+you\s+work\b|\bare\s+you\s+(?:working|on|there|awake)\s*[?!.]*\s*$|\bif\s+you\s+(?:work|are\s+working)\b/u,
];

/** At most this many words: a longer message says more than how the assistant is. */
const MAX_WORDS = 8;

/** Whether a message asks about the assistant itself (see the module's comment). */
export function asksAboutAssistant(text: string): boolean {
  const lower = text.toLocaleLowerCase('da').replace(/[’']/g, ' ');
  const words = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  return ABOUT_YOU.some((pattern) => pattern.test(lower));
}
