import { describe, expect, it } from "vitest";
import { ValidationError, cohortRetention, goodMinusBad, revenueReport, year } from "../../src/index.js";
import { reviewHtml } from "../../src/review/index.js";
import type { QuadrantCustomer } from "../../src/health/priorityQuadrant.js";
import { escapeHtml } from "../../src/review/html.js";

// DOMAIN.md §3's example: a 86 → 99 (expansion 13), b 14 → 0 (churned 2025-07-01), USD, year 2025.
const contracts = [
  { id: "1", customerId: "a", start: "2024-01-01", amount: 86, currency: "USD" },
  { id: "2", customerId: "a", start: "2025-07-01", amount: 13, currency: "USD" },
  { id: "3", customerId: "b", start: "2024-01-01", end: "2025-07-01", amount: 14, currency: "USD" },
];
const report = revenueReport(contracts, year(2025));

function quadrantCustomer(customerId: string, priority: number, contacted: boolean): QuadrantCustomer {
  return { customerId, at: "2025-12-31", priority, quadrant: "low-low", deploymentRate: 0.4, utilizationRate: 0.25, contactedRecently: contacted, lastContactAt: contacted ? "2025-12-20" : null };
}

/** Visible text of the page: tags dropped, entities of the escaper undone. */
function text(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

describe("reviewHtml", () => {
  it("shows the six KPIs rounded, each with its exact value", async () => {
    const html = await reviewHtml({ report });
    // NRR = (86 + 13) / (86 + 14) = 0.99; GRR = 86 / 100 = 0.86; net revenue churn = 1 − 0.99 = 0.01
    expect(html).toContain('<data value="0.99" title="0.99">99.0%</data>');
    expect(html).toContain('<data value="0.86" title="0.86">86.0%</data>');
    expect(html).toContain('<data value="0.01" title="0.01">+1.0%</data>');
    // logo churn = 1 churned / 2 at the start = 0.5; net logo churn = (1 − 0 new) / 2 = 0.5
    expect(html).toContain('<data value="0.5" title="0.5">50.0%</data>');
    expect(html).toContain('<data value="0.5" title="0.5">+50.0%</data>');
    // lost revenue: b's ARR 14 × 12 = 168, 6 months (July–December) left: 168 × 6 / 12 = 84
    expect(html).toContain('<data value="84" title="84 USD">$84.00</data>');
    expect(text(html)).toContain("NRR = MRR at the end of the customers present at the start ÷ starting MRR");
    expect(html.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
  });

  it("writes every label in Japanese with ja, and the yen half-width", async () => {
    const yen = revenueReport([{ id: "1", customerId: "sakura-foods", start: "2024-01-01", end: "2025-07-01", amount: 200000, currency: "JPY" }], year(2025));
    const html = await reviewHtml({ report: yen }, { lang: "ja" });
    // 200,000 × 12 = 2,400,000 ARR; 6 months left of 2025 after 2025-07-01: 2,400,000 × 6 / 12 = 1,200,000
    expect(text(html)).toContain("逸失金額");
    expect(html).toContain(">¥1,200,000<");
    expect(html).not.toContain("￥");
    expect(html).toContain('<html lang="ja">');
    for (const heading of ["対象期間とデータ", "主要指標", "MRR の増減 (ウォーターフォール)", "解約した顧客と逸失金額"]) expect(text(html)).toContain(heading);
    expect(text(html)).not.toContain("Key figures");
  });

  it("escapes every caller string: customer ids, title, file names", async () => {
    const hostile = "<script>alert(1)</script>";
    const evil = revenueReport([{ id: "1", customerId: hostile, start: "2024-01-01", end: "2025-07-01", amount: 10, currency: "USD" }], year(2025));
    const html = await reviewHtml(
      {
        report: evil,
        sources: [{ label: '"><img src=x>', file: "a&b <c>.csv", records: 1 }],
        usage: { asOf: "2025-12-31", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30, customers: [quadrantCustomer(hostile, 1, false)] },
      },
      { title: "<b>Review</b>" },
    );
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain("a&amp;b &lt;c&gt;.csv");
    expect(html).toContain("<title>&lt;b&gt;Review&lt;/b&gt;</title>");
    expect(text(html)).toContain(hostile);
  });

  it("requests nothing: no script, link, external source or url()", async () => {
    // c starts 2025-02: one cohort, so a heat map beside the bridge.
    const withCohort = [...contracts, { id: "4", customerId: "c", start: "2025-02-01", amount: 5, currency: "USD" }];
    const html = await reviewHtml({ report, cohorts: cohortRetention(withCohort, year(2025)) });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\((?!#)|@import|href="(?!#)/i);
    expect(html).toContain("default-src 'none'");
    expect(html.match(/<svg/g)).toHaveLength(2);
  });

  it("shows the usage sections: Good−Bad of the last scored point, the quadrant, the contact table cut at contactRows", async () => {
    const bands = (good: number, normal: number, bad: number) =>
      goodMinusBad([...Array<{ band: "good" }>(good).fill({ band: "good" }), ...Array<{ band: "normal" }>(normal).fill({ band: "normal" }), ...Array<{ band: "bad" }>(bad).fill({ band: "bad" })]);
    const html = await reviewHtml(
      {
        report,
        usage: {
          asOf: "2025-12-31",
          deploymentThreshold: 0.5,
          utilizationThreshold: 0.5,
          contactWithinDays: 30,
          customers: [quadrantCustomer("first", 1, false), quadrantCustomer("second", 2, true), quadrantCustomer("third", 3, false)],
          // 2025-12: 5 Good, 3 Normal, 2 Bad of 10 → 50% − 20% = +30 points
          bands: [{ label: "2025-11", bands: bands(4, 3, 3) }, { label: "2025-12", bands: bands(5, 3, 2) }, { label: "2026-01", bands: bands(0, 0, 0) }],
        },
      },
      { contactRows: 2 },
    );
    expect(html).toContain('Good−Bad percentage (2025-12): <data value="30" title="30">+30.0 points</data>');
    expect(text(html)).toMatch(/Good\s+5\s+50\.0%/);
    expect(html).toContain(">first<");
    expect(html).toContain(">second<");
    expect(html).not.toContain(">third<");
    expect(text(html)).toContain("… +1");
    expect(text(html)).toContain("contacted within 30 days");
    // 展開率 0.4 → 40.0%, 活用率 0.25 → 25.0%
    expect(html).toContain('<data value="0.4" title="0.4">40.0%</data>');
    expect(html.match(/<svg/g)).toHaveLength(3);
  });

  it("says so when there is nothing to show: no scored customer, no cohort, no churn", async () => {
    const steady = revenueReport([{ id: "1", customerId: "a", start: "2024-01-01", amount: 10, currency: "USD" }], year(2025));
    const html = await reviewHtml({
      report: steady,
      cohorts: cohortRetention([{ id: "1", customerId: "a", start: "2024-01-01", amount: 10, currency: "USD" }], year(2025)),
      usage: { asOf: "2025-12-31", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30, customers: [] },
    });
    for (const message of ["No customer could be scored", "No customer started paying", "No customer churned in this period."]) expect(text(html)).toContain(message);
  });

  it("names a period without a label by its dates, day proration in Japanese, and a customer with no rates", async () => {
    const period = { start: "2025-01-01", end: "2025-12-31" };
    const dayReport = revenueReport(contracts, period, { proration: "day" });
    const html = await reviewHtml(
      {
        report: dayReport,
        usage: { asOf: "2025-12-30", deploymentThreshold: 0.5, utilizationThreshold: 0.5, contactWithinDays: 30, customers: [{ ...quadrantCustomer("unknown-seats", 1, false), deploymentRate: null, utilizationRate: null }] },
      },
      { lang: "ja" },
    );
    expect(text(html)).toContain("2025-01-01 – 2025-12-31 (終了日は含まない)");
    expect(text(html)).toContain("按分: 日割り");
    expect(html).toMatch(/>unknown-seats<\/td><td>展開率 低・活用率 低<\/td><td class="num"><span>—（期首の顧客なし）<\/span>/);
  });

  it("shows an empty base as a dash with its reason", async () => {
    const empty = revenueReport([{ id: "1", customerId: "a", start: "2025-03-01", amount: 10, currency: "USD" }], year(2025));
    const html = await reviewHtml({ report: empty }, { lang: "ja" });
    expect(text(html)).toContain("—（期首の顧客なし）");
  });

  it("rejects bad options with located errors", async () => {
    const error = await reviewHtml({ report }, { lang: "fr" as "en", title: 5 as unknown as string, contactRows: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toMatchInlineSnapshot(`
      [
        {
          "message": "must be "en" or "ja" (got "fr")",
          "path": "options.lang",
        },
        {
          "message": "must be a string (got 5)",
          "path": "options.title",
        },
        {
          "message": "must be a whole number ≥ 0 (got -1)",
          "path": "options.contactRows",
        },
      ]
    `);
  });

  it("does not mutate its input", async () => {
    const review = { report, cohorts: cohortRetention(contracts, year(2025)), sources: [{ label: "contracts", file: "c.csv", records: 3, skipped: 1 }] };
    const before = JSON.stringify(review);
    await reviewHtml(review);
    expect(JSON.stringify(review)).toBe(before);
  });
});

describe("chartSvg", () => {
  it("refuses to fetch data: a spec with a data URL fails instead of making a request", async () => {
    const { chartSvg } = await import("../../src/review/chartSvg.js");
    await expect(chartSvg({ $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: { url: "https://example.com/data.csv" }, mark: "point" })).rejects.toThrow(
      "cs-metrics/review: charts load no external data",
    );
  });
});
