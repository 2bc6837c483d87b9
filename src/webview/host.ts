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
  let lastModel: PanelModels[K] | undefined;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<ModelMessage<K>> | null;
    if (message?.type !== 'model' || !message.model) return;
    lastModel = message.model;
    const drawn = draw(message.model);
    vscode.postMessage({ type: 'rendered', summary: { ...drawn, renders: ++renders } });
  });
  // Layouts wrap at the panel's width: draw the last model again, once per frame, when it changes.
  let resizeFrame = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      if (lastModel) draw(lastModel);
    });
  });
  vscode.postMessage({ type: 'ready' });
}

export function openDecision(file: string): void {
  vscode.postMessage({ type: 'open', file });
}
