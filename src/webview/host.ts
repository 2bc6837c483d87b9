// The webview's side of the protocol: receive models from the extension, ask it to open files,
// and tell it what was drawn.
import type { ModelMessage, PanelKind, PanelMessage, PanelModels, RenderedSummary } from './protocol';

interface VsCodeApi {
  postMessage(message: PanelMessage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** acquireVsCodeApi may be called once per page. */
const vscode = acquireVsCodeApi();
let renders = 0;

/**
 * Draws every model the extension sends, in place: a live update never reloads the page, so
 * scroll position and focus survive an edit to a decision.
 */
export function drawModels<K extends PanelKind>(draw: (model: PanelModels[K]) => Omit<RenderedSummary, 'renders'>): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<ModelMessage<K>> | null;
    if (message?.type !== 'model' || !message.model) return;
    const drawn = draw(message.model);
    vscode.postMessage({ type: 'rendered', summary: { ...drawn, renders: ++renders } });
  });
  vscode.postMessage({ type: 'ready' });
}

export function openDecision(file: string): void {
  vscode.postMessage({ type: 'open', file });
}
