import type { Locale } from './locale.js';

/**
 * Everything the bot itself says, Danish first. Keys are stable; wording may change freely.
 * Texts that need values are functions.
 */
const da = {
  welcome:
    'Hej! Jeg er Serviceportalens assistent for løn, regnskab og de fællesstatslige systemer.\n\n' +
    'Jeg kan:\n' +
    '- **svare på spørgsmål** ud fra vidensbasen\n' +
    '- **oprette en sag** til Statens Administration sammen med dig\n' +
    '- **vise status** på dine sager og tilføje kommentarer\n\n' +
    'Skriv dit spørgsmål, eller vælg herunder.',
  actionAsk: 'Stil et spørgsmål',
  actionCreateCase: 'Opret en sag',
  actionMyCases: 'Mine sager',
  actionHelp: 'Hjælp',
  askPrompt: 'Skriv dit spørgsmål med dine egne ord, så finder jeg svaret i vidensbasen.',
  notUnderstood: 'Det forstod jeg desværre ikke. Skriv dit spørgsmål med andre ord, eller skriv "hjælp".',
  turnError:
    'Beklager, der gik noget galt hos mig. Prøv igen om lidt. Hvis det bliver ved, kan du oprette en sag i Serviceportalen.',
  tryAgainSoon: 'Beklager, jeg kan ikke nå mine data lige nu. Prøv igen om lidt – intet af det, du har skrevet, er gået tabt.',
  tooLong: (max: number) =>
    `Din besked er for lang til mig (over ${max} tegn). Skriv den kortere – en lang beskrivelse kan du give, når vi opretter en sag.`,
  busyRepeat: 'Jeg nåede ikke at gemme det, du skrev, fordi samtalen blev opdateret samtidig et andet sted. Skriv det venligst igen.',
  tooManyTurns: (seconds: number) =>
    `Du skriver hurtigere, end jeg kan følge med. Vent venligst ${seconds === 1 ? 'et sekund' : `${seconds} sekunder`}, og skriv så igen.`,
  tooManyCases: 'Du har oprettet mange sager på kort tid, så jeg venter lidt med den næste. Prøv at bekræfte igen om lidt – dine svar er gemt.',
};

type Catalogue = typeof da;

const en: Catalogue = {
  welcome:
    "Hi! I'm the Serviceportal assistant for payroll, accounting and the shared government systems.\n\n" +
    'I can:\n' +
    '- **answer questions** from the knowledge base\n' +
    '- **create a case** for Statens Administration with you\n' +
    '- **show the status** of your cases and add comments\n\n' +
    'Type your question, or choose below.',
  actionAsk: 'Ask a question',
  actionCreateCase: 'Create a case',
  actionMyCases: 'My cases',
  actionHelp: 'Help',
  askPrompt: 'Type your question in your own words and I will look it up in the knowledge base.',
  notUnderstood: 'Sorry, I did not understand that. Try other words, or type "help".',
  turnError: 'Sorry, something went wrong on my side. Please try again shortly. If it persists, create a case in the Serviceportal.',
  tryAgainSoon: "Sorry, I can't reach my data right now. Please try again shortly – nothing you wrote has been lost.",
  tooLong: (max: number) =>
    `Your message is too long for me (over ${max} characters). Please shorten it – you can give a long description when we create a case.`,
  busyRepeat: 'I could not save what you wrote because the conversation was updated elsewhere at the same time. Please write it again.',
  tooManyTurns: (seconds: number) =>
    `You are writing faster than I can keep up with. Please wait ${seconds === 1 ? 'a second' : `${seconds} seconds`} and write again.`,
  tooManyCases: 'You have created many cases in a short time, so I am waiting a little before the next one. Please confirm again shortly – your answers are saved.',
};

const catalogues: Record<Locale, Catalogue> = { da, en };

export type MessageKey = keyof Catalogue;

export function messages(locale: Locale): Catalogue {
  return catalogues[locale];
}
