import { describe, expect, it } from "vitest";
import { UsageSnapshotSchema, ValidationError, deriveSignals } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "./fixtures.js";

describe("deriveSignals (DOMAIN.md §1)", () => {
  it("divides each numerator by its base", () => {
    // 展開率 80/100 = 0.8; 活用率 40/80 = 0.5; stickiness 12/48 = 0.25; feature adoption 3/10 = 0.3
    const snapshot = deepFreeze({
      customerId: "acme", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 80, activeUsers: 40,
      dau: 12, mau: 48, featuresUsed: 3, featuresAvailable: 10,
    });
    expect(deriveSignals(snapshot)).toEqual({ deploymentRate: 0.8, utilizationRate: 0.5, stickiness: 0.25, featureAdoption: 0.3 });
  });

  it("reports a zero or missing base, or a missing numerator, as null — never 0 or NaN", () => {
    const signals = deriveSignals({ customerId: "a", at: "2025-06-30", licensedSeats: 0, provisionedUsers: 5, dau: 3, featuresUsed: 0, featuresAvailable: 0 });
    // licensedSeats 0 → deploymentRate null; activeUsers missing → utilizationRate null;
    // mau missing → stickiness null; featuresAvailable 0 → featureAdoption null (0/0 is not 0)
    expect(signals).toEqual({ deploymentRate: null, utilizationRate: null, stickiness: null, featureAdoption: null });
  });

  it("keeps a zero numerator over a positive base as 0, and a ratio above 1 as is", () => {
    // 0 active of 20 provisioned = 0; 120 provisioned of 100 seats = 1.2
    expect(deriveSignals({ customerId: "a", at: "2025-06-30", licensedSeats: 100, provisionedUsers: 120, activeUsers: 0 })).toMatchObject({
      deploymentRate: 1.2,
      utilizationRate: 0,
    });
  });

  it("names the invalid field", () => {
    const error = caught(() => deriveSignals({ customerId: "a", at: "2025-02-30", activeUsers: -1 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toMatchInlineSnapshot(`
      [
        {
          "message": "must be a calendar date YYYY-MM-DD (got "2025-02-30")",
          "path": "snapshot.at",
        },
        {
          "message": "must be a finite number ≥ 0 (got -1)",
          "path": "snapshot.activeUsers",
        },
      ]
    `);
  });
});

describe("UsageSnapshotSchema metrics", () => {
  it("keeps a __proto__ key as data in a null-prototype record", () => {
    const input = JSON.parse('{"customerId": "a", "at": "2025-06-30", "metrics": {"__proto__": 3, "logins": 7}}') as unknown;
    const metrics = UsageSnapshotSchema.parse(input).metrics;
    expect(Object.getPrototypeOf(metrics)).toBe(null);
    expect(Object.keys(metrics)).toEqual(["__proto__", "logins"]);
    expect(metrics["__proto__"]).toBe(3);
    expect(metrics["toString"]).toBeUndefined();
  });

  it("treats absent or null metrics as none, and names a bad metric", () => {
    expect(Object.keys(UsageSnapshotSchema.parse({ customerId: "a", at: "2025-06-30", metrics: null }).metrics)).toEqual([]);
    const result = UsageSnapshotSchema.safeParse({ customerId: "a", at: "2025-06-30", metrics: { nps: Number.NaN, ok: 1 } });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[["metrics", "nps"], "must be a finite number (got NaN)"]]);
    expect(UsageSnapshotSchema.safeParse({ customerId: "a", at: "2025-06-30", metrics: [1] }).success).toBe(false);
  });
});
