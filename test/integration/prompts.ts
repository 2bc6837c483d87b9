// Answers the extension's quick picks, input boxes and notifications as a person would, and records
// what each one asked. The suites share the extension's `vscode` API object (they are loaded from
// its folder), so replacing `vscode.window.show…` here is what the extension calls.
import * as vscode from 'vscode';

export type PromptKind = 'pick' | 'input' | 'information' | 'warning' | 'error';

/** One prompt or notification as the extension showed it. */
export interface PromptCall {
  kind: PromptKind;
  /** The quick pick's or input box's title; a notification's message. */
  title: string;
  /** An input box's prompt, a quick pick's placeholder, a modal's detail. */
  prompt: string;
  /** A pick's items (their labels) or a notification's buttons. */
  items: string[];
  /** A pick's items' descriptions and details, in the order of `items`. */
  descriptions: string[];
  /** Whether a notification was modal. */
  modal: boolean;
  /** An input box's initial value. */
  value: string;
  /** An input box's validation, to check what it refuses. */
  validate?: (value: string) => string | undefined;
  /** What the script answered: a label, a value, a button, or undefined for Escape. */
  answer: string | undefined;
}

/**
 * An answer for the next pick or input box: the label (or the start of it) of the item to choose,
 * the text to accept, or `escape`. A function may look at the prompt first.
 */
export type Answer = string | typeof ESCAPE | ((call: PromptCall) => string | typeof ESCAPE);
export const ESCAPE = Symbol('escape');

/** The button to press on a notification whose message matches (undefined: dismiss it). */
export interface Click {
  message: RegExp;
  button: string | undefined;
  /** Done before the button is pressed, as a person might do something else first. */
  before?: () => Promise<unknown>;
}

type Item = string | (vscode.QuickPickItem & Record<string, unknown>) | vscode.MessageItem;

function labelOf(item: Item): string {
  if (typeof item === 'string') return item;
  return 'label' in item ? item.label : item.title;
}

/**
 * Replaces the prompts until `restore()`: picks and input boxes take `answers` in order (none left:
 * Escape); notifications press the first matching `clicks` button, else are dismissed. An input
 * value its validation refuses fails the test, as the box would not accept it.
 */
export class ScriptedPrompts {
  readonly calls: PromptCall[] = [];
  private readonly answers: Answer[];
  private readonly originals: Partial<typeof vscode.window> = {};
  private readonly waiters: { matches: (call: PromptCall) => boolean; resolve: (call: PromptCall) => void }[] = [];

  constructor(answers: Answer[] = [], private readonly clicks: Click[] = []) {
    this.answers = [...answers];
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const name of ['showQuickPick', 'showInputBox', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const) {
      (this.originals as Record<string, unknown>)[name] = window[name];
    }
    window.showQuickPick = (items: readonly Item[] | Thenable<readonly Item[]>, options?: vscode.QuickPickOptions) => this.pick(items, options);
    window.showInputBox = (options?: vscode.InputBoxOptions) => this.input(options);
    window.showInformationMessage = (message: string, ...rest: unknown[]) => this.message('information', message, rest);
    window.showWarningMessage = (message: string, ...rest: unknown[]) => this.message('warning', message, rest);
    window.showErrorMessage = (message: string, ...rest: unknown[]) => this.message('error', message, rest);
  }

  restore(): void {
    Object.assign(vscode.window, this.originals);
  }

  /** The calls of one kind, in order. */
  of(kind: PromptKind): PromptCall[] {
    return this.calls.filter((c) => c.kind === kind);
  }

  /**
   * Resolves with the first call (already made or still to come) that matches: for notifications
   * shown after a command returned. Rejects after `deadlineMs` with every call seen.
   */
  next(matches: (call: PromptCall) => boolean, description: string, deadlineMs = 30_000): Promise<PromptCall> {
    const found = this.calls.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`no ${description} within ${deadlineMs / 1000} s; seen: ${this.describe()}`)), deadlineMs);
      this.waiters.push({
        matches,
        resolve: (call) => {
          clearTimeout(deadline);
          resolve(call);
        },
      });
    });
  }

  /** Every prompt's title and every notification's message, for failure messages. */
  describe(): string {
    return JSON.stringify(this.calls.map((c) => `${c.kind}: ${c.title}${c.prompt ? ` | ${c.prompt}` : ''}${c.items.length > 0 ? ` [${c.items.join(', ')}]` : ''} → ${String(c.answer)}`), null, 1);
  }

  private record(call: PromptCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (!waiter.matches(call)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  }

  private nextAnswer(call: PromptCall): string | undefined {
    const answer = this.answers.shift();
    const value = typeof answer === 'function' ? answer(call) : answer;
    return value === ESCAPE ? undefined : value;
  }

  private async pick(itemsOrPromise: readonly Item[] | Thenable<readonly Item[]>, options: vscode.QuickPickOptions | undefined): Promise<Item | undefined> {
    const items = (await itemsOrPromise).filter((item) => typeof item === 'string' || (item as vscode.QuickPickItem).kind !== vscode.QuickPickItemKind.Separator);
    const call: PromptCall = {
      kind: 'pick',
      title: options?.title ?? '',
      prompt: options?.placeHolder ?? '',
      items: items.map(labelOf),
      descriptions: items.map((item) => (typeof item === 'string' ? '' : [(item as vscode.QuickPickItem).description, (item as vscode.QuickPickItem).detail].filter(Boolean).join(' | '))),
      modal: false,
      value: '',
      answer: undefined,
    };
    const answer = this.nextAnswer(call);
    const chosen = answer === undefined ? undefined : (items.find((item) => labelOf(item) === answer) ?? items.find((item) => labelOf(item).startsWith(answer)));
    if (answer !== undefined && !chosen) throw new Error(`no item '${answer}' in the pick '${call.title}': ${JSON.stringify(call.items)}`);
    call.answer = chosen && labelOf(chosen);
    this.record(call);
    return chosen;
  }

  private input(options: vscode.InputBoxOptions | undefined): Promise<string | undefined> {
    const validate = options?.validateInput?.bind(options);
    const call: PromptCall = {
      kind: 'input',
      title: options?.title ?? '',
      prompt: options?.prompt ?? '',
      items: [],
      descriptions: [],
      modal: false,
      value: options?.value ?? '',
      answer: undefined,
      validate: validate
        ? (value: string) => {
            const result = validate(value);
            if (result === undefined || result === null) return undefined;
            if (typeof result === 'string') return result || undefined;
            if (typeof (result as { then?: unknown }).then === 'function') throw new Error('asynchronous validation is not scripted');
            return (result as vscode.InputBoxValidationMessage).message;
          }
        : undefined,
    };
    const answer = this.nextAnswer(call);
    const refused = answer !== undefined ? call.validate?.(answer) : undefined;
    if (refused) throw new Error(`the input box '${call.title}' refuses '${answer}': ${refused}`);
    call.answer = answer;
    this.record(call);
    return Promise.resolve(answer);
  }

  private async message(kind: PromptKind, message: string, rest: unknown[]): Promise<Item | undefined> {
    const options = rest[0] !== undefined && typeof rest[0] === 'object' && !('title' in (rest[0] as object)) ? (rest.shift() as vscode.MessageOptions) : undefined;
    const buttons = rest as Item[];
    const click = this.clicks.find((c) => c.message.test(message));
    const chosen = click?.button === undefined ? undefined : buttons.find((b) => labelOf(b) === click.button);
    if (click?.button !== undefined && !chosen) throw new Error(`no button '${click.button}' on '${message}': ${JSON.stringify(buttons.map(labelOf))}`);
    if (click?.before) await click.before();
    this.record({ kind, title: message, prompt: options?.detail ?? '', items: buttons.map(labelOf), descriptions: [], modal: options?.modal ?? false, value: '', answer: chosen && labelOf(chosen) });
    return chosen;
  }
}

/** Runs `body` with the prompts scripted, and puts the real ones back after, whatever happens. */
export async function withPrompts<T>(answers: Answer[], clicks: Click[], body: (ui: ScriptedPrompts) => Promise<T>): Promise<T> {
  const ui = new ScriptedPrompts(answers, clicks);
  try {
    return await body(ui);
  } finally {
    ui.restore();
  }
}

/** Renumber's confirmation, answered yes. */
export const CONFIRM_RENUMBER: Click = { message: /^Renumber ADR-\d+ to ADR-\d+\?$/, button: 'Renumber' };
