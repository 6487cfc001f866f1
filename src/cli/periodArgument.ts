/**
 * The CLI's `--period` argument: `2025`, `2025-Q1`, `2025-03` or `2025-04-01..2026-04-01`, read as a
 * fiscal period when `--fiscal-start` is given.
 * @module
 */
import { fiscalQuarter, fiscalYear, month, quarter, year } from "../dates/period.js";
import { InvalidPeriodError } from "../errors.js";
import { PeriodSchema, type PeriodInput } from "../schemas/period.js";
import { CliUsageError } from "./cliErrors.js";
import { quoted } from "./terminalText.js";

function periodOf(text: string, fiscalStart: number): PeriodInput {
  const options = { startMonth: fiscalStart };
  let match = /^(\d{4})$/.exec(text);
  if (match !== null) return fiscalStart === 1 ? year(Number(match[1])) : fiscalYear(Number(match[1]), options);
  match = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (match !== null) {
    const [fiscal, q] = [Number(match[1]), Number(match[2])];
    return fiscalStart === 1 ? quarter(fiscal, q) : fiscalQuarter(fiscal, q, options);
  }
  if (/^\d{4}-\d{2}$/.test(text)) return month(text);
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (match === null) throw new CliUsageError(`--period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (got ${quoted(text)})`);
  const range = PeriodSchema.safeParse({ start: match[1], end: match[2] });
  if (!range.success) {
    const [issue] = range.error.issues;
    throw new CliUsageError(`--period ${quoted(text)}: ${issue!.path.join(".")}: ${issue!.message}`);
  }
  return { ...range.data, label: text };
}

/**
 * Turns `--period` text into a period.
 *
 * @remarks `YYYY` → (fiscal) year; `YYYY-Qn` → (fiscal) quarter; `YYYY-MM` → month;
 * `YYYY-MM-DD..YYYY-MM-DD` → `[start, end)`. `fiscalStart` (1–12) names the fiscal year's first month.
 * @throws CliUsageError for any other text, and for text of the right form naming no period
 * (`2025-13`, `0000`, `2025-02-29..2025-03-31`, an end not after the start).
 */
export function periodArgument(text: string, fiscalStart: number): PeriodInput {
  try {
    return periodOf(text, fiscalStart);
  } catch (error) {
    if (!(error instanceof InvalidPeriodError)) throw error;
    // "cs-metrics: month: month must be 1–12 (got 13)" → "month must be 1–12 (got 13)"
    throw new CliUsageError(`--period ${quoted(text)}: ${error.message.slice(`cs-metrics: ${error.path}: `.length)}`);
  }
}
