import * as vscode from 'vscode';
import type { ConfigOverrides, Role } from '../core/workspace/config';
import { readLimitsOf, type ReadLimits } from '../core/read/fileAdmission';
import type { ProblemsScope } from '../core/workspace/problemsScope';

export const SETTINGS_SECTION = 'adrRoles';

export type { ProblemsScope };

/** The user's settings for a resource, in the core's terms. Wrong shapes are ignored, not thrown. */
export function readOverrides(scope: vscode.Uri | undefined): ConfigOverrides {
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const roles = settings.get<unknown>('roles');
  const rules = settings.get<unknown>('rules');
  return {
    roles: Array.isArray(roles) ? roles.filter((r): r is Role => typeof r === 'object' && r !== null && typeof (r as Role).id === 'string') : [],
    severities: typeof rules === 'object' && rules !== null ? Object.fromEntries(Object.entries(rules).filter((e): e is [string, string] => typeof e[1] === 'string')) : {},
    template: settings.get<string>('template') ?? '',
  };
}

export function problemsScope(): ProblemsScope {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<ProblemsScope>('problems.scope') === 'openFiles' ? 'openFiles' : 'workspace';
}

export const PROBLEMS_SCOPE_SETTING = `${SETTINGS_SECTION}.problems.scope`;

/** The documents open in the editor, by URI string: what the `openFiles` scope shows problems for. */
export function openDocumentKeys(): Set<string> {
  return new Set(vscode.workspace.textDocuments.filter((d) => !d.isClosed).map((d) => d.uri.toString()));
}

export const MAX_FILE_SIZE_SETTING = `${SETTINGS_SECTION}.maxFileSizeKB`;

/** How large a decision file may be before it is skipped: the user's setting, never the repository's. */
export function readLimits(): ReadLimits {
  return readLimitsOf(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('maxFileSizeKB'));
}
