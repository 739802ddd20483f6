import type { Language } from '../../../portal/index.js';

/** What the cards themselves say, Danish first. */
const da = {
  send: 'Send',
  submitting: 'Sender …',
  confirm: 'Bekræft og send',
  change: 'Ret',
  cancel: 'Annuller',
  next: 'Næste',
  chooseForm: 'Vælg formular',
  chooseFormTitle: 'Opret en sag',
  chooseFormHelp: 'Vælg den formular, der passer til din henvendelse.',
  form: 'Formular',
  required: 'Feltet skal udfyldes.',
  fixErrors: 'Ret de markerede felter og send igen.',
  institution: 'Institution',
  system: 'System',
  sentFrom: 'Send fra',
  sentFromSelf: 'Mig selv',
  onlyWhen: (label: string, answer: string) => `Udfyldes kun, hvis "${label}" er "${answer}".`,
  submittedTitle: (number: string) => `Sendt – sag ${number}`,
  submittedHelp: 'Formularen er sendt og kan ikke sendes igen.',
  caseTitle: (number: string) => `Sag ${number}`,
  status: 'Status',
  subject: 'Emne',
  created: 'Oprettet',
  updated: 'Senest ændret',
  area: 'Område',
  history: 'Historik',
  eventCreated: 'Sagen blev oprettet',
  eventStatus: (status: string) => `Status ændret til ${status}`,
  eventCommentAgent: 'Kommentar fra servicedesken',
  eventCommentCustomer: 'Kommentar fra dig eller din fællespostkasse',
  myCases: 'Mine sager',
  noCases: 'Du har ingen sager endnu.',
  moreCases: 'Der er flere sager. Skriv "mine sager" igen for at se de næste.',
  showCase: (number: string) => `Vis ${number}`,
  summary: 'Tjek dine svar',
  yes: 'Ja',
  no: 'Nej',
  choose: 'Vælg …',
};

type CardTexts = typeof da;

const en: CardTexts = {
  send: 'Send',
  submitting: 'Sending …',
  confirm: 'Confirm and send',
  change: 'Change',
  cancel: 'Cancel',
  next: 'Next',
  chooseForm: 'Choose form',
  chooseFormTitle: 'Create a case',
  chooseFormHelp: 'Choose the form that fits your request.',
  form: 'Form',
  required: 'This field is required.',
  fixErrors: 'Correct the marked fields and send again.',
  institution: 'Institution',
  system: 'System',
  sentFrom: 'Send from',
  sentFromSelf: 'Myself',
  onlyWhen: (label: string, answer: string) => `Only if "${label}" is "${answer}".`,
  submittedTitle: (number: string) => `Sent – case ${number}`,
  submittedHelp: 'The form has been sent and cannot be sent again.',
  caseTitle: (number: string) => `Case ${number}`,
  status: 'Status',
  subject: 'Subject',
  created: 'Created',
  updated: 'Last changed',
  area: 'Area',
  history: 'History',
  eventCreated: 'The case was created',
  eventStatus: (status: string) => `Status changed to ${status}`,
  eventCommentAgent: 'Comment from the service desk',
  eventCommentCustomer: 'Comment from you or your shared mailbox',
  myCases: 'My cases',
  noCases: 'You have no cases yet.',
  moreCases: 'There are more cases. Write "my cases" again to see the next ones.',
  showCase: (number: string) => `Show ${number}`,
  summary: 'Check your answers',
  yes: 'Yes',
  no: 'No',
  choose: 'Choose …',
};

export function cardTexts(lang: Language): CardTexts {
  return lang === 'en' ? en : da;
}

/** What the Teams path says around its cards, Danish first. */
const repliesDa = {
  caseCreated: (number: string) => `Tak! Din sag er oprettet med nummeret **${number}**. Du får besked her, når der sker noget på den.`,
  caseAlreadyCreated: (number: string) => `Formularen var allerede sendt, så der er ikke oprettet en ny sag. Din sag har nummeret **${number}**.`,
  unknownForm: 'Jeg kender ikke den formular. Vælg en af formularerne herunder.',
  unknownUser: 'Jeg kender dig ikke endnu, så jeg kan ikke oprette sager eller vise sager for dig. Skriv "hjælp" for at komme i gang.',
  staleCard: 'Det kort er for gammelt til at blive sendt. Skriv "opret sag" for at få et nyt.',
  fixErrors: 'Der er felter, der ikke er udfyldt korrekt. Jeg har markeret dem på kortet.',
};
type Replies = typeof repliesDa;
const repliesEn: Replies = {
  caseCreated: (number: string) => `Thank you! Your case has been created with the number **${number}**. You will hear from me here when something happens.`,
  caseAlreadyCreated: (number: string) => `The form had already been sent, so no new case was created. Your case has the number **${number}**.`,
  unknownForm: 'I do not know that form. Choose one of the forms below.',
  unknownUser: 'I do not know you yet, so I cannot create or show cases for you. Write "help" to get started.',
  staleCard: 'That card is too old to be sent. Write "create case" to get a new one.',
  fixErrors: 'Some fields are not filled in correctly. I have marked them on the card.',
};

export function teamsReplies(lang: Language): Replies {
  return lang === 'en' ? repliesEn : repliesDa;
}
