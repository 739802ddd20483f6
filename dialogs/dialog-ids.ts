/** Every dialog id, once. Dialogs are added and begun by these names only. */
export const DIALOG_IDS = {
  main: 'main',
  router: 'router',
  createCase: 'createCase',
  registration: 'registration',
  consent: 'consent',
  comment: 'comment',
} as const;

export type DialogId = (typeof DIALOG_IDS)[keyof typeof DIALOG_IDS];
