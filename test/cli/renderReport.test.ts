/**
 * renderReport and padDisplay directly: a period without a label, rates with an empty base, CSV
 * quoting of section values, sections without detail lines, and the terminal width of wide characters.
 */
import { describe, expect, it } from "vitest";
import { CliInputError, CliUsageError } from "../../src/cli/cliErrors.js";
import { padDisplay, renderReport, type ReportSection } from "../../src/cli/renderReport.js";
import { revenueReport } from "../../src/index.js";

// One customer whose only contract starts inside January 2025: nothing at the start (starting MRR 0,
// 0 starting customers), so every rate has an empty base (null); new MRR = 100 (monthly USD 100).
const report = revenueReport([{ id: "1", customerId: "a", start: "2025-01-10", amount: 100, interval: "month", currency: "USD" }], { start: "2025-01-01", end: "2025-02-01" });

const note: ReportSection = {
  key: "notes",
  title: "Notes",
  rows: [{ metric: "note", value: 'say "hi", twice', label: "note", shown: "hi" }],
  json: { note: 1 },
};

describe("renderReport", () => {
  it("names an unlabelled period by its range in CSV and leaves null rates empty", () => {
    const rows = renderReport(report, "csv").trimEnd().split("\n");
    expect(rows[0]).toBe("metric,value");
    expect(rows).toContain("period,2025-01-01..2025-02-01");
    expect(rows).toContain("startingMrr,0");
    expect(rows).toContain("newMrr,100");
    expect(rows).toContain("nrr,");
    expect(rows).toContain("grr,");
    expect(rows).toContain("logoChurnRate,");
  });

  it("quotes a CSV value holding a comma or quotes, doubling the quotes", () => {
    const rows = renderReport(report, "csv", [note]).trimEnd().split("\n");
    expect(rows.at(-1)).toBe('note,"say ""hi"", twice"');
  });

  it("heads the table without a label and prints a section that has no detail lines", () => {
    const lines = renderReport(report, "table", [note]).trimEnd().split("\n");
    // "KPI report " + "" + " (…" has two spaces, collapsed to one.
    expect(lines[0]).toBe("KPI report (2025-01-01 – 2025-02-01, end exclusive), USD");
    expect(lines).toContain(`  ${"NRR 売上継続率".padEnd(28 - 5)}—`); // 9 characters, 14 columns wide
    expect(lines.slice(-3)).toEqual(["", "Notes", `  ${"note".padEnd(28)}hi`]);
  });

  it("puts each section under its key in JSON, with its title as a field", () => {
    const parsed = JSON.parse(renderReport(report, "json", [note])) as Record<string, unknown>;
    expect(parsed.notes).toEqual({ title: "Notes", note: 1 });
    expect(parsed.Notes).toBeUndefined();
    expect(parsed.currency).toBe("USD");
  });
});

describe("padDisplay", () => {
  it("counts East Asian wide characters as two columns", () => {
    // Each text is 2 characters, 4 columns wide → 10 − 4 = 6 spaces of padding.
    for (const wide of ["한국" /* Hangul U+D55C, U+AD6D */, "豈更" /* CJK compatibility U+F900, U+F901 */, "ＡＢ" /* full-width U+FF21, U+FF22 */, "￥￡" /* U+FFE5, U+FFE1 */]) {
      expect(padDisplay(wide, 10)).toBe(`${wide}${" ".repeat(6)}`);
    }
  });

  it("counts narrow characters just above the wide ranges as one column", () => {
    // U+FF61 (half-width ideographic full stop) is past U+FF60 and before U+FFE0; U+FFE8 is past U+FFE6;
    // U+D7B0 is past the Hangul syllables (…U+D7A3); U+FB00 (ﬀ ligature) is past U+FAFF: 1 column each.
    expect(padDisplay("\uff61\uffe8\ud7b0\ufb00", 10)).toBe(`\uff61\uffe8\ud7b0\ufb00${" ".repeat(6)}`);
  });

  it("counts emoji, CJK compatibility forms and plane-2 ideographs as two columns, as terminals draw them", () => {
    // 😀 (U+1F600), ︰ (U+FE30), 𠀋 (U+2000B): 3 × 2 = 6 columns → 10 − 6 = 4 spaces
    expect(padDisplay("😀︰𠀋", 10)).toBe(`😀︰𠀋${" ".repeat(4)}`);
  });

  it("pads with at least one space", () => {
    expect(padDisplay("abcdef", 3)).toBe("abcdef ");
  });
});

describe("renderReport: every KPI row, in the documented order", () => {
  // A book with every movement in 2025 (USD, monthly amounts): a 100 → 150 (expansion +50),
  // b 80 → 50 (contraction −30), c 40 churns 2025-07-01, d new 20 from 2025-03-01, e 10 stopped
  // 2024-06-01 and back 2025-02-01 (reactivation +10). Start: a b c = 220; end: 150 + 50 + 20 + 10 = 230.
  const full = revenueReport(
    [
      { id: "a1", customerId: "a", start: "2024-01-01", end: "2025-05-01", amount: 100, currency: "USD" },
      { id: "a2", customerId: "a", start: "2025-05-01", amount: 150, currency: "USD" },
      { id: "b1", customerId: "b", start: "2024-01-01", end: "2025-04-01", amount: 80, currency: "USD" },
      { id: "b2", customerId: "b", start: "2025-04-01", amount: 50, currency: "USD" },
      { id: "c1", customerId: "c", start: "2024-01-01", end: "2025-07-01", amount: 40, currency: "USD" },
      { id: "d1", customerId: "d", start: "2025-03-01", amount: 20, currency: "USD" },
      { id: "e1", customerId: "e", start: "2024-01-01", end: "2024-06-01", amount: 10, currency: "USD" },
      { id: "e2", customerId: "e", start: "2025-02-01", amount: 10, currency: "USD" },
    ],
    { start: "2025-01-01", end: "2026-01-01", label: "2025" },
  );

  it("CSV has each metric once, with the report's exact value", () => {
    const m = full.movements;
    const r = full.rates;
    const text = (value: { toString(): string } | null): string => (value === null ? "" : value.toString());
    // the hand-derived movements first: 220 + 20 + 50 + 10 − 30 − 40 = 230
    expect([m.startingMrr, m.newMrr, m.expansionMrr, m.reactivationMrr, m.contractionMrr, m.churnedMrr, m.endingMrr].map(String)).toEqual(["220", "20", "50", "10", "30", "40", "230"]);
    expect(renderReport(full, "csv")).toBe(
      [
        "metric,value",
        "period,2025",
        "periodStart,2025-01-01",
        "periodEnd,2026-01-01",
        "currency,USD",
        "startingMrr,220",
        "newMrr,20",
        "expansionMrr,50",
        "reactivationMrr,10",
        "contractionMrr,30",
        "churnedMrr,40",
        "endingMrr,230",
        "startingCustomers,3",
        "newCustomers,1",
        "reactivatedCustomers,1",
        "churnedCustomers,1",
        "endingCustomers,4",
        `nrr,${text(r.nrr)}`,
        `grr,${text(r.grr)}`,
        `expansionRate,${text(r.expansionRate)}`,
        `contractionRate,${text(r.contractionRate)}`,
        `revenueChurnRate,${text(r.revenueChurnRate)}`,
        `grossRevenueChurnRate,${text(r.grossRevenueChurnRate)}`,
        `netRevenueChurnRate,${text(r.netRevenueChurnRate)}`,
        `logoChurnRate,${text(r.logoChurnRate)}`,
        `logoRetentionRate,${text(r.logoRetentionRate)}`,
        `netLogoChurnRate,${text(r.netLogoChurnRate)}`,
        `lostRevenue,${text(full.lostRevenue.total)}`,
        "",
      ].join("\n"),
    );
    // the rates are distinct here, so a row showing another rate's value cannot pass: NRR = (220 + 50 − 30 − 40) / 220 = 200/220,
    // expansion 50/220, contraction 30/220, logo churn 1/3
    expect(new Set([r.nrr, r.grr, r.expansionRate, r.contractionRate, r.revenueChurnRate, r.logoChurnRate, r.logoRetentionRate].map(String)).size).toBe(7);
  });

  it("the table has its three headed blocks, and signs the net churn rates", () => {
    const lines = renderReport(full, "table").split("\n");
    // net revenue churn = 1 − NRR = 1 − 200/220 = +9.1%; net logo churn = (churned 1 − new 1) / 3 = 0
    // (signed formatting shows no sign on zero); logo retention 2/3 = 66.7%
    expect(lines).toContain(`  ${padDisplay("net revenue churn", 28)}+9.1%`);
    expect(lines).toContain(`  ${padDisplay("net logo churn", 28)}0.0%`);
    expect(lines).toContain(`  ${padDisplay("logo retention 継続率", 28)}66.7%`);
    expect(lines[0]).toBe("KPI report 2025 (2025-01-01 – 2026-01-01, end exclusive), USD");
    expect(lines.filter((line) => line === "MRR bridge" || line === "Rates" || line.startsWith("Lost revenue 逸失金額"))).toEqual([
      "MRR bridge",
      "Rates",
      "Lost revenue 逸失金額 (proration: month)",
    ]);
  });
});

describe("CLI error classes", () => {
  it("are named for what went wrong", () => {
    expect([new CliUsageError("x").name, new CliInputError("y").name]).toEqual(["CliUsageError", "CliInputError"]);
  });
});
