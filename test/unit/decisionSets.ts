// Small in-memory decision folders for the graph and report tests.
import { DecisionLog } from '../../src/core/workspace/catalog';
import { parseDecision } from '../../src/core/read/parse';

/** A folder of decisions from `file name → frontmatter lines`; each title is the file's slug in words. */
export function logOf(folder: string, files: Record<string, string[]>): DecisionLog {
  const log = new DecisionLog(folder);
  for (const [name, lines] of Object.entries(files)) {
    const title = name.replace(/^\d+-|\.md$/g, '').replaceAll('-', ' ');
    log.upsert(parseDecision(`${folder}/${name}`, `---\n${lines.join('\n')}\n---\n# ${title}\n`));
  }
  return log;
}

/** The demo's story (examples/demo): strategy, execution, an override with its trigger, an elevation and an unowned decision. */
export function demoLog(): DecisionLog {
  return logOf('docs/decisions', {
    '0001-buy-analytics-platform.md': ['status: accepted', 'date: 2021-03-02', 'owner: cto'],
    '0002-weekly-on-call-rotation.md': ['status: accepted', 'date: 2021-03-16', 'owner: hoe'],
    '0003-events-through-graphql.md': ['status: overridden', 'date: 2021-04-06', 'owner: hoe', 'overridden-by: ADR-0005'],
    '0004-managed-postgres.md': ['status: accepted', 'date: 2021-06-01', 'owner: cto', 'elevated-from: hoe', 'elevated-on: 2021-05-24'],
    '0005-events-through-segment.md': ['status: accepted', 'date: 2021-08-10', 'owner: cto', 'overrides: ADR-0003', 'trigger: new-resource', 'trigger-detail: Data team hired; analytics vendor contract signed'],
    '0006-feature-flags.md': ['status: proposed', 'date: 2021-09-01'],
  });
}
