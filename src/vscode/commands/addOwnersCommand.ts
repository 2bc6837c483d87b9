import { dirName } from '../../core/workspace/paths';
import * as vscode from 'vscode';
import { showError, showInfo, showWarning } from '../notifications';
import { resolveRole, type Role } from '../../core/workspace/config';
import { addOwnerEdits, isUnowned, matchesFilter, parseWhere } from '../../core/edit/migrate';
import type { Decision } from '../../core/model';
import { parseDecision } from '../../core/read/parse';
import { currentText } from './decisionFiles';
import { applyPlannedWrite, type PlannedWrite } from './plannedWrite';
import { notifyWritten } from './undoWrite';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** Arguments for running the command without prompts (other extensions, tests). */
export interface AddOwnersArgs {
  /** Give every unowned decision this role, without asking. */
  owner?: string;
  /** Only decisions matching `status=accepted` (or `status=accepted,proposed`). */
  where?: string;
  /** One answer per unowned decision, in file order, in place of the pick: a role id, `skip` or `stop`. */
  picks?: string[];
}

const SKIP = 'skip';
const STOP = 'stop';

/**
 * "ADR: Add Owners to Existing Decisions…": steps through the unowned decisions, asking each one's
 * owner. Each answer is written at once as its own edit (one undo each), so stopping half-way keeps
 * what was answered. Returns the ids of the decisions given an owner.
 */
export async function addOwners(index: WorkspaceIndex, args: AddOwnersArgs = {}): Promise<string[]> {
  await index.whenIndexed();
  const filter = parseWhere(args.where);
  if (typeof filter === 'string') {
    void showError(filter);
    return [];
  }
  const unowned = index
    .decisions()
    .filter((d) => isUnowned(d) && matchesFilter(d, filter))
    .sort((a, b) => a.file.localeCompare(b.file));
  if (unowned.length === 0) {
    void showInfo('Every decision has an owner.');
    return [];
  }
  const changed: string[] = [];
  const writes: PlannedWrite[] = [];
  const unwritable: string[] = [];
  for (const [at, decision] of unowned.entries()) {
    const uri = index.uriOf(decision);
    const roles = index.configFor(decision)?.roles ?? [];
    const text = uri && (await currentText(uri));
    if (!uri || text === undefined) continue;
    // Ranges come from the text being edited, which may be newer than the index.
    const fresh = parseDecision(decision.file, text);
    if (!isUnowned(fresh)) continue;
    // A `---js`, never-closed or flow-map frontmatter cannot take a field without breaking: not asked about.
    const format = index.formatOf(dirName(decision.file));
    if (addOwnerEdits(text, fresh, 'owner', format).length === 0) {
      unwritable.push(decision.id);
      continue;
    }
    const answer = args.owner ?? (args.picks ? args.picks[at] : await askOwner(uri, fresh, roles, `${at + 1}/${unowned.length}`));
    if (answer === undefined || answer === STOP) break;
    if (answer === SKIP) continue;
    const role = resolveRole(answer, roles);
    if (!role) {
      void showError(`'${answer}' is not a configured role: nothing more was changed.`);
      break;
    }
    // The answer is about the text the pick showed: if the file changed while the pick was open, stop.
    const write: PlannedWrite = {
      command: 'Add Owners',
      basis: [{ uri, text, name: decision.id }],
      edits: [{ uri, edits: addOwnerEdits(text, fresh, role.id, format) }],
      unchanged: `its owner was not written, and the owners given before it stay`,
    };
    const outcome = await applyPlannedWrite(write);
    if (outcome === 'written') {
      changed.push(decision.id);
      writes.push(write);
    } else {
      if (outcome !== 'changed' && outcome !== 'refused') void showError(`The owner of ${decision.id} could not be written: nothing more was changed.`);
      break;
    }
  }
  if (unwritable.length > 0) {
    void showWarning(`${unwritable.join(', ')} left unowned: ${unwritable.length === 1 ? 'its frontmatter' : 'their frontmatter'} cannot take an owner line safely. Fix the frontmatter, then run Add Owners again.`);
  }
  // Each answer was its own edit; Undo takes them all back at once.
  if (changed.length > 0) notifyWritten(`${changed.length} decision${changed.length === 1 ? '' : 's'} given an owner: ${changed.join(', ')}.`, 'Add Owners', writes);
  return changed;
}

interface OwnerItem extends vscode.QuickPickItem {
  id?: string;
}

/** The pick names the decision in its title; the decision itself is open beside it, to be read whole. */
async function askOwner(uri: vscode.Uri, decision: Decision, roles: readonly Role[], progress: string): Promise<string | undefined> {
  const items: OwnerItem[] = [
    ...roles.map((role) => ({ label: role.label, description: role.kind !== 'other' ? `${role.id} · ${role.kind}` : role.id, detail: role.description, id: role.id })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    // Not the overridden status's icon (debug-step-over): Skip changes nothing.
    { label: '$(arrow-right) Skip', detail: 'Leave this decision unowned for now and go to the next.', id: SKIP },
    { label: '$(debug-stop) Stop', detail: 'Keep the owners given so far and stop here.', id: STOP },
  ];
  // A preview tab beside the pick, focus kept on the pick: each next decision replaces the last one's tab.
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Add Owners (${progress}): ${decision.id} ${decision.title?.value ?? ''}`.trimEnd(),
    placeHolder: 'Who owns this decision? It is open beside this list.',
    ignoreFocusOut: true,
  });
  return picked?.id;
}
