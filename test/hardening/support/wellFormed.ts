/**
 * Checks shared by the fuzz suites: a result is well formed (finite numbers and Decimals, no
 * `undefined` holes), an error is a CsMetricsError naming its path, an input is left unchanged.
 */
import Decimal from "decimal.js";
import { CsMetricsError, ValidationError } from "../../../src/index.js";

/** Problems with a result value; empty when it is well formed. */
export function wellFormednessProblems(value: unknown, path = "result", seen = new Set<object>()): string[] {
  if (value === undefined) return [`${path} is undefined`];
  // A book's open-ended line has endDay Infinity by design (ContractLine documents it).
  if (typeof value === "number") return Number.isFinite(value) || /\.lines\[\d+\]\.endDay$/.test(path) ? [] : [`${path} is ${value}`];
  // Only a returned string is the library's own text (a nested one may echo the caller's label).
  if (typeof value === "string") return path === "result" && /NaN|Infinity|undefined/.test(value) ? [`${path} reads ${JSON.stringify(value.slice(0, 80))}`] : [];
  if (typeof value === "function" || typeof value === "symbol") return [`${path} is a ${typeof value}`];
  if (typeof value !== "object" || value === null) return [];
  if (Decimal.isDecimal(value)) return (value as Decimal).isFinite() ? [] : [`${path} is Decimal ${String(value)}`];
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? [] : [`${path} is an Invalid Date`];
  if (seen.has(value)) return [];
  seen.add(value);
  const problems: string[] = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) problems.push(`${path}[${i}] is a hole`);
      else problems.push(...wellFormednessProblems(value[i], `${path}[${i}]`, seen));
    }
    return problems;
  }
  for (const key of Reflect.ownKeys(value)) {
    problems.push(...wellFormednessProblems((value as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`, seen));
  }
  return problems;
}

/** Problems with a thrown value; empty when it is a CsMetricsError whose message names its path. */
export function errorProblems(error: unknown): string[] {
  if (!(error instanceof CsMetricsError)) {
    const shown = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
    return [`threw something other than a CsMetricsError: ${shown.slice(0, 1200)}`];
  }
  const problems: string[] = [];
  if (!error.message.startsWith("cs-metrics: ")) problems.push(`message lacks the cs-metrics prefix: ${error.message}`);
  if (error instanceof ValidationError) {
    if (error.issues.length === 0) problems.push("ValidationError without issues");
    error.issues.slice(0, 20).forEach((issue, index) => {
      if (typeof issue.path !== "string" || issue.path.length === 0) problems.push(`issue ${index} has no path`);
      if (typeof issue.message !== "string" || issue.message.length === 0) problems.push(`issue ${index} has no message`);
      else if (!error.message.includes(`${issue.path}: ${issue.message}`)) problems.push(`message does not name ${issue.path}`);
    });
  } else {
    const path = (error as { path?: unknown }).path;
    if (typeof path !== "string" || path.length === 0) problems.push(`${error.name} without a path`);
    else if (!error.message.includes(path)) problems.push(`message does not name ${path}: ${error.message}`);
  }
  return problems;
}

/**
 * A canonical text of a value for before/after comparison (Decimals by value, Dates by time, own
 * keys including `__proto__`, NaN and −0 told apart). structuredClone would drop Decimal prototypes.
 */
export function snapshot(value: unknown, seen = new Set<object>()): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object" || value === null) return String(value);
  if (Decimal.isDecimal(value)) return `Decimal(${(value as Decimal).toString()})`;
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (seen.has(value)) return "[cycle]";
  seen.add(value);
  const body = Array.isArray(value)
    ? `[${Array.from({ length: value.length }, (_, i) => (i in value ? snapshot(value[i], seen) : "<hole>")).join(",")}]`
    : `{${Reflect.ownKeys(value)
        .map((key) => `${String(key)}:${snapshot((value as Record<PropertyKey, unknown>)[key], seen)}`)
        .join(",")}}`;
  seen.delete(value);
  return `${Object.getPrototypeOf(value) === null ? "null-proto" : ""}${body}`;
}
