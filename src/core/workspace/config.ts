import { FOLDER_FORMATS, isFolderFormat, type FolderFormat } from './folderFormat';
import type { Problem, Range, Severity } from '../model';
import { PROBLEM_CODES, type ProblemCode } from '../problemCodes';
import { lookupTable } from '../read/lookup';
import { LineIndex } from '../read/lineIndex';
import { namedWithMore } from './listText';
import { parseYamlBlock } from '../read/yamlValues';
import type { YamlValue } from '../read/yamlTree';
import { isReviewer } from './reviewerSyntax';

export type RoleKind = 'strategy' | 'execution' | (string & {});

export interface Role {
  id: string;
  label: string;
  kind: RoleKind;
  description?: string;
  /** Who reviews the role's decisions, as CODEOWNERS names them: `@org/team`, `@user`, an email. */
  reviewers?: string[];
}

export type SeverityOverride = Severity | 'off';

export interface AdrRolesConfig {
  roles: Role[];
  /** Decision folders relative to the repository root; empty means discover them. */
  folders: string[];
  severities: Record<string, SeverityOverride>;
  /**
   * A built-in template (`madr`, `nygard`, `log4brains`, `madr2`), a template file's path relative
   * to the repository root, or '' for the built-in template of each folder's format.
   */
  template: string;
  /** The format new decisions and fields are written in; null: each folder's own, as its files show. */
  format: FolderFormat | null;
  /** Decisions without `review-by` come back for review this long after their date; null: only those with one. */
  review: ReviewPolicy | null;
}

export interface ReviewPolicy {
  afterMonths: number;
  /** The statuses the implicit due date applies to. */
  statuses: string[];
}

/** What a user's settings may override; empty values leave the repository's choice in place. */
export interface ConfigOverrides {
  roles?: readonly Role[];
  severities?: Record<string, string>;
  template?: string;
}

/** Templates that ship with the product, one per folder format; any other `template:` value names a file of the repository. */
export type BuiltInTemplate = FolderFormat;

export function isBuiltInTemplate(name: string): name is BuiltInTemplate {
  return isFolderFormat(name);
}

/** The template a new decision in a folder of `format` starts from: the configured one, else that format's own. */
export function templateFor(config: AdrRolesConfig, format: FolderFormat): { builtIn: BuiltInTemplate } | { file: string } {
  if (!config.template) return { builtIn: format };
  return isBuiltInTemplate(config.template) ? { builtIn: config.template } : { file: config.template };
}

/** The repository configuration file shared by the CLI and the extension. */
export const CONFIG_FILE_NAME = '.adr-roles.yml';

export const DEFAULT_ROLES: readonly Role[] = [
  { id: 'cto', label: 'CTO', kind: 'strategy', description: 'Technology vision, architecture and vendors: what comes next.' },
  { id: 'hoe', label: 'Head of Engineering', kind: 'execution', description: 'People, process and delivery with the resources at hand.' },
];

export function defaultConfig(): AdrRolesConfig {
  return { roles: DEFAULT_ROLES.map((r) => ({ ...r })), folders: [], severities: {}, template: '', format: null, review: null };
}

/** The codes looked up by a name from `.adr-roles.yml` or the settings: `constructor` is no code. */
const CODES: Readonly<Record<string, unknown>> = lookupTable(PROBLEM_CODES);

/** Whether `code` is one of the product's problem codes, as a rule name in `rules:` must be. */
export function isProblemCode(code: string): code is ProblemCode {
  return CODES[code] !== undefined;
}

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const KNOWN_KEYS = ['folders', 'roles', 'rules', 'template', 'format', 'review'];
export const ROLE_KINDS = ['strategy', 'execution', 'other'];

/** A configured decision folder and where it was written, so discovery can point at a wrong one. */
export interface FolderEntry {
  folder: string;
  range: Range;
}

export interface ConfigReading {
  config: AdrRolesConfig;
  problems: Problem[];
  folderEntries: FolderEntry[];
  /** Where `template:` was written, for a template file that turns out missing. */
  templateRange: Range | null;
}

/**
 * Reads `.adr-roles.yml`. Anything unusable is reported where it was written and the default takes
 * its place, so a typo in the config never hides every warning. Misspelled keys, rule names and
 * role kinds are warned about: silently ignored, they would switch a check off unnoticed.
 */
export function readConfig(text: string): ConfigReading {
  const config = defaultConfig();
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const folderEntries: FolderEntry[] = [];
  let templateRange: Range | null = null;
  const report = (message: string, start: number, end: number, severity: Severity = PROBLEM_CODES['invalid-config'].severity): void => {
    problems.push({ code: 'invalid-config', severity, message, range: lines.range(start, end) });
  };
  const { entries, errors } = parseYamlBlock(text, 0);
  for (const error of errors) report(`Invalid configuration: ${error.message}`, error.start, error.end);
  for (const entry of entries) {
    const value = entry.value;
    if (!KNOWN_KEYS.includes(entry.key)) {
      report(`Unknown key '${entry.key}': the configuration reads ${KNOWN_KEYS.join(', ')}`, entry.keyStart, entry.keyStart + entry.key.length, 'warning');
      continue;
    }
    if (!value) continue;
    if (entry.key === 'folders') {
      for (const item of value.kind === 'seq' ? value.items : [value]) {
        if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim()) folderEntries.push({ folder: item.value.trim(), range: lines.range(item.start, item.end) });
        else report('Each folder is a path relative to the repository root', item.start, item.end);
      }
      config.folders = folderEntries.map((f) => f.folder);
    } else if (entry.key === 'roles') {
      const roles = readRoles(value, report);
      if (roles.length > 0) config.roles = roles;
    } else if (entry.key === 'template') {
      templateRange = lines.range(value.start, value.end);
      if (value.kind === 'scalar' && typeof value.value === 'string' && value.value.trim()) config.template = value.value.trim();
      else report(`template is ${FOLDER_FORMATS.join(', ')} or a template file's path`, value.start, value.end);
    } else if (entry.key === 'format') {
      const format = value.kind === 'scalar' ? String(value.value).trim().toLowerCase() : '';
      if (isFolderFormat(format)) config.format = format;
      else report(`format is one of ${FOLDER_FORMATS.join(', ')}: the format new decisions are written in (each folder's own, as its files show, when not set)`, value.start, value.end);
    } else if (entry.key === 'review') {
      config.review = readReviewPolicy(value, report);
    } else if (value.kind !== 'map') {
      report('rules maps problem codes to off, hint, info, warning or error', value.start, value.end);
    } else {
      for (const rule of value.entries) {
        const level = rule.value?.kind === 'scalar' ? String(rule.value.value).toLowerCase() : '';
        if (!isProblemCode(rule.key)) report(`Unknown rule '${rule.key}': the codes are listed in the README's Problems table`, rule.keyStart, rule.keyStart + rule.key.length, 'warning');
        else if (SEVERITIES.includes(level)) config.severities[rule.key] = level as SeverityOverride;
        else report(`Rule '${rule.key}' needs one of ${SEVERITIES.join(', ')}`, rule.keyStart, rule.end);
      }
    }
  }
  return { config, problems, folderEntries, templateRange };
}

/** Settings win over the repository file: a person may rename roles or silence a rule for themselves. */
export function mergeConfig(base: AdrRolesConfig, overrides: ConfigOverrides): AdrRolesConfig {
  const roles = (overrides.roles ?? []).filter((r) => typeof r.id === 'string' && r.id.trim().length > 0);
  const severities = { ...base.severities };
  for (const [code, level] of Object.entries(overrides.severities ?? {})) {
    // Only a known code: a setting named `__proto__` would otherwise set the object's prototype.
    if (isProblemCode(code) && SEVERITIES.includes(level)) severities[code] = level as SeverityOverride;
  }
  return {
    ...base,
    roles: roles.length > 0 ? roles.map((r) => ({ ...r, label: r.label || r.id, kind: r.kind || 'other' })) : base.roles,
    severities,
    template: overrides.template?.trim() ? overrides.template.trim() : base.template,
  };
}

function readRoles(value: YamlValue, report: (message: string, start: number, end: number, severity?: Severity) => void): Role[] {
  if (value.kind !== 'seq') {
    report('roles must be a list of { id, label, kind } entries', value.start, value.end);
    return [];
  }
  const roles: Role[] = [];
  for (const item of value.items) {
    if (item.kind !== 'map') {
      report('each role needs id, label and kind', item.start, item.end);
      continue;
    }
    const field = (key: string): string | undefined => {
      const found = item.entries.find((e) => e.key === key)?.value;
      return found?.kind === 'scalar' && found.value !== null ? String(found.value).trim() : undefined;
    };
    const id = field('id');
    if (!id) {
      report('a role needs an id (what `owner:` says)', item.start, item.end);
      continue;
    }
    const kind = field('kind') ?? 'other';
    if (!ROLE_KINDS.includes(kind)) report(`Role '${id}' has kind '${kind}': use strategy, execution or other`, item.start, item.end, 'warning');
    const role: Role = { id, label: field('label') ?? id, kind };
    const description = field('description');
    if (description) role.description = description;
    const reviewers = item.entries.find((e) => e.key === 'reviewers')?.value;
    if (reviewers) role.reviewers = readReviewers(id, reviewers, report);
    roles.push(role);
  }
  return roles;
}

/** `review: { after-months: 12, statuses: [accepted] }`; statuses default to accepted. */
function readReviewPolicy(value: YamlValue, report: (message: string, start: number, end: number) => void): ReviewPolicy | null {
  const entries = value.kind === 'map' ? value.entries : [];
  const months = entries.find((e) => e.key === 'after-months')?.value;
  const count = months?.kind === 'scalar' ? Number(months.value) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > 1200) {
    report('review takes after-months (a whole number of months, e.g. 12) and optionally statuses (e.g. [accepted])', value.start, value.end);
    return null;
  }
  const listed = entries.find((e) => e.key === 'statuses')?.value;
  const items: YamlValue[] = !listed ? [] : listed.kind === 'seq' ? listed.items : [listed];
  const statuses = items.flatMap((i) => (i.kind === 'scalar' && i.value !== null ? [String(i.value).trim().toLowerCase()] : []));
  return { afterMonths: count, statuses: statuses.length > 0 ? statuses : ['accepted'] };
}

/** A role's reviewers: a list (or one) of `@user`, `@org/team` or email; anything else is reported and left out. */
function readReviewers(id: string, value: YamlValue, report: (message: string, start: number, end: number) => void): string[] {
  const reviewers: string[] = [];
  for (const item of value.kind === 'seq' ? value.items : [value]) {
    const text = item.kind === 'scalar' && typeof item.value === 'string' ? item.value.trim() : undefined;
    if (text !== undefined && isReviewer(text)) reviewers.push(text);
    else report(`Role '${id}' has a reviewer that is not @user, @org/team or an email address: it is left out of CODEOWNERS`, item.start, item.end);
  }
  return reviewers;
}

/** Matches what `owner:` says against role ids and labels, ignoring case: `CTO`, `cto`, `Head of Engineering`. */
export function resolveRole(owner: string, roles: readonly Role[]): Role | undefined {
  const wanted = owner.trim().toLowerCase();
  const { byId, byLabel } = roleLookup(roles);
  return byId.get(wanted) ?? byLabel.get(wanted);
}

/**
 * Every rule and view resolves owners, once per decision: a search of the roles each time grew with
 * roles × decisions. The first role of an id or label wins, as a search in order would find it.
 */
const ROLE_LOOKUPS = new WeakMap<readonly Role[], { byId: Map<string, Role>; byLabel: Map<string, Role> }>();

function roleLookup(roles: readonly Role[]): { byId: Map<string, Role>; byLabel: Map<string, Role> } {
  let lookup = ROLE_LOOKUPS.get(roles);
  if (!lookup) {
    lookup = { byId: new Map(), byLabel: new Map() };
    for (const role of roles) {
      const id = role.id.toLowerCase();
      const label = role.label.toLowerCase();
      if (!lookup.byId.has(id)) lookup.byId.set(id, role);
      if (!lookup.byLabel.has(label)) lookup.byLabel.set(label, role);
    }
    ROLE_LOOKUPS.set(roles, lookup);
  }
  return lookup;
}

/** Roles named in a message; a configuration may list thousands, and each unowned decision says them. */
const DESCRIBED_ROLES = 10;

export function describeRoles(roles: readonly Role[]): string {
  return namedWithMore(roles.slice(0, DESCRIBED_ROLES).map((r) => `${r.id} (${r.label}, ${r.kind})`), roles.length);
}

