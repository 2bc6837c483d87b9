import * as vscode from 'vscode';
import { showInfo } from '../notifications';
import { ADD_OWNERS, NOT_NOW, offersAddOwners, unownedOfferText } from '../../core/views/unownedOffer';
import type { WorkspaceIndex } from '../index/workspaceIndex';

const ASKED_KEY = 'adrRoles.addOwnersOffered';

/**
 * Offers Add Owners once per workspace, the first time its index holds many decisions without an
 * owner (and `missing-owner` is not off). Either answer is final: the offer is not repeated.
 */
export function offerAddOwnersOnce(index: WorkspaceIndex, state: vscode.Memento): vscode.Disposable {
  let asking = false;
  const subscription: vscode.Disposable = index.onDidChange(() => check());
  function check(): void {
    if (asking) return;
    if (state.get<boolean>(ASKED_KEY)) {
      // Asked once, in this window or an earlier one: no index change needs counting any more.
      subscription.dispose();
      return;
    }
    const unowned = index.decisions().filter((d) => !d.owner && index.configFor(d)?.severities['missing-owner'] !== 'off').length;
    if (!offersAddOwners(unowned)) return;
    asking = true;
    subscription.dispose();
    void state.update(ASKED_KEY, true);
    void Promise.resolve(showInfo(unownedOfferText(unowned), ADD_OWNERS, NOT_NOW)).then(async (choice) => {
      if (choice === ADD_OWNERS) await vscode.commands.executeCommand('adrRoles.addOwners');
    });
  }
  void index.whenIndexed().then(check);
  return subscription;
}
