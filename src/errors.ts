/**
 * Errors thrown by cs-metrics. Every error is a {@link CsMetricsError} with a stable `code`; messages
 * are built here, in one place, and always start with `cs-metrics:`.
 * @module
 */

/** The stable machine-readable codes of {@link CsMetricsError}. */
export type CsMetricsErrorCode = "VALIDATION" | "CURRENCY_MISMATCH" | "INVALID_PERIOD";

/** One problem found in the caller's data: where (`contracts[12].end`) and what. */
export interface ValidationIssue {
  /** Path into the caller's data, e.g. `contracts[12].end`. */
  readonly path: string;
  /** What is wrong, e.g. `must be after start`. */
  readonly message: string;
}

/**
 * Base class of every error cs-metrics throws. Catch this to catch them all; switch on `code`.
 *
 * @example
 * ```ts
 * import { contractBook, CsMetricsError } from "cs-metrics";
 * try {
 *   contractBook([{ id: "c1", customerId: "a", start: "2025-02-30", amount: 1, currency: "JPY" }]);
 * } catch (error) {
 *   error instanceof CsMetricsError; //=> true
 * }
 * ```
 */
export class CsMetricsError extends Error {
  /** Stable code of the failure. */
  readonly code: CsMetricsErrorCode;

  constructor(code: CsMetricsErrorCode, message: string) {
    super(`cs-metrics: ${message}`);
    this.name = "CsMetricsError";
    this.code = code;
  }
}

const MAX_LISTED_ISSUES = 20;

/**
 * Input data failed validation. `issues` lists every problem with its path; the message lists the
 * first 20 of them, one per line.
 *
 * @example
 * ```ts
 * import { contractBook, ValidationError } from "cs-metrics";
 * try {
 *   contractBook([{ id: "c1", customerId: "a", start: "2025-04-01", end: "2025-03-01", amount: 1, currency: "JPY" }]);
 * } catch (error) {
 *   (error as ValidationError).issues[0]; //=> { path: "contracts[0].end", message: "must be after start (2025-04-01)" }
 * }
 * ```
 */
export class ValidationError extends CsMetricsError {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const listed = issues
      .slice(0, MAX_LISTED_ISSUES)
      .map((issue) => `  ${issue.path}: ${issue.message}`)
      .join("\n");
    const more = issues.length > MAX_LISTED_ISSUES ? `\n  … and ${issues.length - MAX_LISTED_ISSUES} more` : "";
    const noun = issues.length === 1 ? "problem" : "problems";
    super("VALIDATION", `invalid input (${issues.length} ${noun}):\n${listed}${more}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

/**
 * Amounts in different currencies were combined without an exchange-rate table.
 *
 * @example
 * ```ts
 * import { contractBook, CurrencyMismatchError } from "cs-metrics";
 * try {
 *   contractBook([
 *     { id: "c1", customerId: "a", start: "2025-01-01", amount: 1, currency: "JPY" },
 *     { id: "c2", customerId: "b", start: "2025-01-01", amount: 1, currency: "USD" },
 *   ]);
 * } catch (error) {
 *   (error as CurrencyMismatchError).path; //=> "contracts[1].currency"
 * }
 * ```
 */
export class CurrencyMismatchError extends CsMetricsError {
  /** Path of the first record whose currency differs. */
  readonly path: string;
  /** The currency of the computation. */
  readonly expected: string;
  /** The currency found at `path`. */
  readonly actual: string;

  constructor(path: string, expected: string, actual: string) {
    super(
      "CURRENCY_MISMATCH",
      `${path}: currency ${actual} differs from ${expected}; one computation uses one currency (pass exchangeRates to convert)`,
    );
    this.name = "CurrencyMismatchError";
    this.path = path;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * A period is malformed: an impossible date, or `end` not after `start`.
 *
 * @example
 * ```ts
 * import { month, InvalidPeriodError } from "cs-metrics";
 * try { month("2025-13"); } catch (error) { error instanceof InvalidPeriodError; } //=> true
 * ```
 */
export class InvalidPeriodError extends CsMetricsError {
  /** Path of the offending field, e.g. `period.end`. */
  readonly path: string;

  constructor(path: string, message: string) {
    super("INVALID_PERIOD", `${path}: ${message}`);
    this.name = "InvalidPeriodError";
    this.path = path;
  }
}
