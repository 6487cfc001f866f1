/**
 * The usage sections of the review page: health band distribution with Good−Bad, the 展開率 × 活用率
 * quadrant and the ranked "who to contact first" table.
 * @module
 */
import { Decimal } from "decimal.js";
import { bandDistributionChart } from "../charts/bandDistribution.js";
import { priorityQuadrantChart } from "../charts/priorityQuadrant.js";
import { chartSvg } from "./chartSvg.js";
import { type Markup, element } from "./html.js";
import { figure, note, section, table } from "./layout.js";
import type { ReviewUsage, SectionContext } from "./reviewInput.js";

/** The band distribution chart and the last point's counts, shares and Good−Bad. */
export async function bandsSection(usage: ReviewUsage, { labels, format }: SectionContext): Promise<Markup> {
  const points = (usage.bands ?? []).filter((point) => point.bands.index !== null);
  const last = points.at(-1);
  if (last === undefined) return section("bands", labels.bands, note(labels.noBands));
  const svg = await chartSvg(bandDistributionChart(points, { title: labels.bands }));
  const b = last.bands;
  // Percent points (50 = 50%) as a ratio, exactly; never null on a point whose index is known.
  const share = (pct: Decimal | null): Markup => format.percent(pct!.div(100));
  const rows = [
    ["Good", format.count(b.good), share(b.goodPct)],
    ["Normal", format.count(b.normal), share(b.normalPct)],
    ["Bad", format.count(b.bad), share(b.badPct)],
    [labels.unscored, format.count(b.unscored), ""],
  ];
  const index = b.index!;
  const indexText = labels.points(format.percentText(index.div(100), true).replace("%", ""));
  return section(
    "bands",
    labels.bands,
    note(labels.bandsExplanation(last.label)),
    figure(svg, `${labels.goodMinusBad} (${last.label}): ${indexText}`, labels.chartAlt(labels.bands)),
    element("p", { class: "headline" }, `${labels.goodMinusBad} (${last.label}): `, element("data", { value: index.toString(), title: index.toString() }, indexText)),
    table(`${labels.band} (${last.label})`, [labels.band, labels.customers, labels.share], rows, [false, true, true]),
  );
}

/** The quadrant chart and the ranked contact table (at most `maxRows` rows). */
export async function quadrantSection(usage: ReviewUsage, maxRows: number, { labels, format }: SectionContext): Promise<Markup> {
  const rate = (value: number | null): Markup => format.percent(value === null ? null : new Decimal(value));
  const svg = await chartSvg(
    priorityQuadrantChart(usage.customers, { title: labels.quadrant, deploymentThreshold: usage.deploymentThreshold, utilizationThreshold: usage.utilizationThreshold }),
  );
  const shown = usage.customers.slice(0, maxRows);
  const rows = shown.map((customer) => [
    String(customer.priority),
    customer.customerId,
    labels.quadrants[customer.quadrant],
    rate(customer.deploymentRate),
    rate(customer.utilizationRate),
    customer.lastContactAt ?? labels.never,
    element("span", { class: customer.contactedRecently ? "contacted" : "not-contacted" }, customer.contactedRecently ? labels.contacted : labels.notContacted),
  ]);
  const rest = usage.customers.length - shown.length;
  return section(
    "quadrant",
    labels.quadrant,
    note(
      labels.quadrantExplanation(
        format.percentText(usage.deploymentThreshold, false),
        format.percentText(usage.utilizationThreshold, false),
        usage.contactWithinDays,
        usage.asOf,
      ),
    ),
    figure(svg, labels.quadrant, labels.chartAlt(labels.quadrant)),
    element("h3", {}, labels.contactFirst),
    table(
      labels.contactFirst,
      [labels.priority, labels.customer, labels.quadrantName, labels.deploymentRate, labels.utilizationRate, labels.lastContact, labels.contacted],
      rows,
      [true, false, false, true, true, false, false],
    ),
    ...(rest > 0 ? [note(`… +${format.count(rest)}`)] : []),
  );
}
