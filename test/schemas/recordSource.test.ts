import { describe, expect, it } from "vitest";
import {
  ValidationError,
  scoreCustomersFromAsyncIterable,
  scoreCustomersFromIterable,
  usagePartial,
  usageSnapshotsFromAsyncIterable,
  usageSnapshotsFromIterable,
} from "../../src/index.js";

// A string is iterable by character in JavaScript; every streaming entry point refuses it at once
// with one issue, instead of reading 100,000 characters as 100,000 bad records (the public-API fuzz
// found such a call taking seconds).
const long = "9".repeat(100_000);
const scorecard = { name: "s", measures: [{ signal: "activeUserRate", weight: 1, points: { type: "linear", from: 0, to: 1 } }] };

describe("streaming inputs refuse a string", () => {
  it("usage events", async () => {
    const issues = [{ path: "events", message: "must be an iterable of usage events (got a string)" }];
    expect(() => usageSnapshotsFromIterable(long as never, { on: "2025-06-30" })).toThrow(expect.objectContaining({ issues }));
    expect(() => usagePartial(long as never, { on: "2025-06-30" })).toThrow(expect.objectContaining({ issues }));
    await expect(usageSnapshotsFromAsyncIterable(long as never, { on: "2025-06-30" })).rejects.toMatchObject({ issues });
  });

  it("usage snapshots", async () => {
    const issues = [{ path: "snapshots", message: "must be an iterable of usage snapshots (got a string)" }];
    expect(() => scoreCustomersFromIterable(long as never, scorecard as never, { scope: "all" } as never)).toThrow(expect.objectContaining({ issues }));
    await expect(scoreCustomersFromAsyncIterable(long as never, scorecard as never, { scope: "all" } as never)).rejects.toBeInstanceOf(ValidationError);
  });
});
