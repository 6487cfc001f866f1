/**
 * Caller-supplied table and column names: validated, then quoted for the dialect, so that no name
 * can end a quoted identifier and inject SQL.
 * @module
 */
import type { ValidationIssue } from "../errors.js";
import { describeValue } from "../schemas/primitives.js";
import type { DialectRules } from "./dialect.js";

/** A table name: one identifier, or the parts of a qualified name (`["analytics", "contracts"]`). */
export type TableName = string | readonly string[];

/** Longest identifier part accepted, in UTF-8 bytes (PostgreSQL silently truncates beyond 63). */
export const MAX_IDENTIFIER_BYTES = 63;

const encoder = new TextEncoder();

/** Why `part` cannot be an identifier in this dialect, or `null` when it can. */
function identifierProblem(part: unknown, rules: DialectRules): string | null {
  if (typeof part !== "string" || part.length === 0) return `must be a non-empty string (got ${describeValue(part)})`;
  if (encoder.encode(part).length > MAX_IDENTIFIER_BYTES) return `must be at most ${MAX_IDENTIFIER_BYTES} bytes long (got ${describeValue(part)})`;
  if (part.trim() !== part) return `must not start or end with white space (got ${describeValue(part)})`;
  if (rules.forbiddenInIdentifier.test(part)) {
    return `must not contain control characters${rules.name === "bigquery" ? ", backticks or backslashes" : ""} (got ${describeValue(part)})`;
  }
  return null;
}

/**
 * Quotes one identifier after validating it; records an issue at `path` instead when it is invalid
 * (the returned text is then never used).
 */
export function quoteIdentifier(part: unknown, rules: DialectRules, path: string, issues: ValidationIssue[]): string {
  const problem = identifierProblem(part, rules);
  if (problem !== null) {
    issues.push({ path, message: problem });
    return "";
  }
  return rules.quoteIdentifier(part as string);
}

/** Quotes a table name (each part of a qualified name separately). */
export function quoteTableName(name: unknown, rules: DialectRules, path: string, issues: ValidationIssue[]): string {
  if (Array.isArray(name)) {
    if (name.length === 0 || name.length > 3) {
      issues.push({ path, message: `must be a name or 1 to 3 name parts (got ${name.length} parts)` });
      return "";
    }
    return name.map((part: unknown, index) => quoteIdentifier(part, rules, `${path}[${index}]`, issues)).join(".");
  }
  return quoteIdentifier(name, rules, path, issues);
}
