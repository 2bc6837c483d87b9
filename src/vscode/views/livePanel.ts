import * as vscode from 'vscode';
import type { PanelKind, PanelMessage, PanelModels } from '../../webview/protocol';
import type { PanelDrawing } from '../api';
import type { WorkspaceIndex } from '../index/workspaceIndex';

export interface PanelDefinition<K extends PanelKind> {
  kind: K;
  viewType: string;
  title: string;
  /** The webview bundle under dist/webview. */
  script: string;
  /** Style sheets under media, in cascade order. */
  styles: string[];
  model(index: WorkspaceIndex): PanelModels[K];
}

/**
 * Webview panels that draw the index: one per kind (running its command again brings it forward),
 * sent a new model whenever the index changes rather than reloaded, and allowed to load nothing
 * but the extension's own script and styles.
 */
export class LivePanels implements vscode.Disposable {
  private readonly panels = new Map<PanelKind, vscode.WebviewPanel>();
  private readonly rendered = new vscode.EventEmitter<PanelDrawing>();
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
  ) {}

  show<K extends PanelKind>(definition: PanelDefinition<K>): vscode.WebviewPanel {
    const existing = this.panels.get(definition.kind);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(definition.viewType, definition.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    });
    panel.webview.html = this.html(panel.webview, definition);
    // A hidden webview is discarded; when shown again it loads afresh and asks with 'ready'.
    const post = (): void => void panel.webview.postMessage({ type: 'model', model: definition.model(this.index) });
    const subscriptions = [
      this.index.onDidChange(() => {
        if (panel.visible) post();
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isPanelMessage(message)) return;
        if (message.type === 'ready') post();
        else if (message.type === 'open') void this.open(message.file);
        else this.rendered.fire({ panel: definition.kind, summary: message.summary });
      }),
    ];
    panel.onDidDispose(() => {
      this.panels.delete(definition.kind);
      for (const s of subscriptions) s.dispose();
    });
    this.panels.set(definition.kind, panel);
    return panel;
  }

  /** Only files the index knows as decisions open: the webview's word is not trusted with a path. */
  private async open(file: string): Promise<void> {
    const decision = this.index.decisions().find((d) => d.file === file);
    const uri = decision && this.index.uriOf(decision);
    if (!uri) return;
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  private html(webview: vscode.Webview, definition: PanelDefinition<PanelKind>): string {
    const nonce = newNonce();
    const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${definition.styles.map((style) => `<link rel="stylesheet" href="${asset('media', style)}">`).join('\n')}
<title>${definition.title}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="placeholder">Reading decisions…</p></main>
<script nonce="${nonce}" src="${asset('dist', 'webview', definition.script)}"></script>
</body>
</html>`;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.rendered.dispose();
  }
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isPanelMessage(value: unknown): value is PanelMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const message = value as Record<string, unknown>;
  if (message.type === 'ready') return true;
  if (message.type === 'open') return typeof message.file === 'string';
  if (message.type === 'rendered') return typeof message.summary === 'object' && message.summary !== null;
  return false;
}
