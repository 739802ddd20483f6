import type { DemoUser } from './direct-line.js';

/**
 * The demo users the page offers in demo mode — the portal's demo world (portal/demo-data.ts has
 * the same people). main.ts passes this list to the web chat; when the portal domain is wired in,
 * pass its demo users instead (anything with `email` and `name` fits).
 */
export const WEBCHAT_DEMO_USERS: readonly DemoUser[] = [
  { email: 'anna@eksempelstyrelsen.dk', name: 'Anna Andersen' },
  { email: 'mette@eksempelstyrelsen.dk', name: 'Mette Madsen' },
  { email: 'loen@eksempelstyrelsen.dk', name: 'Løn, Eksempelstyrelsen (fællespostkasse)' },
  { email: 'lars@testministeriet.dk', name: 'Lars Larsen' },
  { email: 'kim@konsulenthuset.dk', name: 'Kim Konsulent' },
  { email: 'ole@demo-institut.dk', name: 'Ole Olsen' },
];
