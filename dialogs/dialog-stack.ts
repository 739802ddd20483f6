/**
 * The dialog stack the conversations run on: the part of botbuilder-dialogs they use (a stack of
 * dialog instances whose state is plain JSON in conversation state; begin, continue, end, replace,
 * reprompt; a component dialog with a stack of its own), without the rest of it. botbuilder-dialogs
 * builds a DialogStateManager with its memory scopes and path resolvers for every DialogContext
 * (twice a turn: the root and the main dialog's inner stack), emits an "activityReceived" event
 * through the stack, hashes the dialog set's version and writes it into the state, and wraps every
 * call in an error wrapper; none of it is used here, and it was about a fifth of a case turn's CPU
 * beyond the stateful floor's (docs/performance.md, "Per-turn round 3").
 *
 * The stored state has botbuilder-dialogs' shape (`{ dialogStack: [{ id, state }] }`, a component's
 * inner stack in its instance's `state.dialogs`, the active dialog last), so a conversation stored
 * by either continues on the other; fields this runner does not know (botbuilder's `version`) are
 * left as they are.
 */
import type { TurnContext } from 'botbuilder';

export type DialogTurnStatus = 'empty' | 'waiting' | 'complete' | 'cancelled';

export interface DialogTurnResult<T = unknown> {
  status: DialogTurnStatus;
  result?: T;
}

/** Why a dialog ends (given to {@link Dialog.endDialog}) or resumes. */
export type DialogReason = 'endCalled' | 'replaceCalled' | 'cancelCalled';

/** One dialog on the stack: its id and its state (plain JSON). */
export interface DialogInstance<T = unknown> {
  id: string;
  state: T;
}

/** A dialog stack as stored in conversation state. */
export interface DialogState {
  dialogStack: DialogInstance[];
}

const END_OF_TURN: DialogTurnResult = Object.freeze({ status: 'waiting' }) as DialogTurnResult;

/** A step machine on the stack. Its state lives in its {@link DialogInstance}; the dialog object itself is shared by every conversation. */
export abstract class Dialog<O = unknown> {
  /** The dialog waits for the user's next message. */
  static readonly EndOfTurn: DialogTurnResult = END_OF_TURN;

  constructor(readonly id: string) {}

  /** The dialog was just pushed (its instance is `dc.activeDialog`, state `{}`). */
  abstract beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult>;

  /** The user's next message while this dialog is active. Default: it ends. */
  continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog();
  }

  /** A dialog this one began has ended with `result`. Default: this one ends with it. */
  resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    return dc.endDialog(result);
  }

  /** Ask the current question again. Default: nothing. */
  repromptDialog(_context: TurnContext, _instance: DialogInstance): Promise<void> {
    return Promise.resolve();
  }

  /** The instance is about to be popped. Default: nothing. */
  endDialog(_context: TurnContext, _instance: DialogInstance, _reason: DialogReason): Promise<void> {
    return Promise.resolve();
  }
}

/** Dialogs by id. */
export class DialogSet {
  private readonly dialogs = new Map<string, Dialog>();

  add(dialog: Dialog): this {
    if (this.dialogs.has(dialog.id)) throw new Error(`DIALOG.DUPLICATE_ID: a dialog with the id '${dialog.id}' is already in the set`);
    this.dialogs.set(dialog.id, dialog);
    return this;
  }

  find(id: string): Dialog | undefined {
    return this.dialogs.get(id);
  }

  /** A context over a stored stack (the stack is changed in place, so a state save sees the change). */
  createContext(context: TurnContext, state: DialogState): DialogContext {
    state.dialogStack ??= [];
    return new DialogContext(this, context, state);
  }
}

/** One turn on one stack. */
export class DialogContext {
  readonly stack: DialogInstance[];

  constructor(
    readonly dialogs: DialogSet,
    readonly context: TurnContext,
    state: DialogState,
  ) {
    this.stack = state.dialogStack;
  }

  /** The dialog that gets the next message (the last on the stack). */
  get activeDialog(): DialogInstance | undefined {
    return this.stack[this.stack.length - 1];
  }

  findDialog(id: string): Dialog | undefined {
    return this.dialogs.find(id);
  }

  private dialog(id: string, doing: string): Dialog {
    const dialog = this.dialogs.find(id);
    if (!dialog) throw new Error(`DIALOG.NOT_FOUND: ${doing}: no dialog with the id '${id}'`);
    return dialog;
  }

  async beginDialog(id: string, options?: unknown): Promise<DialogTurnResult> {
    const dialog = this.dialog(id, 'begin');
    this.stack.push({ id, state: {} });
    return dialog.beginDialog(this, options);
  }

  /** The active dialog gets the message; `empty` when the stack is. */
  async continueDialog(): Promise<DialogTurnResult> {
    const instance = this.activeDialog;
    if (!instance) return { status: 'empty' };
    return this.dialog(instance.id, 'continue').continueDialog(this);
  }

  /** Ends the active dialog; the one below resumes with `result` (or the stack is `complete`). */
  async endDialog(result?: unknown): Promise<DialogTurnResult> {
    await this.endActive('endCalled');
    const instance = this.activeDialog;
    if (!instance) return { status: 'complete', result };
    return this.dialog(instance.id, 'resume').resumeDialog(this, 'endCalled', result);
  }

  /** Ends the active dialog without resuming the one below, and begins another in its place. */
  async replaceDialog(id: string, options?: unknown): Promise<DialogTurnResult> {
    await this.endActive('replaceCalled');
    return this.beginDialog(id, options);
  }

  /** The active dialog asks its question again. */
  async repromptDialog(): Promise<void> {
    const instance = this.activeDialog;
    if (instance) await this.dialog(instance.id, 'reprompt').repromptDialog(this.context, instance);
  }

  /** Ends every dialog on the stack, the active one first. */
  async cancelAllDialogs(): Promise<DialogTurnResult> {
    if (this.stack.length === 0) return { status: 'empty' };
    while (this.stack.length > 0) await this.endActive('cancelCalled');
    return { status: 'cancelled' };
  }

  private async endActive(reason: DialogReason): Promise<void> {
    const instance = this.activeDialog;
    if (!instance) return;
    await this.dialogs.find(instance.id)?.endDialog(this.context, instance, reason);
    this.stack.pop();
  }
}

/** Where a component keeps its inner stack in its instance state (botbuilder-dialogs' name). */
const INNER_STACK = 'dialogs';

/**
 * A dialog made of dialogs: an inner stack of its own in its instance state, begun with
 * {@link initialDialogId}; it ends when its inner stack completes.
 */
export class ComponentDialog<O = unknown> extends Dialog<O> {
  protected readonly dialogs = new DialogSet();
  protected initialDialogId: string | undefined;

  addDialog(dialog: Dialog): this {
    this.dialogs.add(dialog);
    this.initialDialogId ??= dialog.id;
    return this;
  }

  findDialog(id: string): Dialog | undefined {
    return this.dialogs.find(id);
  }

  override async beginDialog(outer: DialogContext, options?: O): Promise<DialogTurnResult> {
    const inner = this.innerContext(outer.context, outer.activeDialog);
    const result = await this.onBeginDialog(inner, options);
    if (result.status === 'waiting') return Dialog.EndOfTurn;
    const ended = await outer.endDialog(result.result);
    return result.status === 'cancelled' ? { status: 'cancelled', result: result.result } : ended;
  }

  override async continueDialog(outer: DialogContext): Promise<DialogTurnResult> {
    const result = await this.onContinueDialog(this.innerContext(outer.context, outer.activeDialog));
    if (result.status === 'waiting') return Dialog.EndOfTurn;
    return outer.endDialog(result.result);
  }

  /** Something pushed above the component ended: its inner stack asks again (as botbuilder-dialogs does). */
  override async resumeDialog(outer: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(outer.context, outer.activeDialog);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance | undefined): Promise<void> {
    await this.innerContext(context, instance).repromptDialog();
  }

  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    if (reason === 'cancelCalled') await this.innerContext(context, instance).cancelAllDialogs();
  }

  protected onBeginDialog(inner: DialogContext, options?: O): Promise<DialogTurnResult> {
    if (this.initialDialogId === undefined) throw new Error(`DIALOG.NO_INITIAL: the component '${this.id}' has no dialogs`);
    return inner.beginDialog(this.initialDialogId, options);
  }

  protected onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return inner.continueDialog();
  }

  private innerContext(context: TurnContext, instance: DialogInstance | undefined): DialogContext {
    const owner = (instance ?? { id: this.id, state: {} }) as DialogInstance<Record<string, unknown> | undefined>;
    owner.state ??= {};
    let inner = owner.state[INNER_STACK] as DialogState | undefined;
    if (!inner) {
      inner = { dialogStack: [] };
      owner.state[INNER_STACK] = inner;
    }
    return this.dialogs.createContext(context, inner);
  }
}
