import { describe, expect, it } from "vitest";
import { ValidationError, priorityQuadrant } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "./fixtures.js";

const options = { asOf: "2025-06-30", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30 } as const;
const snap = (customerId: string, provisioned: number, active: number, lastContactAt?: string) => ({
  customerId, at: "2025-06-30", licensedSeats: 100, provisionedUsers: provisioned, activeUsers: active, ...(lastContactAt === undefined ? {} : { lastContactAt }),
});

describe("priorityQuadrant (WingArc1st's CSuP view)", () => {
  it("ranks low-low first, mixed next, high-high last; not contacted first; lowest combined rates first", () => {
    // deployment = provisioned/100, utilization = active/provisioned:
    //   hh   0.9, 0.5   high-high, not contacted
    //   lhA  0.4, 0.75  low-high (mixed), contacted (2025-06-01: 29 days ≤ 30), combined 1.15
    //   hlB  0.6, 0.25  high-low (mixed), not contacted (2025-05-30: 31 days), combined 0.85
    //   hlC  0.8, 0.25  high-low (mixed), not contacted (unknown), combined 1.05
    //   llD  0.2, 0.25  low-low, contacted, combined 0.45
    //   llE  0.4, 0.25  low-low, not contacted, combined 0.65
    //   llF  0.3, 0.1   low-low, not contacted, combined 0.4
    const snapshots = deepFreeze([
      snap("hh", 90, 45),
      snap("lhA", 40, 30, "2025-06-01"),
      snap("hlB", 60, 15, "2025-05-30"),
      snap("hlC", 80, 20),
      snap("llD", 20, 5, "2025-06-20"),
      snap("llE", 40, 10),
      snap("llF", 30, 3),
    ]);
    const ranked = priorityQuadrant(snapshots, options);
    expect(ranked.map((r) => [r.priority, r.customerId, r.quadrant, r.contactedRecently])).toEqual([
      [1, "llF", "low-low", false],
      [2, "llE", "low-low", false],
      [3, "llD", "low-low", true],
      [4, "hlB", "high-low", false],
      [5, "hlC", "high-low", false],
      [6, "lhA", "low-high", true],
      [7, "hh", "high-high", false],
    ]);
    expect(ranked[0]).toEqual({
      customerId: "llF", at: "2025-06-30", priority: 1, quadrant: "low-low", deploymentRate: 0.3, utilizationRate: 0.1, contactedRecently: false, lastContactAt: null,
    });
  });

  it("counts a rate equal to its threshold as high, and a missing rate as low (0 in the combined rate)", () => {
    const ranked = priorityQuadrant(
      [snap("edge", 50, 25), { customerId: "none", at: "2025-06-01", licensedSeats: 0 }, { customerId: "later", at: "2025-07-01", licensedSeats: 1 }],
      options,
    );
    // edge: 0.5 ≥ 0.5 and 25/50 = 0.5 ≥ 0.5 → high-high; none: both missing → low-low; later: after asOf → left out
    expect(ranked.map((r) => [r.customerId, r.quadrant, r.deploymentRate, r.utilizationRate])).toEqual([
      ["none", "low-low", null, null],
      ["edge", "high-high", 0.5, 0.5],
    ]);
  });

  it("an unknown last contact is never recent, however wide the window", () => {
    // contactWithinDays 10^6 (about 2,700 years) covers any real date, but no contact at all is still red.
    const ranked = priorityQuadrant(
      [
        { customerId: "never", at: "2025-06-30", licensedSeats: 10, provisionedUsers: 5, activeUsers: 5 },
        { customerId: "long-ago", at: "2025-06-30", licensedSeats: 10, provisionedUsers: 5, activeUsers: 5, lastContactAt: "1900-01-01" },
      ],
      { asOf: "2025-06-30", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 1_000_000 },
    );
    expect(ranked.map((r) => [r.customerId, r.contactedRecently])).toEqual([["never", false], ["long-ago", true]]);
  });

  it("validates options", () => {
    const error = caught(() => priorityQuadrant([], { ...options, contactWithinDays: -1 }));
    expect((error as ValidationError).issues).toEqual([{ path: "options.contactWithinDays", message: "must be ≥ 0 (got -1)" }]);
  });
});
