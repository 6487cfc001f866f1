/**
 * The customer concentration curve: cumulative share of MRR against the share of customers, largest
 * customers first, with the line of perfect equality.
 * @module
 */
import type { Decimal } from "decimal.js";
import { formatMoney, formatPercent } from "../money/format.js";
import type { CustomerConcentration } from "../revenue/customerConcentration.js";
import { readOptions } from "../schemas/options.js";
import { ChartInput, type Serialized, checkUnique } from "./chartInput.js";
import { type ChartOptions, type JsonValue, VEGA_LITE_SCHEMA, type VegaLiteSpec, defaultFrame, frame, plotPercent } from "./spec.js";

/** The fields of {@link index!CustomerConcentration} the concentration chart reads, as returned or after a JSON round trip. */
export type ConcentrationCurveInput = Pick<CustomerConcentration, "currency" | "date" | "customers" | "curve" | "herfindahl">;

/** The least distance in pixels between customers for their dots to be drawn. */
const POINT_SPACING = 8;

interface Point {
  readonly rank: number;
  readonly customerId: string;
  readonly mrr: Decimal;
  readonly customerShare: Decimal;
  readonly mrrShare: Decimal;
}

interface Concentration {
  readonly currency: string;
  readonly date: string;
  readonly customers: number;
  readonly curve: readonly Point[];
  readonly herfindahl: Decimal | null;
}

/** Reads the result; problems recorded on `input` (`concentration.curve[3].mrrShare`). */
function readConcentration(input: ChartInput, value: unknown): Concentration | null {
  const record = input.record(value, "concentration", "a customerConcentration(…) result");
  if (record === null) return null;
  const currency = input.currency(record["currency"], "concentration.currency");
  const date = input.date(record["date"], "concentration.date");
  const customers = input.integer(record["customers"], "concentration.customers", 0);
  const herfindahl = input.nullableDecimal(record["herfindahl"], "concentration.herfindahl", { max: 1 });
  const rows = input.array(record["curve"], "concentration.curve", "curve points { rank, customerId, mrr, customerShare, mrrShare }") ?? [];
  if (customers !== null && Array.isArray(record["curve"]) && rows.length !== customers) {
    input.fail("concentration.curve", `must have one point per customer (${customers}, got ${rows.length})`);
  }
  const curve: Point[] = [];
  const ids = rows.map((row, index) => {
    const path = `concentration.curve[${index}]`;
    const point = input.record(row, path, "a curve point { rank, customerId, mrr, customerShare, mrrShare }");
    if (point === null) return null;
    let rank = input.integer(point["rank"], `${path}.rank`, 1);
    if (rank !== null && rank !== index + 1) rank = input.fail(`${path}.rank`, `must be ${index + 1}: the points are in rank order (got ${rank})`);
    const customerId = input.text(point["customerId"], `${path}.customerId`);
    const mrr = input.decimal(point["mrr"], `${path}.mrr`);
    const customerShare = input.decimal(point["customerShare"], `${path}.customerShare`, { max: 1 });
    const mrrShare = input.decimal(point["mrrShare"], `${path}.mrrShare`, { max: 1 });
    if (rank !== null && customerId !== null && mrr !== null && customerShare !== null && mrrShare !== null) {
      curve.push({ rank, customerId, mrr, customerShare, mrrShare });
    }
    return customerId;
  });
  checkUnique(input, ids, (index) => `concentration.curve[${index}].customerId`, "customer");
  if (currency === null || date === null || customers === null) return null;
  return { currency, date, customers, curve, herfindahl };
}

/**
 * A Vega-Lite line chart of {@link index!customerConcentration}'s curve.
 *
 * @remarks x = share of customers (largest first), y = their cumulative share of MRR, both in
 * percent, from (0, 0) to (100, 100); the dashed diagonal is an even spread. The further the curve
 * bows above it, the more a few accounts carry the revenue. The subtitle gives the Herfindahl index.
 * Each customer is a dot while dots stay 8 px apart or more (60 customers at the default 480 px);
 * past that the dots are transparent, a smooth curve with the same tooltips.
 * @param concentration - {@link index!customerConcentration}'s result, or the same after a JSON round
 * trip (amounts and shares as decimal strings); only the fields of {@link ConcentrationCurveInput} are read.
 * @param options - Title and size.
 * @returns A Vega-Lite spec (a plain object).
 * @throws {@link index!ValidationError} listing every problem with its path: `concentration` not an
 * object, `concentration.currency` not an ISO 4217 code, `concentration.date` not `YYYY-MM-DD`,
 * `concentration.customers` not a whole number ≥ 0, `concentration.curve` not an array of one point
 * per customer, a point out of rank order or with a repeated customer, an amount that is not a
 * non-negative decimal (`concentration.curve[3].mrr`), a share or the Herfindahl index outside
 * 0…1 (`concentration.curve[3].mrrShare`), or an invalid option (`options.width`).
 * @example
 * ```ts
 * import { customerConcentration } from "cs-metrics";
 * import { concentrationCurveChart } from "cs-metrics/charts";
 * const spec = concentrationCurveChart(customerConcentration([
 *   { id: "1", customerId: "a", start: "2025-01-01", amount: 75, currency: "USD" },
 *   { id: "2", customerId: "b", start: "2025-01-01", amount: 25, currency: "USD" },
 * ], "2025-01-31"));
 * const [curve] = spec.layer as { data: { values: { customers: number; mrr: number }[] } }[];
 * curve?.data.values.map((v) => [v.customers, v.mrr]); //=> [[0, 0], [50, 75], [100, 100]]
 * ```
 */
export function concentrationCurveChart(
  concentration: ConcentrationCurveInput | Serialized<ConcentrationCurveInput>,
  options: ChartOptions = {},
): VegaLiteSpec {
  const read = readOptions(options);
  const input = new ChartInput();
  const result = readConcentration(input, concentration);
  const { title, width, height } = frame(input, read, defaultFrame("Customer concentration (顧客集中度)"));
  input.check();
  const { currency, date, customers, curve } = result!;
  const values: JsonValue[] = [{ customers: 0, mrr: 0, rank: 0, customerId: "", label: "" }];
  for (const point of curve) {
    values.push({
      customers: plotPercent(point.customerShare),
      mrr: plotPercent(point.mrrShare),
      rank: point.rank,
      customerId: point.customerId,
      label: `${formatMoney(point.mrr, currency)} (cumulative ${formatPercent(point.mrrShare)})`,
    });
  }
  const herfindahl = result!.herfindahl === null ? "–" : result!.herfindahl.toDecimalPlaces(4).toString();
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: `${date} · ${customers} customers · Herfindahl ${herfindahl}` },
    width,
    height,
    layer: [
      {
        data: { values },
        // A dot per customer while they stay apart (8 px or more); beyond that dots would merge into a
        // thick band, so they are transparent — still there for the tooltips (Vega-Lite's "transparent").
        mark: { type: "line", point: width / Math.max(1, curve.length) >= POINT_SPACING ? true : "transparent", tooltip: true },
        encoding: {
          x: { field: "customers", type: "quantitative", scale: { domain: [0, 100] }, title: "% of customers (largest first)" },
          y: { field: "mrr", type: "quantitative", scale: { domain: [0, 100] }, title: "% of MRR" },
          tooltip: [
            { field: "rank", type: "quantitative" },
            { field: "customerId", type: "nominal", title: "customer" },
            { field: "label", type: "nominal", title: "MRR" },
          ],
        },
      },
      {
        data: { values: [{ customers: 0, mrr: 0 }, { customers: 100, mrr: 100 }] },
        mark: { type: "line", strokeDash: [4, 4], color: "#95a5a6" },
        encoding: { x: { field: "customers", type: "quantitative" }, y: { field: "mrr", type: "quantitative" } },
      },
    ],
  };
}
