/**
 * What each field schema says about a bad value, exactly: path and message. The fuzz suites check
 * that bad input always gives a ValidationError naming a path; mutation testing showed that a wrong
 * message, a check loosened from `>= 0` to `> 0` or an error-report guard removed would still pass
 * them. Every expected text here is the documented wording, written out by hand.
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { ContractSchema, ScorecardSchema, UsageSnapshotSchema, ValidationError, contractBook } from "../../src/index.js";
import { describeValue, formatPath } from "../../src/schemas/primitives.js";
import { caught } from "../support/caught.js";

const base = { id: "c-1", customerId: "acme", start: "2025-01-01", amount: "1000", currency: "JPY" };
const snapshot = { customerId: "acme", at: "2025-06-30" };

/** `[path, message]` of every issue of a contract book built from one record. */
function contractIssues(record: unknown): [string, string][] {
  const error = caught(() => contractBook([record] as never));
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => [issue.path, issue.message]);
}

/** `[path, message]` of every issue of UsageSnapshotSchema. */
function snapshotIssues(input: unknown): [string, string][] {
  const result = UsageSnapshotSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [formatPath("snapshot", issue.path), issue.message]);
}

describe("describeValue", () => {
  it("shows strings up to 40 characters whole and longer ones cut at 40 with an ellipsis", () => {
    const forty = "x".repeat(40);
    expect(describeValue(forty)).toBe(`"${forty}"`);
    expect(describeValue(`${forty}yz`)).toBe(`"${forty}…"`);
  });

  it("names every other kind of value briefly", () => {
    expect(describeValue(undefined)).toBe("nothing");
    expect(describeValue(null)).toBe("null");
    expect(describeValue(10n)).toBe("10");
    expect(describeValue(false)).toBe("false");
    expect(describeValue(new Date(Number.NaN))).toBe("Invalid Date");
    expect(describeValue(new Date(Date.UTC(2025, 0, 2)))).toBe("2025-01-02T00:00:00.000Z");
    expect(describeValue([1])).toBe("an array");
    expect(describeValue({})).toBe("a value of type object");
    expect(describeValue(() => 1)).toBe("a value of type function");
  });
});

describe("formatPath", () => {
  it("writes identifiers with a dot, indexes in brackets and anything else as a quoted key", () => {
    expect(formatPath("contracts", [12, "end"])).toBe("contracts[12].end");
    expect(formatPath("s", ["metrics", "_a$1"])).toBe("s.metrics._a$1");
    // not identifiers: a leading digit, a space, a hyphen, an empty key
    expect(formatPath("s", ["metrics", "1a"])).toBe('s.metrics["1a"]');
    expect(formatPath("s", ["metrics", "a b"])).toBe('s.metrics["a b"]');
    expect(formatPath("s", ["metrics", "a-b"])).toBe('s.metrics["a-b"]');
    expect(formatPath("s", [""])).toBe('s[""]');
    expect(formatPath("s", [Symbol("k")])).toBe('s["Symbol(k)"]');
  });
});

describe("contract field messages", () => {
  it("amount: each kind of bad amount says what was wrong", () => {
    expect(contractIssues({ ...base, amount: "12,000" })).toEqual([["contracts[0].amount", 'must be a decimal number like "1200.50" (got "12,000")']]);
    expect(contractIssues({ ...base, amount: Number.POSITIVE_INFINITY })).toEqual([["contracts[0].amount", "must be a finite number (got Infinity)"]]);
    expect(contractIssues({ ...base, amount: new Decimal(Number.NaN) })).toEqual([["contracts[0].amount", "must be a finite number (got NaN)"]]);
    expect(contractIssues({ ...base, amount: true })).toEqual([["contracts[0].amount", "must be a decimal string, number or Decimal (got true)"]]);
    expect(contractIssues({ ...base, amount: "-5" })).toEqual([["contracts[0].amount", "must not be negative (got -5)"]]);
    // 101 decimal places: one more than MAX_AMOUNT_DIGITS = 100
    expect(contractIssues({ ...base, amount: `0.${"0".repeat(100)}1` })).toEqual([["contracts[0].amount", "must have at most 100 decimal places (got 101)"]]);
    // 1e100 has exponent 100, the first one not allowed; toExponential(3) writes it 1.000e+100
    expect(contractIssues({ ...base, amount: new Decimal("1e100") })).toEqual([["contracts[0].amount", "must be less than 1e100 (got 1.000e+100)"]]);
    expect(ContractSchema.parse({ ...base, amount: new Decimal("9.99e99") }).amount.equals("9.99e99")).toBe(true);
  });

  it("currency, dates and ids", () => {
    expect(contractIssues({ ...base, currency: 392 })).toEqual([["contracts[0].currency", 'must be an ISO 4217 currency code like "JPY" (got 392)']]);
    expect(contractIssues({ ...base, currency: "ABC" })).toEqual([["contracts[0].currency", 'must be an ISO 4217 currency code like "JPY" (got "ABC")']]);
    expect(contractIssues({ ...base, start: "2025-02-30" })).toEqual([["contracts[0].start", 'must be a calendar date YYYY-MM-DD (got "2025-02-30")']]);
    expect(contractIssues({ ...base, id: 1.5 })).toEqual([["contracts[0].id", "must be a non-empty string or an integer (got 1.5)"]]);
    expect(contractIssues({ ...base, id: null })).toEqual([["contracts[0].id", "must be a non-empty string or an integer (got null)"]]);
    expect(contractIssues({ ...base, customerId: "" })).toEqual([["contracts[0].customerId", 'must be a non-empty string or an integer (got "")']]);
  });

  it("intervalCount is a whole number ≥ 1; seats a whole number ≥ 0", () => {
    for (const count of [0, 1.5, "2", null]) {
      expect(contractIssues({ ...base, intervalCount: count })).toEqual([["contracts[0].intervalCount", `must be a whole number ≥ 1 (got ${describeValue(count)})`]]);
    }
    expect(ContractSchema.parse({ ...base, intervalCount: 1 }).intervalCount).toBe(1);
    for (const seats of [-1, 2.5, "3", Number.MAX_SAFE_INTEGER + 1]) {
      expect(contractIssues({ ...base, seats })).toEqual([["contracts[0].seats", `must be a whole number ≥ 0 (got ${describeValue(seats)})`]]);
    }
    expect(ContractSchema.parse({ ...base, seats: 0 }).seats).toBe(0);
  });

  it("a value that is not a contract object gets one issue, never a crash or an extra end-before-start issue", () => {
    expect(contractIssues("c-1")).toEqual([["contracts[0]", 'must be a contract object (got "c-1")']]);
    expect(contractIssues(null)).toEqual([["contracts[0]", "must be a contract object (got null)"]]);
    expect(contractIssues([base])).toEqual([["contracts[0]", "must be a contract object (got an array)"]]);
  });

  it("end before start is reported beside other field problems, but not when a date itself is invalid", () => {
    expect(contractIssues({ ...base, end: "2024-12-31", amount: "x" })).toEqual([
      ["contracts[0].amount", 'must be a decimal number like "1200.50" (got "x")'],
      ["contracts[0].end", "must be after start (2025-01-01)"],
    ]);
    expect(contractIssues({ ...base, end: "2025-13-01" })).toEqual([["contracts[0].end", 'must be a calendar date YYYY-MM-DD (got "2025-13-01")']]);
    // an invalid end that also sorts before start is still only a date problem
    expect(contractIssues({ ...base, end: "2024-13-45" })).toEqual([["contracts[0].end", 'must be a calendar date YYYY-MM-DD (got "2024-13-45")']]);
    expect(contractIssues({ ...base, start: "2025-1-1", end: "2024-01-01" })).toEqual([["contracts[0].start", 'must be a calendar date YYYY-MM-DD (got "2025-1-1")']]);
  });
});

describe("usage snapshot field messages", () => {
  it("counts are finite numbers ≥ 0 (0 included)", () => {
    expect(UsageSnapshotSchema.parse({ ...snapshot, licensedSeats: 0 }).licensedSeats).toBe(0);
    for (const count of [-1, Number.NaN, "5", null]) {
      expect(snapshotIssues({ ...snapshot, activeUsers: count })).toEqual([["snapshot.activeUsers", `must be a finite number ≥ 0 (got ${describeValue(count)})`]]);
    }
  });

  it("metrics must be an object of named finite numbers; bad ones are named by key", () => {
    for (const metrics of ["logins", 5, [1, 2], new Date(Date.UTC(2025, 0, 1))]) {
      expect(snapshotIssues({ ...snapshot, metrics })).toEqual([["snapshot.metrics", `must be an object of named numbers (got ${describeValue(metrics)})`]]);
    }
    expect(snapshotIssues({ ...snapshot, metrics: { logins: 3, "open tickets": "2", nps: Number.POSITIVE_INFINITY } })).toEqual([
      ['snapshot.metrics["open tickets"]', 'must be a finite number (got "2")'],
      ["snapshot.metrics.nps", "must be a finite number (got Infinity)"],
    ]);
  });

  it("a value that is not a snapshot object says so", () => {
    expect(snapshotIssues("acme")).toEqual([["snapshot", 'must be a usage snapshot object (got "acme")']]);
    expect(snapshotIssues(null)).toEqual([["snapshot", "must be a usage snapshot object (got null)"]]);
  });

  it("a missing required field is described as nothing", () => {
    expect(snapshotIssues({ customerId: "acme" })).toEqual([["snapshot.at", "must be a calendar date YYYY-MM-DD (got nothing)"]]);
  });
});

describe("scorecard messages and limits", () => {
  const linear = { type: "linear", worst: 0, best: 1 } as const;
  const scorecardIssues = (input: unknown): [string, string][] => {
    const result = ScorecardSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.success ? [] : result.error.issues.map((issue) => [formatPath("scorecard", issue.path), issue.message]);
  };

  it("weights and scale ends must be finite numbers, not numeric text", () => {
    expect(scorecardIssues({ measures: [{ metric: "nps", weight: "2", scale: linear }], bands: { good: 70, bad: 40 } })).toEqual([
      ["scorecard.measures[0].weight", 'must be a finite number (got "2")'],
    ]);
  });

  it("band thresholds lie in 0–100 (both ends included) and good may equal bad", () => {
    expect(scorecardIssues({ measures: [{ metric: "nps", weight: 1, scale: linear }], bands: { good: 70, bad: -1 } })).toEqual([
      ["scorecard.bands.bad", "must be between 0 and 100 points"],
    ]);
    // good = bad = 50: no Normal band, allowed
    expect(ScorecardSchema.parse({ measures: [{ metric: "nps", weight: 1, scale: linear }], bands: { good: 50, bad: 50 } }).bands).toEqual({ good: 50, bad: 50 });
    expect(ScorecardSchema.parse({ measures: [{ metric: "nps", weight: 1, scale: linear }], bands: { good: 100, bad: 0 } }).bands).toEqual({ good: 100, bad: 0 });
  });

  it("an unknown scale type gets the scale's own message", () => {
    expect(scorecardIssues({ measures: [{ metric: "nps", weight: 1, scale: { type: "log" } }], bands: { good: 70, bad: 40 } })).toEqual([
      ["scorecard.measures[0].scale.type", 'must be { type: "linear", worst, best } or { type: "steps", steps }'],
    ]);
    expect(scorecardIssues({ measures: [{ metric: "nps", weight: 1, scale: 5 }], bands: { good: 70, bad: 40 } })).toEqual([
      ["scorecard.measures[0].scale", 'must be { type: "linear", worst, best } or { type: "steps", steps }'],
    ]);
  });

  it("two measures naming neither source are two problems, not also a duplicate", () => {
    expect(scorecardIssues({ measures: [{ weight: 1, scale: linear }, { weight: 2, scale: linear }], bands: { good: 70, bad: 40 } })).toEqual([
      ["scorecard.measures[0]", "must name exactly one of signal or metric"],
      ["scorecard.measures[1]", "must name exactly one of signal or metric"],
    ]);
  });
});
