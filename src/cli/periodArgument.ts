/**
 * The CLI's `--period` argument: `2025`, `2025-Q1`, `2025-03` or `2025-04-01..2026-04-01`, read as a
 * fiscal period when `--fiscal-start` is given.
 * @module
 */
import { fiscalQuarter, fiscalYear, month, quarter, year } from "../dates/period.js";
import type { PeriodInput } from "../schemas/period.js";
import { CliUsageError } from "./cliErrors.js";

/**
 * Turns `--period` text into a period.
 *
 * @remarks `YYYY` → (fiscal) year; `YYYY-Qn` → (fiscal) quarter; `YYYY-MM` → month;
 * `YYYY-MM-DD..YYYY-MM-DD` → `[start, end)`. `fiscalStart` (1–12) names the fiscal year's first month.
 * @throws CliUsageError for any other text.
 */
export function periodArgument(text: string, fiscalStart: number): PeriodInput {
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
  if (match !== null) return { start: match[1]!, end: match[2]!, label: text };
  throw new CliUsageError(`--period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (got ${JSON.stringify(text)})`);
}
