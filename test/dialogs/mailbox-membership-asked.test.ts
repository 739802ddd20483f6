/**
 * Transcripts of a shared-mailbox administrator's membership change asked in other forms than the imperative (round
 * 20): politely, as a question, with the member as "brugeren …", in English — and with the member and the mailbox
 * named by name or local part when the organisation has one user and one mailbox by them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const METTE = 'mette@eksempelstyrelsen.dk';
const KIM = 'kim@konsulenthuset.dk';
const LOEN = 'loen@eksempelstyrelsen.dk';

describe('a shared-mailbox membership change asked in other words', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  async function members(): Promise<string[]> {
    const mailbox = await world.directory.getUserByEmail(LOEN);
    return mailbox ? (await world.directory.membersOf(mailbox.id)).map((m) => m.email) : [];
  }

  it.each([
    `kan du knytte ${KIM} til ${LOEN}?`,
    `vil du tilføje brugeren ${KIM} til fællespostkassen ${LOEN}`,
    `jeg vil gerne have tilknyttet ${KIM} til ${LOEN}`,
    `giv ${KIM} adgang til ${LOEN}`,
    `please add ${KIM} to the shared mailbox ${LOEN}`,
    `could you attach ${KIM} to ${LOEN}?`,
  ])('"%s" attaches the member', async (said) => {
    await new Chat(world, METTE).run([[said, [new RegExp(`${KIM} (?:er nu tilknyttet|is now attached to) ${LOEN}`), without('vidensbasen'), without('knowledge base')]]]);
    expect(await members()).toContain(KIM);
    const mailbox = await world.directory.getUserByEmail(LOEN);
    const kim = await world.directory.getUserByEmail(KIM);
    if (mailbox && kim) await world.directory.detachMember(mailbox.id, kim.id);
  });

  it.each([`vil du fjerne ${ANNA} fra ${LOEN}?`, `kan du melde ${ANNA} ud af ${LOEN}`, `could you remove the user ${ANNA} from ${LOEN}?`])(
    '"%s" asks before it detaches the member',
    async (said) => {
      await new Chat(world, METTE).run([
        [said, [new RegExp(`(?:fjerne|remove) ${ANNA} (?:fra|from) ${LOEN}`), without('er fjernet'), without('has been removed')]],
        ['Nej, behold', new RegExp(`${ANNA} (?:er stadig tilknyttet|is still attached to) ${LOEN}`)],
      ]);
    },
  );

  it('still answers how it is done, and still refuses a user who is not an administrator', async () => {
    await new Chat(world, METTE).run([[`hvordan tilføjer jeg ${KIM} til ${LOEN}?`, without('er nu tilknyttet')]]);
    await new Chat(world, ANNA).run([[`kan du knytte ${KIM} til ${LOEN}?`, ['Det kan jeg ikke', 'administrator af fællespostkasser']]]);
  });

  describe('when the member and the mailbox are named by name or local part', () => {
    it('finds the one user and mailbox of the organisation by them', async () => {
      await new Chat(world, METTE).run([
        ['fjern anna fra loen-postkassen', [`Vil du fjerne ${ANNA} fra ${LOEN}?`, actions('Ja, fjern', 'Nej, behold')]],
        ['Ja, fjern', `${ANNA} er fjernet fra ${LOEN}`],
        ['jeg vil tilføje anna til fællespostkassen loen', `${ANNA} er nu tilknyttet ${LOEN}`],
      ]);
      expect(await members()).toContain(ANNA);
    });

    it('tells how to ask when a name is no user of the organisation, or the mailbox is not named', async () => {
      await new Chat(world, METTE).run([
        ['tilføj lars til fællespostkassen loen', ['tilføj anna@institution.dk til loen@institution.dk', without('er nu tilknyttet')]],
        ['tilføj anna til fællespostkassen mette', ['tilføj anna@institution.dk til loen@institution.dk', without('er nu tilknyttet')]],
        ['tilføj Ole til fællespostkassen', 'tilføj anna@institution.dk til loen@institution.dk'],
      ]);
    });
  });
});
