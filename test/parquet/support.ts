/** Helpers shared by the Parquet reader's tests. */
import { expect } from "vitest";
import { ValidationError } from "../../src/errors.js";

/** The issues of the ValidationError that `run` rejects with. */
export async function issuesOf(run: Promise<unknown>): Promise<readonly { path: string; message: string }[]> {
  const error = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}
