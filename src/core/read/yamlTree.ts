/**
 * A YAML value with absolute offsets into the decision text. Aliases are kept as aliases and never
 * expanded, so an alias bomb costs no more than its own text.
 */
export type YamlValue =
  | { kind: 'scalar'; value: string | number | boolean | null; start: number; end: number }
  | { kind: 'seq'; items: YamlValue[]; start: number; end: number }
  | { kind: 'map'; entries: YamlEntry[]; start: number; end: number }
  | { kind: 'alias'; source: string; start: number; end: number };

export interface YamlEntry {
  key: string;
  keyStart: number;
  /** End of the value, or of the key when there is none. */
  end: number;
  value: YamlValue | null;
}
