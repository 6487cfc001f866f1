/**
 * Health at scale: scoring from a stream equals scoreCustomers, and band tallies of customer shards
 * merge into the whole tally and Good−Bad index.
 */
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors.js";
import { bandTally, goodMinusBadFromTally, mergeBandTallies } from "../../src/health/bandTallies.js";
import { goodMinusBad } from "../../src/health/goodMinusBad.js";
import { scoreCustomers } from "../../src/health/scoreCustomers.js";
import { scoreCustomersFromAsyncIterable, scoreCustomersFromIterable } from "../../src/health/scoreCustomersFromStream.js";
import { dayText, historyArb, scorecardArb } from "../health/arbitraries.js";
import { runs } from "../hardening/support/runs.js";

describe("health at scale", { timeout: 60_000 }, () => {
  test.prop([historyArb, scorecardArb(), fc.integer({ min: 0, max: 420 })], { numRuns: runs(200) })(
    "streamed scoring equals scoreCustomers",
    async (snapshots, scorecard, asOfDay) => {
      const options = { asOf: dayText(asOfDay) };
      const expected = scoreCustomers(snapshots, scorecard, options);
      expect(scoreCustomersFromIterable(snapshots, scorecard, options)).toEqual(expected);
      async function* stream(): AsyncGenerator<(typeof snapshots)[number]> {
        yield* snapshots;
      }
      expect(await scoreCustomersFromAsyncIterable(stream(), scorecard, options)).toEqual(expected);
    },
  );

  test.prop([historyArb, scorecardArb(), fc.integer({ min: 0, max: 420 }), fc.func(fc.integer({ min: 0, max: 3 }))], { numRuns: runs(200) })(
    "tallies of customer shards merge into the whole tally and Good−Bad index",
    (snapshots, scorecard, asOfDay, shardOf) => {
      const options = { asOf: dayText(asOfDay) };
      const whole = scoreCustomers(snapshots, scorecard, options);
      const shards = [0, 1, 2, 3].map((shard) => snapshots.filter((snapshot) => shardOf(String(snapshot.customerId)) === shard));
      const tallies = shards.map((shard) => bandTally(scoreCustomers(shard, scorecard, options)));
      const merged = mergeBandTallies(JSON.parse(JSON.stringify(tallies)) as typeof tallies);
      expect(merged).toEqual(bandTally(whole));
      expect(goodMinusBadFromTally(merged)).toEqual(goodMinusBad(whole));
    },
  );

  it("reports the duplicate of the scored day and bad snapshots by stream position", () => {
    const scorecard = { measures: [{ signal: "deploymentRate" as const, weight: 1, scale: { type: "linear" as const, worst: 0, best: 1 } }], bands: { good: 70, bad: 40 } };
    const run = (): unknown =>
      scoreCustomersFromIterable(
        [
          { customerId: "a", at: "2025-06-01", licensedSeats: 10, provisionedUsers: 5 },
          { customerId: "a", at: "2025-06-01", licensedSeats: 10, provisionedUsers: 6 },
          { customerId: "b", at: "2025-06-31", licensedSeats: 10 },
        ],
        scorecard,
        { asOf: "2025-06-30" },
      );
    expect(run).toThrow(ValidationError);
    try {
      run();
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        { path: "snapshots[2].at", message: 'must be a calendar date YYYY-MM-DD (got "2025-06-31")' },
        { path: "snapshots[1].at", message: 'duplicate snapshot of customer "a" on 2025-06-01 (also snapshots[0])' },
      ]);
    }
  });

  it("rejects malformed tallies", () => {
    expect(() => mergeBandTallies([{ good: 1, normal: 0, bad: -1, unscored: 0 }])).toThrow(/tallies\[0\]\.bad/);
  });
});
