/**
 * retentionByFactor on the bundled sample (fiscal 2025), worked by hand, and its edges.
 */
import { describe, expect, it } from "vitest";
import { ValidationError, fiscalYear, grr, logoRetentionRate, nrr, retentionByFactor, year } from "../../src/index.js";
import sample from "../../examples/data/contracts.json" with { type: "json" };
import type { ContractInput } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";

const contracts = sample as ContractInput[];
const FY2025 = fiscalYear(2025, { startMonth: 4 });
// The starting cohort on 2025-03-31 (MRR): hokuto 200,000 (2.4M/yr), sakura 200,000, minato 150,000,
// aozora 600,000 (1.8M/quarter), kawasaki 90,000, tohoku 300,000 (10.8M per 36 months), osaka 80,000;
// S = 1,620,000. On 2026-03-31: hokuto 250,000, sakura 0 (ended 2025-07-01), minato 180,000, aozora
// 400,000, kawasaki 0 (ended 2026-01-16), tohoku 300,000, osaka 110,000.
const ONBOARDED = { "hokuto-logistics": "yes", "minato-clinic": "yes", "aozora-bank": "yes", "tohoku-energy": "yes", "osaka-media": "no", "sakura-foods": "no", "kawasaki-steel": "no" };

describe("retentionByFactor on the sample contracts", () => {
  const result = retentionByFactor(deepFreeze(contracts), FY2025, ONBOARDED);

  it("splits the starting cohort: onboarded 4 of 4 kept, not onboarded 1 of 3", () => {
    expect(result.currency).toBe("JPY");
    expect(result.groups.map((g) => [g.label, g.retained, g.customers])).toEqual([
      ["no", 1, 3],
      ["yes", 4, 4],
    ]);
    const [no, yes] = result.groups;
    expect(no!.logoRetentionRate!.equals("0.3333333333333333333333333333333333333333")).toBe(true);
    expect(yes!.logoRetentionRate!.toString()).toBe("1");
  });

  it("revenue retention per group: yes NRR 1,130,000/1,250,000 = 0.904, GRR 1,050,000/1,250,000 = 0.84; no NRR 110,000/370,000", () => {
    const [no, yes] = result.groups;
    // yes: S = 200k + 150k + 600k + 300k = 1,250,000; Σ M1 = 250k + 180k + 400k + 300k = 1,130,000;
    // Σ min = 200k + 150k + 400k + 300k = 1,050,000.
    expect(yes!.startingMrr.toString()).toBe("1250000");
    expect(yes!.endingMrr.toString()).toBe("1130000");
    expect(yes!.nrr!.toString()).toBe("0.904");
    expect(yes!.grr!.toString()).toBe("0.84");
    // no: S = 200k + 90k + 80k = 370,000; Σ M1 = 110,000 (osaka); Σ min = 80,000.
    expect(no!.startingMrr.toString()).toBe("370000");
    expect(no!.nrr!.toSignificantDigits(6).toString()).toBe("0.297297");
    expect(no!.grr!.toSignificantDigits(6).toString()).toBe("0.216216");
  });

  it("Wilson intervals: 4 of 4 → [0.5101, 1]; 1 of 3 → [0.0615, 0.7923]", () => {
    // 1 of 3, z² = 3.841459: centre (1/3 + z²/6)/(1 + z²/3) = 0.973576/2.280486 = 0.426915;
    // half = (z/2.280486)·√((2/9)/3 + z²/36) = 0.859451·√0.180781 = 0.859451·0.425184 = 0.365425 → [0.061490, 0.792340]
    expect(result.groups[1]!.logoRetentionInterval!.upper).toBe(1);
    expect(result.groups[1]!.logoRetentionInterval!.lower.toFixed(4)).toBe("0.5101");
    const interval = result.groups[0]!.logoRetentionInterval!;
    expect([interval.lower.toFixed(4), interval.upper.toFixed(4)]).toEqual(["0.0615", "0.7923"]);
  });

  it("the z-test: p̂ 1/3 vs 1, pooled 5/7: z = −(2/3)/√(5/7·2/7·(1/3 + 1/4)) = −1.9322, p = 0.0533", () => {
    // pooled variance = (10/49)·(7/12) = 70/588 = 0.119048; SE = 0.345033; z = −0.666667/0.345033 = −1.93218
    expect(result.comparisons).toHaveLength(1);
    const [test] = result.comparisons;
    expect([test!.a, test!.b]).toEqual(["no", "yes"]);
    expect(test!.difference).toBeCloseTo(-2 / 3, 12);
    expect(test!.z).toBeCloseTo(-1.93218, 5);
    expect(test!.pValue).toBeCloseTo(0.0533, 4);
  });

  it("the groups add up to the whole, whose rates are the library's logo retention, NRR and GRR", () => {
    expect(result.whole.customers).toBe(7);
    expect(result.whole.retained).toBe(5);
    expect(result.groups.reduce((sum, g) => sum + g.customers, 0)).toBe(result.whole.customers);
    expect(result.groups.reduce((sum, g) => sum.plus(g.startingMrr), result.whole.startingMrr.times(0)).equals(result.whole.startingMrr)).toBe(true);
    expect(result.whole.startingMrr.toString()).toBe("1620000");
    expect(result.whole.logoRetentionRate!.equals(logoRetentionRate(contracts, FY2025)!)).toBe(true);
    expect(result.whole.nrr!.equals(nrr(contracts, FY2025)!)).toBe(true);
    expect(result.whole.grr!.equals(grr(contracts, FY2025)!)).toBe(true);
  });
});

describe("retentionByFactor: factors, options and edges", () => {
  const small = [
    { id: "1", customerId: "a", start: "2024-01-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "b", start: "2024-01-01", end: "2025-05-01", amount: 100, currency: "USD" },
    { id: "3", customerId: "c", start: "2024-01-01", amount: 100, currency: "USD" },
    { id: "4", customerId: "d", start: "2025-02-01", amount: 100, currency: "USD" }, // new: not in C0
  ];

  it("accepts a Map or a function; unlabelled customers form the null group, listed last", () => {
    const byMap = retentionByFactor(small, year(2025), new Map([["a", "pro"], ["b", "lite"]]));
    expect(byMap.groups.map((g) => [g.label, g.customers])).toEqual([["lite", 1], ["pro", 1], [null, 1]]);
    const byFunction = retentionByFactor(small, year(2025), (id) => (id === "c" ? undefined : "x"));
    expect(byFunction.groups.map((g) => [g.label, g.customers, g.retained])).toEqual([["x", 2, 1], [null, 1, 1]]);
    expect(byMap.comparisons.map((c) => [c.a, c.b])).toEqual([["lite", "pro"], ["lite", null], ["pro", null]]);
  });

  it("compare names one pair, in the order given", () => {
    const result = retentionByFactor(small, year(2025), { a: "pro", b: "lite" }, { compare: [null, "lite"] });
    // c (unlabelled) 1/1 vs b 0/1, pooled 1/2: z = 1/√(0.25·(1 + 1)) = √2, p = 2·Q(1.4142) = 0.1573
    expect(result.comparisons.map((c) => [c.a, c.b, c.difference])).toEqual([[null, "lite", 1]]);
    expect(result.comparisons[0]!.z).toBeCloseTo(Math.SQRT2, 12);
    expect(result.comparisons[0]!.pValue).toBeCloseTo(0.1573, 4);
  });

  it("an empty starting cohort gives no groups and null rates", () => {
    const result = retentionByFactor([], year(2025), {});
    expect(result.groups).toEqual([]);
    expect(result.whole.logoRetentionRate).toBeNull();
    expect(result.whole.logoRetentionInterval).toBeNull();
    expect(result.whole.nrr).toBeNull();
    expect(result.comparisons).toEqual([]);
  });

  it("rejects a bad factor, label and compare with paths", () => {
    const loose = retentionByFactor as unknown as (...args: unknown[]) => unknown;
    expect((caught(() => loose(small, year(2025), 42)) as ValidationError).issues[0]).toEqual({
      path: "factor",
      message: "must be a Map or object from customer id to label, or a function of the customer id (got 42)",
    });
    expect((caught(() => loose(small, year(2025), () => 7)) as ValidationError).issues[0]!.path).toBe('factor("a")');
    expect((caught(() => loose(small, year(2025), { a: 1 })) as ValidationError).issues[0]!.path).toBe('factor["a"]');
    expect((caught(() => loose(small, year(2025), {}, { compare: ["x"] })) as ValidationError).issues[0]!.path).toBe("options.compare");
    expect((caught(() => loose(small, year(2025), {}, null)) as ValidationError).issues[0]!.path).toBe("options");
    const missing = caught(() => retentionByFactor(small, year(2025), { a: "pro" }, { compare: ["pro", "gold"] })) as ValidationError;
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.issues[0]!.message).toBe('names "gold", which has no customer in the starting cohort (groups: "pro", null)');
  });

  it("does not depend on the order of the contracts", () => {
    const forward = retentionByFactor(contracts, FY2025, ONBOARDED);
    const backward = retentionByFactor([...contracts].reverse(), FY2025, ONBOARDED);
    expect(backward).toEqual(forward);
  });
});
