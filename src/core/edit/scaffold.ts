import { setMetadataEdits } from './metadataFields';
import { formatId } from '../read/fileName';
import { parseDecision } from '../read/parse';
import { applyEdits } from './textEdit';
import { templateFor, type AdrRolesConfig, type BuiltInTemplate } from '../workspace/config';
import { readInside } from '../workspace/containment';
import type { FileSystem } from '../workspace/fileSystem';
import type { FolderFormat } from '../workspace/folderFormat';

export interface TemplateValues {
  number: number;
  title: string;
  date: string;
  owner: string;
}

/** Where the cursor goes in a new decision: the first line the author should write. */
export const CURSOR_MARK = '{{cursor}}';

const MADR = `---
status: proposed
date: {{date}}
owner: {{owner}}
decision-makers: []
consulted: []
informed: []
---
# {{title}}

## Context and Problem Statement

{{cursor}}

## Considered Options

## Decision Outcome

### Consequences
`;

// adr-tools' own template: its scripts take the title from the first line and the links from the
// Status section, so the owner is a header line under the date, as adr-tools writes `Date:`.
const NYGARD = `# {{number}}. {{title}}

Date: {{date}}

Owner: {{owner}}

## Status

Proposed

## Context

{{cursor}}

## Decision

## Consequences
`;

// log4brains' own template, shortened to its sections: metadata as one tight list of `- Key:` items
// under the title, as log4brains reads it. No empty `## Links` heading: log4brains would add a second
// one; the first relation written creates the section.
const LOG4BRAINS = `# {{title}}

- Status: proposed
- Owner: {{owner}}
- Date: {{date}}

## Context and Problem Statement

{{cursor}}

## Considered Options

## Decision Outcome
`;

// MADR 2: the same layout with `*` items and numbered file names.
const MADR2 = `# {{title}}

* Status: proposed
* Owner: {{owner}}
* Date: {{date}}

## Context and Problem Statement

{{cursor}}

## Considered Options

## Decision Outcome
`;

export const BUILT_IN_TEMPLATES: Record<BuiltInTemplate, string> = { madr: MADR, nygard: NYGARD, log4brains: LOG4BRAINS, madr2: MADR2 };

/** The text a new decision starts from, and why a configured template file was not used, if it was not. */
export interface TemplateText {
  text: string;
  /** The configured file was refused (outside the root, a link, not a regular file, too large) or missing; the format's built-in template is in `text`. */
  notUsed?: { refused: boolean; message: string };
}

/**
 * The configured template (a built-in one, or a file read under the containment rule, relative
 * to `root`), else the built-in one of the folder's format. Checked when it is used, not only
 * when the configuration was read: the file may have become a link since.
 */
export async function templateText(fs: FileSystem, root: string, config: AdrRolesConfig, format: FolderFormat): Promise<TemplateText> {
  const choice = templateFor(config, format);
  if ('builtIn' in choice) return { text: BUILT_IN_TEMPLATES[choice.builtIn] };
  const read = await readInside(fs, root, choice.file);
  if ('text' in read) return { text: read.text };
  const message = 'refused' in read ? `The template '${choice.file}' ${read.refused}` : `The template '${choice.file}' named in the configuration cannot be read`;
  return { text: BUILT_IN_TEMPLATES[format], notUsed: { refused: 'refused' in read, message } };
}

/**
 * Fills a template's placeholders: {{title}}, {{number}} (plain), {{id}} (ADR-0007), {{date}},
 * {{owner}}. Nothing else is interpreted: a template is text, never code.
 */
export function renderTemplate(template: string, values: TemplateValues): { text: string; cursorOffset: number } {
  const filled = template.replace(/\{\{\s*(title|number|id|date|owner)\s*\}\}/g, (_, name: string) => {
    if (name === 'title') return values.title;
    if (name === 'number') return String(values.number);
    if (name === 'id') return formatId(values.number);
    if (name === 'date') return values.date;
    return values.owner;
  });
  const mark = filled.indexOf(CURSOR_MARK);
  if (mark === -1) return { text: filled, cursorOffset: filled.length };
  return { text: filled.slice(0, mark) + filled.slice(mark + CURSOR_MARK.length), cursorOffset: mark };
}

/**
 * Renders a template into a new decision that records its owner even when the template has no
 * {{owner}} placeholder: a decision created with an owner never lands in "Unowned".
 */
export function renderDecision(template: string, values: TemplateValues): { text: string; cursorOffset: number } {
  const rendered = renderTemplate(template, values);
  const decision = parseDecision(decisionFileName(values.number, values.title), rendered.text);
  if (decision.owner || !values.owner) return rendered;
  const text = applyEdits(rendered.text, setMetadataEdits(rendered.text, decision, [['owner', values.owner]], ['date', 'status']));
  // The owner goes with the template's other metadata, before the cursor's section.
  return { text, cursorOffset: rendered.cursorOffset + (text.length - rendered.text.length) };
}

/** `Send events through Segment!` → `send-events-through-segment`, accents folded, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'decision';
  const cut = slug.slice(0, 60);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60);
}

/** `0012-send-events-through-segment.md`. */
export function decisionFileName(number: number, title: string): string {
  return `${String(number).padStart(4, '0')}-${slugify(title)}.md`;
}

/**
 * A new decision's file name as its folder names them: `0012-slug.md`, or log4brains'
 * `20261202-slug.md` from the date (`-2`, `-3` … on later attempts, when that name is taken).
 */
export function newDecisionFileName(format: FolderFormat, values: { number: number; title: string; date: string; attempt?: number }): string {
  if (format !== 'log4brains') return decisionFileName(values.number, values.title);
  const suffix = values.attempt ? `-${values.attempt + 1}` : '';
  return `${values.date.replaceAll('-', '')}-${slugify(values.title)}${suffix}.md`;
}
