/**
 * A CSV header checked once against the fields a schema knows, before any row is read: an unknown,
 * duplicate, nameless or missing required column is one error about line 1, not one problem per row.
 * @module
 */
import { CliInputError } from "./cliErrors.js";
import { suggestField } from "./fieldSuggestion.js";
import { echoed, quoted } from "./terminalText.js";

/** The columns a CSV file may have. */
export interface CsvColumns {
  /** Every field the schema knows, in its order. */
  readonly fields: readonly string[];
  /** Fields without which a record is invalid. */
  readonly required: readonly string[];
  /** Prefix of an open set of columns gathered into a nested object: `metrics.openTickets`. */
  readonly nestedPrefix?: string;
}

/** Export column names read as our field names (`--columns`), and the option that said so (for messages). */
export interface ColumnMapping {
  readonly option: string;
  /** Export column → field. */
  readonly fieldOf: ReadonlyMap<string, string>;
}

/** A known field list and its required subset, read from a zod object schema's shape. */
export function columnsOf(shape: Readonly<Record<string, { safeParse(value: unknown): { success: boolean } }>>, nestedPrefix?: string): CsvColumns {
  const fields = Object.keys(shape).filter((field) => field !== nestedPrefix);
  const required = fields.filter((field) => !shape[field]!.safeParse(undefined).success);
  return nestedPrefix === undefined ? { fields, required } : { fields, required, nestedPrefix };
}

/**
 * Checks a header row (names already trimmed) found on line `line` of `file`.
 *
 * @throws CliInputError listing every problem, each as `file:line:column: …`, when a column is
 * unknown (with a did-you-mean), repeated, nameless, a nested prefix without a name, or a required
 * column is missing (unless an unknown column was already suggested for it). With a `mapping`
 * (`--columns`), the header is checked after the mapped columns are renamed to their fields, and the
 * messages name the columns as the file writes them.
 * @returns The header with mapped columns renamed to their fields.
 */
export function checkCsvHeader(file: string, written: readonly string[], columns: CsvColumns, line = 1, mapping?: ColumnMapping): string[] {
  const header = written.map((name) => mapping?.fieldOf.get(name) ?? name);
  const problems: string[] = [];
  const at = (index: number): string => `${echoed(file)}:${line}:${index + 1}`;
  const shown = (index: number): string => (header[index] === written[index] ? quoted(header[index]!) : `${quoted(written[index]!)} (read as ${echoed(header[index]!)})`);
  const firstIndex = new Map<string, number>();
  const suggested = new Set<string>();
  let unexplained = 0;
  const nested = columns.nestedPrefix === undefined ? undefined : `${columns.nestedPrefix}.`;
  header.forEach((name, index) => {
    const earlier = firstIndex.get(name);
    if (name === "") {
      problems.push(`${at(index)}: column ${index + 1} has no name`);
    } else if (earlier !== undefined) {
      const renamed = header[index] !== written[index] || header[earlier] !== written[earlier];
      problems.push(`${at(index)}: duplicate column ${shown(index)} (also column ${earlier + 1}${renamed ? `, ${shown(earlier)}` : ""})`);
    } else if (nested !== undefined && name.startsWith(nested)) {
      if (name === nested) problems.push(`${at(index)}: column ${quoted(name)} names no metric (write ${nested}<name>)`);
    } else if (!columns.fields.includes(name)) {
      const suggestion = suggestField(name, columns.fields, columns.nestedPrefix);
      if (suggestion === null) unexplained++;
      else suggested.add(suggestion);
      problems.push(`${at(index)}: unknown column ${quoted(name)}${suggestion === null ? "" : ` — did you mean ${echoed(suggestion)}?`}`);
    }
    if (earlier === undefined) firstIndex.set(name, index);
  });
  const sourceOf = new Map([...(mapping?.fieldOf ?? [])].map(([column, field]) => [field, column]));
  for (const field of columns.required) {
    if (firstIndex.has(field) || suggested.has(field)) continue;
    const source = sourceOf.get(field);
    problems.push(`${echoed(file)}:${line}: missing column ${source === undefined ? quoted(field) : `${quoted(source)} (${mapping!.option} reads it as ${echoed(field)})`}`);
  }
  if (problems.length === 0) return header;
  const known = `known columns: ${[...columns.fields, ...(nested === undefined ? [] : [`${nested}<name>`])].join(", ")}`;
  if (problems.length === 1) throw new CliInputError(unexplained === 0 ? problems[0]! : `${problems[0]!} (${known})`);
  throw new CliInputError(`invalid CSV header (${problems.length} problems):`, problems, unexplained === 0 ? undefined : `(${known})`);
}
