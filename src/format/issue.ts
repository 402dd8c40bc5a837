// What a check reports about a value of a scenario file: the key path and the
// problem. The scenario layer turns these into ScenarioErrors with file, line
// and column (src/scenario/errors.ts, issues.ts); checks below it (the fault
// kinds in src/faults/kinds/) report through the same type.

/** A key path as zod reports it: object keys are strings, array indexes numbers. */
export type KeyPath = readonly (string | number)[];

export interface Issue {
  readonly path: KeyPath;
  readonly message: string;
  readonly expected?: string;
  readonly suggestion?: string;
  /** Report at the key itself (an unknown or misplaced key) rather than its value. */
  readonly at?: 'key' | 'value';
}

export type Report = (issue: Issue) => void;
