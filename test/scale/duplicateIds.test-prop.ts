/** The hashed duplicate finder agrees with a plain Map scan. */
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { expect } from "vitest";
import { findDuplicateIds } from "../../src/revenue/duplicateIds.js";
import { runs } from "../hardening/support/runs.js";

test.prop([fc.array(fc.oneof(fc.constantFrom("a", "b", "c", "", "é", "a\u0000"), fc.string({ maxLength: 4 })), { maxLength: 200 })], { numRuns: runs(500) })(
  "findDuplicateIds lists each repeat with its first position, in order",
  (ids) => {
    const firstOf = new Map<string, number>();
    const expected: Array<readonly [number, number]> = [];
    ids.forEach((id, position) => {
      const first = firstOf.get(id);
      if (first === undefined) firstOf.set(id, position);
      else expected.push([position, first]);
    });
    expect(findDuplicateIds(ids)).toEqual(expected);
  },
);

test("findDuplicateIds tells apart different ids with the same 32-bit hash", () => {
  // "id522789" and "id739192" share the 32-bit FNV-1a hash 3327644235 (found by a birthday search over
  // "id" + counter): same hash, same table slot, different ids.
  expect(findDuplicateIds(["id522789", "id739192", "id739192", "id522789"])).toEqual([
    [2, 1],
    [3, 0],
  ]);
});

test("findDuplicateIds finds repeats across partitions of a large input, in position order", () => {
  // 40,000 ids ("id0" … "id39999", spread over several partitions), then three repeats in reverse order
  // of their first occurrence and one repeat of a repeat: each names the id's first position.
  const ids = Array.from({ length: 40_000 }, (_, position) => `id${position}`);
  ids.push("id39999", "id20000", "id7", "id20000");
  expect(findDuplicateIds(ids)).toEqual([
    [40_000, 39_999],
    [40_001, 20_000],
    [40_002, 7],
    [40_003, 20_000],
  ]);
});
