/**
 * The review page: one self-contained HTML file of a period's KPIs, charts and customer lists.
 * @module
 */
import { ValidationError } from "../errors.js";
import { readOptions } from "../schemas/options.js";
import { describeValue } from "../schemas/primitives.js";
import { type Markup } from "./html.js";
import { type ReviewLanguage, reviewLabels } from "./labels.js";
import { figureFormat } from "./numbers.js";
import { reviewPage } from "./page.js";
import { bridgeSection, churnSection, cohortSection, kpiSection, summarySection } from "./revenueSections.js";
import type { ReviewHtmlOptions, ReviewInput } from "./reviewInput.js";
import { bandsSection, quadrantSection } from "./usageSections.js";

function checkOptions(options: ReviewHtmlOptions): { lang: ReviewLanguage; title: string | undefined; contactRows: number } {
  const { lang = "en", title, contactRows = 20 } = readOptions(options);
  const issues = [];
  if (lang !== "en" && lang !== "ja") issues.push({ path: "options.lang", message: `must be "en" or "ja" (got ${describeValue(lang)})` });
  if (title !== undefined && typeof title !== "string") issues.push({ path: "options.title", message: `must be a string (got ${describeValue(title)})` });
  if (!Number.isSafeInteger(contactRows) || contactRows < 0) issues.push({ path: "options.contactRows", message: `must be a whole number ≥ 0 (got ${describeValue(contactRows)})` });
  if (issues.length > 0) throw new ValidationError(issues);
  return { lang, title, contactRows };
}

/**
 * The review as one self-contained HTML page: period and data summary, KPI cards, MRR bridge, cohort
 * heat map, (with usage) health bands with Good−Bad, the 展開率 × 活用率 quadrant and the "who to
 * contact first" table, and the churned customers with their lost revenue (逸失金額).
 *
 * @remarks The page has no script and its Content-Security-Policy allows no request: charts are the
 * `cs-metrics/charts` specs rendered to inline SVG here, with vega and vega-lite (loaded on the first
 * call). Every figure is rounded for display (`Intl.NumberFormat` of the language's locale on the
 * exact decimal text) and carries its exact value in a `<data value>` element and its title. Every
 * caller string (customer ids, file names, title) is HTML-escaped. KPI formulas are those of DOMAIN.md
 * (NRR = ending MRR of the starting customers ÷ starting MRR, …), written in each card's title and a
 * footnote.
 * @param review - {@link ReviewInput}: the revenue report and optional cohorts, usage and sources.
 * @param options - `lang` (`"en"` or `"ja"`), `title`, `contactRows`.
 * @returns The HTML text (UTF-8, `<!doctype html>`).
 * @throws {@link index!ValidationError} for an unknown `lang`, a non-string `title` or a bad `contactRows` (`options.lang`).
 * @example
 * ```ts
 * import { revenueReport, year } from "cs-metrics";
 * import { reviewHtml } from "cs-metrics/review";
 * const report = revenueReport([
 *   { id: "1", customerId: "a", start: "2024-01-01", amount: 86, currency: "USD" },
 *   { id: "2", customerId: "a", start: "2025-07-01", amount: 13, currency: "USD" },
 *   { id: "3", customerId: "<b>", start: "2024-01-01", end: "2025-07-01", amount: 14, currency: "USD" },
 * ], year(2025));
 * const html = await reviewHtml({ report }, { lang: "ja" });
 * // NRR = (86 + 13) / (86 + 14) = 99 / 100
 * html.includes('<data value="0.99" title="0.99">99.0%</data>'); //=> true
 * html.includes("&lt;b&gt;"); //=> true
 * html.includes("<b>"); //=> false
 * ```
 */
export async function reviewHtml(review: ReviewInput, options: ReviewHtmlOptions = {}): Promise<string> {
  const { lang, title, contactRows } = checkOptions(options);
  const labels = reviewLabels(lang);
  const { report } = review;
  const context = { labels, format: figureFormat(report.currency, labels.locale, labels.noBase) };
  const sections: Markup[] = [summarySection(report, review.sources ?? [], context), kpiSection(report, context), await bridgeSection(report, context)];
  if (review.cohorts !== undefined) sections.push(await cohortSection(review.cohorts, context));
  if (review.usage !== undefined) {
    sections.push(await bandsSection(review.usage, context));
    sections.push(await quadrantSection(review.usage, contactRows, context));
  }
  sections.push(churnSection(report, context));
  const period = report.period;
  const subtitle = `${period.label ?? ""} ${period.start} – ${period.end} (${labels.endExclusive}), ${report.currency}`.trim();
  return reviewPage(lang, title ?? labels.title, subtitle, sections, labels.generatedBy);
}
