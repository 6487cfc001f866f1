/** Reading the ValidationError a chart builder throws, for the validation tests. */
import { expect } from "vitest";
import { ValidationError, type ValidationIssue } from "../../../src/index.js";

/** The issues of the ValidationError `run` throws (fails the test if it throws anything else or nothing). */
export function issuesOf(run: () => unknown): readonly ValidationIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error("expected a ValidationError, nothing was thrown");
}

/** The paths of the issues `run` throws. */
export const paths = (run: () => unknown): string[] => issuesOf(run).map((issue) => issue.path);
