/**
 * renderReport and padDisplay directly: a period without a label, rates with an empty base, CSV
 * quoting of section values, sections without detail lines, and the terminal width of wide characters.
 */
import { describe, expect, it } from "vitest";
import { padDisplay, renderReport, type ReportSection } from "../../src/cli/renderReport.js";
import { revenueReport } from "../../src/index.js";

// One customer whose only contract starts inside January 2025: nothing at the start (starting MRR 0,
// 0 starting customers), so every rate has an empty base (null); new MRR = 100 (monthly USD 100).
const report = revenueReport([{ id: "1", customerId: "a", start: "2025-01-10", amount: 100, interval: "month", currency: "USD" }], { start: "2025-01-01", end: "2025-02-01" });

const note: ReportSection = {
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

  it("puts each section under its title in JSON", () => {
    const parsed = JSON.parse(renderReport(report, "json", [note])) as Record<string, unknown>;
    expect(parsed.Notes).toEqual({ note: 1 });
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

  it("pads with at least one space", () => {
    expect(padDisplay("abcdef", 3)).toBe("abcdef ");
  });
});
