/**
 * The CLI options that describe how the input files are written, not what to compute: column names
 * of an export (`--columns customerId=account_id`), exchange rates (`--exchange-rates EUR=1.08`) with
 * the report currency, and the time zone of date-times (`--time-zone Asia/Tokyo`). Each is checked
 * here; a wrong value is a {@link CliUsageError} (exit code 2).
 * @module
 */
import { isKnownTimeZone } from "../dates/zonedDate.js";
import { canonicalCurrency } from "../money/currency.js";
import { CliInputError, CliUsageError } from "./cliErrors.js";
import type { ColumnMapping, CsvColumns } from "./csvHeader.js";
import { suggestField } from "./fieldSuggestion.js";
import { echoed, quoted } from "./terminalText.js";

export type { ColumnMapping } from "./csvHeader.js";

/** The `node:util` `parseArgs` declarations of these options. */
export const INPUT_OPTIONS = {
  columns: { type: "string" },
  "usage-columns": { type: "string" },
  "events-columns": { type: "string" },
  "contacts-columns": { type: "string" },
  "exchange-rates": { type: "string" },
  currency: { type: "string" },
  "time-zone": { type: "string" },
  lines: { type: "string" },
} as const;

/** The values of these options as `parseArgs` returns them. */
export type InputOptionValues = { readonly [K in keyof typeof INPUT_OPTIONS]?: string | undefined };

/** The checked input options. */
export interface InputOptions {
  readonly columns: {
    readonly contracts: ColumnMapping | undefined;
    readonly usage: ColumnMapping | undefined;
    readonly events: ColumnMapping | undefined;
    readonly contacts: ColumnMapping | undefined;
  };
  /** Book currency (`--currency`), upper case. */
  readonly currency: string | undefined;
  /** Rates into the book currency, codes upper case, rates as written. */
  readonly exchangeRates: Readonly<Record<string, string>> | undefined;
  readonly timeZone: string | undefined;
  /** `--lines`: how a customer's contract lines combine (the book's `lines` option). */
  readonly lines: "separate" | "supersede" | undefined;
}

/** The comma-separated `key=value` items of an option, each trimmed; an item without `=` is an error. */
function pairs(option: string, text: string): Array<[string, string]> {
  if (text.trim() === "") throw new CliUsageError(`--${option} needs key=value pairs (got ${quoted(text)})`);
  return text.split(",").map((item) => {
    const at = item.indexOf("=");
    if (at < 0) throw new CliUsageError(`--${option}: ${quoted(item.trim())} is not key=value`);
    return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
  });
}

/**
 * Reads `field=column,…` into export column → field, every field one of `columns` (with a
 * did-you-mean), every column named, no field or column twice.
 */
export function parseColumnMapping(option: string, text: string, columns: CsvColumns): ColumnMapping {
  const fieldOf = new Map<string, string>();
  const columnOf = new Map<string, string>();
  const nested = columns.nestedPrefix === undefined ? undefined : `${columns.nestedPrefix}.`;
  for (const [field, column] of pairs(option, text)) {
    const isNested = nested !== undefined && field.startsWith(nested) && field.length > nested.length;
    if (!columns.fields.includes(field) && !isNested) {
      const suggestion = suggestField(field, columns.fields, columns.nestedPrefix);
      throw new CliUsageError(
        `--${option}: unknown field ${quoted(field)}${suggestion === null ? "" : ` — did you mean ${echoed(suggestion)}?`} (fields: ${columns.fields.join(", ")}${nested === undefined ? "" : `, ${nested}<name>`})`,
      );
    }
    if (column === "") throw new CliUsageError(`--${option}: ${echoed(field)}= names no column`);
    if (columnOf.has(field)) throw new CliUsageError(`--${option}: field ${quoted(field)} is mapped twice`);
    if (fieldOf.has(column)) throw new CliUsageError(`--${option}: column ${quoted(column)} is mapped twice`);
    columnOf.set(field, column);
    fieldOf.set(column, field);
  }
  return { option: `--${option}`, fieldOf };
}

const PLAIN_RATE = /^(\d+(\.\d*)?|\.\d+)$/;

/** Reads `EUR=1.08,GBP=1.27`: ISO 4217 codes in any case (written upper case), positive plain decimals. */
export function parseExchangeRates(text: string): Record<string, string> {
  const rates: Record<string, string> = {};
  for (const [code, rate] of pairs("exchange-rates", text)) {
    const currency = canonicalCurrency(code);
    if (currency === null) throw new CliUsageError(`--exchange-rates: ${quoted(code)} is not an ISO 4217 currency code like EUR`);
    if (!PLAIN_RATE.test(rate) || /^[0.]*$/.test(rate)) {
      throw new CliUsageError(`--exchange-rates: the rate of ${currency} must be a decimal number greater than 0 like 1.08 (got ${quoted(rate)})`);
    }
    if (Object.hasOwn(rates, currency)) throw new CliUsageError(`--exchange-rates: ${currency} is given twice`);
    rates[currency] = rate;
  }
  return rates;
}

/** The CSV columns of each input a mapping can apply to. */
export interface InputColumns {
  readonly contracts: CsvColumns;
  readonly usage: CsvColumns;
  readonly events: CsvColumns;
  readonly contacts: CsvColumns;
}

/** Checks every input option; `undefined` where not given. */
export function readInputOptions(values: InputOptionValues, shapes: InputColumns): InputOptions {
  const mapping = (option: "columns" | "usage-columns" | "events-columns" | "contacts-columns", columns: CsvColumns): ColumnMapping | undefined => {
    const text = values[option];
    return text === undefined ? undefined : parseColumnMapping(option, text, columns);
  };
  const exchangeRates = values["exchange-rates"] === undefined ? undefined : parseExchangeRates(values["exchange-rates"]);
  let currency: string | undefined;
  if (values.currency !== undefined) {
    const code = canonicalCurrency(values.currency.trim());
    if (code === null) throw new CliUsageError(`--currency must be an ISO 4217 currency code like USD (got ${quoted(values.currency)})`);
    currency = code;
  }
  if (exchangeRates !== undefined && currency === undefined) {
    throw new CliUsageError("--exchange-rates needs --currency (the currency the rates convert into, e.g. --currency USD)");
  }
  const timeZone = values["time-zone"];
  if (timeZone !== undefined && !isKnownTimeZone(timeZone)) {
    throw new CliUsageError(`--time-zone must be an IANA time zone such as Asia/Tokyo or UTC (got ${quoted(timeZone)})`);
  }
  const lines = values.lines;
  if (lines !== undefined && lines !== "separate" && lines !== "supersede") throw new CliUsageError(`--lines must be separate or supersede (got ${quoted(lines)})`);
  return {
    lines,
    columns: {
      contracts: mapping("columns", shapes.contracts),
      usage: mapping("usage-columns", shapes.usage),
      events: mapping("events-columns", shapes.events),
      contacts: mapping("contacts-columns", shapes.contacts),
    },
    currency,
    exchangeRates,
    timeZone,
  };
}

/**
 * Each record of a JSON `file` with its keys renamed by `mapping` (new objects; the records are not
 * changed). A record holding both a mapped key and the field it maps to is a {@link CliInputError}; `firstIndex`
 * numbers the first record in that message (0: record 1).
 */
export function renameFields(file: string, records: readonly unknown[], mapping: ColumnMapping, firstIndex = 0): unknown[] {
  return records.map((record, index) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) return record;
    const renamed = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      const field = mapping.fieldOf.get(key) ?? key;
      if (Object.hasOwn(renamed, field)) {
        const [mapped, other] = mapping.fieldOf.has(key) ? [key, field] : [[...mapping.fieldOf].find(([, to]) => to === field)![0], key];
        throw new CliInputError(`${echoed(file)}: record ${firstIndex + index + 1} has both ${quoted(mapped)} (read as ${echoed(field)} by ${mapping.option}) and ${quoted(other)}`);
      }
      renamed[field] = value;
    }
    return renamed;
  });
}
