import { TestAdapter, TurnContext } from 'botbuilder';
import * as botbuilderDialogs from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import * as own from '../../dialogs/dialog-stack.js';
import type { DialogContext, DialogInstance, DialogState, DialogTurnResult } from '../../dialogs/dialog-stack.js';

/**
 * The same three dialogs on either library: a component `main` whose inner stack starts with
 * `router`; the router begins `ask` on "spørg", records what an ended dialog gave back, and
 * counts its turns; `ask` waits for one answer (or ends on "forfra" by replacing itself with a
 * new `ask`), then ends with the answer. `log` records what each dialog was called with.
 */
type Lib = { Dialog: typeof own.Dialog; ComponentDialog: typeof own.ComponentDialog };

interface RouterState {
  turns?: number;
  results?: unknown[];
}

function dialogsOf(lib: Lib, log: string[]) {
  const waiting: DialogTurnResult = { status: 'waiting' };
  class Ask extends lib.Dialog<{ question: string }> {
    override async beginDialog(dc: DialogContext, options?: { question: string }): Promise<DialogTurnResult> {
      (dc.activeDialog as DialogInstance<{ question?: string }>).state = { question: options?.question ?? '?' };
      log.push(`ask:begin:${options?.question}`);
      return waiting;
    }
    override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
      const text = dc.context.activity.text ?? '';
      const { question } = (dc.activeDialog as DialogInstance<{ question: string }>).state;
      if (text === 'forfra') return dc.replaceDialog('ask', { question: `${question}!` });
      log.push(`ask:answer:${text}`);
      return dc.endDialog({ question, answer: text });
    }
    override async repromptDialog(_context: TurnContext, instance: DialogInstance): Promise<void> {
      log.push(`ask:reprompt:${(instance as DialogInstance<{ question: string }>).state.question}`);
    }
    override async endDialog(_context: TurnContext, _instance: DialogInstance, reason: own.DialogReason): Promise<void> {
      log.push(`ask:end:${reason}`);
    }
  }
  class Router extends lib.Dialog {
    override beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
      return this.continueDialog(dc);
    }
    override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
      const state = (dc.activeDialog as DialogInstance<RouterState>).state;
      state.turns = (state.turns ?? 0) + 1;
      const text = dc.context.activity.text ?? '';
      if (text === 'spørg') return dc.beginDialog('ask', { question: 'navn' });
      if (text === 'slut') return dc.endDialog('done');
      log.push(`router:${text}`);
      return waiting;
    }
    override async resumeDialog(dc: DialogContext, reason: own.DialogReason, result?: unknown): Promise<DialogTurnResult> {
      const state = (dc.activeDialog as DialogInstance<RouterState>).state;
      (state.results ??= []).push(result);
      log.push(`router:resume:${reason}`);
      return waiting;
    }
  }
  class Main extends lib.ComponentDialog {
    constructor() {
      super('main');
      this.addDialog(new Router('router'));
      this.addDialog(new Ask('ask'));
    }
  }
  return new Main();
}

/** One turn with `text` on a stored state, through our stack or botbuilder-dialogs'. */
async function turnOn(kind: 'own' | 'botbuilder', state: DialogState, text: string, log: string[]): Promise<DialogTurnResult> {
  const context = new TurnContext(new TestAdapter(), { type: 'message', text });
  if (kind === 'own') {
    const dc = new own.DialogSet().add(dialogsOf(own, log)).createContext(context, state);
    const result = await dc.continueDialog();
    return result.status === 'empty' ? dc.beginDialog('main') : result;
  }
  const lib = botbuilderDialogs as unknown as Lib;
  const set = new botbuilderDialogs.DialogSet();
  set.add(dialogsOf(lib, log) as unknown as botbuilderDialogs.Dialog);
  const dc = new botbuilderDialogs.DialogContext(set, context, state as botbuilderDialogs.DialogState);
  const result = (await dc.continueDialog()) as DialogTurnResult;
  return result.status === 'empty' ? ((await dc.beginDialog('main')) as DialogTurnResult) : result;
}

/** The stored state without botbuilder-dialogs' version hash (this stack neither needs nor writes it). */
function withoutVersion(state: DialogState): unknown {
  return JSON.parse(JSON.stringify(state, (key, value: unknown) => (key === 'version' ? undefined : value)));
}

const SCRIPT = ['hej', 'spørg', 'forfra', 'Anna', 'hej igen', 'slut'];

describe('dialog stack', () => {
  describe('when the same turns run on it and on botbuilder-dialogs', () => {
    it('stores the same state and calls the dialogs the same way after every turn', async () => {
      const ownState: DialogState = { dialogStack: [] };
      const theirState: DialogState = { dialogStack: [] };
      const ownLog: string[] = [];
      const theirLog: string[] = [];
      for (const text of SCRIPT) {
        const mine = await turnOn('own', ownState, text, ownLog);
        const theirs = await turnOn('botbuilder', theirState, text, theirLog);
        expect(mine, `after "${text}"`).toEqual(theirs);
        expect(withoutVersion(ownState), `after "${text}"`).toEqual(withoutVersion(theirState));
        expect(ownLog).toEqual(theirLog);
      }
      expect(ownLog).toEqual(['router:hej', 'ask:begin:navn', 'ask:end:replaceCalled', 'ask:begin:navn!', 'ask:answer:Anna', 'ask:end:endCalled', 'router:resume:endCalled', 'router:hej igen']);
      // "slut" ends the router, which completes the component and the whole stack.
      expect(ownState.dialogStack).toEqual([]);
    });
  });

  describe('when a conversation moves between the two', () => {
    it('continues a state botbuilder-dialogs stored, and botbuilder-dialogs continues ours', async () => {
      const state: DialogState = { dialogStack: [] };
      const log: string[] = [];
      await turnOn('botbuilder', state, 'spørg', log);
      expect(await turnOn('own', state, 'Anna', log)).toEqual({ status: 'waiting' });
      await turnOn('own', state, 'spørg', log);
      await turnOn('botbuilder', state, 'Bo', log);
      const router = (state.dialogStack[0] as DialogInstance<{ dialogs: DialogState }>).state.dialogs.dialogStack[0] as DialogInstance<RouterState>;
      expect(router.state.results).toEqual([
        { question: 'navn', answer: 'Anna' },
        { question: 'navn', answer: 'Bo' },
      ]);
      expect(router.state.turns).toBe(2);
    });
  });

  describe('when the component is asked to reprompt or is cancelled', () => {
    it('passes the reprompt to the active inner dialog and ends the inner stack on cancel', async () => {
      const state: DialogState = { dialogStack: [] };
      const log: string[] = [];
      await turnOn('own', state, 'spørg', log);
      const context = new TurnContext(new TestAdapter(), { type: 'message', text: '' });
      const dc = new own.DialogSet().add(dialogsOf(own, log)).createContext(context, state);
      await dc.repromptDialog();
      expect(log.at(-1)).toBe('ask:reprompt:navn');
      expect(await dc.cancelAllDialogs()).toEqual({ status: 'cancelled' });
      expect(log.at(-1)).toBe('ask:end:cancelCalled');
      expect(state.dialogStack).toEqual([]);
    });

    it('throws with a code when the stored stack names a dialog it does not have', async () => {
      const state: DialogState = { dialogStack: [{ id: 'gone', state: {} }] };
      const context = new TurnContext(new TestAdapter(), { type: 'message', text: 'hej' });
      const dc = new own.DialogSet().add(dialogsOf(own, [])).createContext(context, state);
      await expect(dc.continueDialog()).rejects.toThrow(/DIALOG\.NOT_FOUND/);
    });
  });
});
