/**
 * Files that came with this turn, as the channel adapters hand them to the dialogs: already
 * checked and staged (kept, not yet on a case), or refused with the reason. The dialogs attach
 * the staged ones to a case through the PortalService.
 */
import type { TurnContext } from 'botbuilder';
import type { Localized } from '../portal/index.js';

export type ArrivedFile =
  | { kind: 'staged'; id: string; name: string; contentType: string; size: number }
  | { kind: 'refused'; name: string; reason: Localized };

const KEY = 'serviceportal.arrivedFiles';

export function setArrivedFiles(context: TurnContext, files: readonly ArrivedFile[]): void {
  context.turnState.set(KEY, files);
}

/** The files of this turn (none when the message carried no file). */
export function arrivedFiles(context: TurnContext): readonly ArrivedFile[] {
  return (context.turnState.get(KEY) as readonly ArrivedFile[] | undefined) ?? [];
}
