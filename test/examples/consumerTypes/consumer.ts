// A TypeScript user's file, compiled by test/examples/checkConsumerTypes.mjs against the PACKED tarball in
// several consumer setups (ESM and CommonJS packages; nodenext, node16 and bundler resolution; strict,
// skipLibCheck false). Not part of the repository's own tsconfig: "cs-metrics" here is the installed package.
// Written so it compiles both as an ES module and as CommonJS (no top-level await, no import.meta).
import {
  ContractSchema,
  Decimal,
  ValidationError,
  contractBook,
  evaluateAlerts,
  formatPercent,
  grr,
  nrr,
  revenueReport,
  year,
  type Contract,
  type ContractInput,
  type RevenueReport,
  type ValidationIssue,
} from "cs-metrics";
import { VEGA_LITE_SCHEMA, mrrBridgeChart, mrrBridgeSteps, type MrrBridgeStep, type VegaLiteSpec } from "cs-metrics/charts";
import { SQL_DIALECTS, toSql, type SqlDialect, type SqlStatement } from "cs-metrics/sql";
import { alertsToSlack, type SlackMessage } from "cs-metrics/slack";
import {
  openParquetFile,
  openParquetRows,
  readParquetFile,
  recordsFromParquet,
  type ParquetRecords,
  type ParquetRecordsOptions,
  type ParquetRowHandler,
  type ParquetRows,
} from "cs-metrics/parquet";
import type { z } from "zod";

/** Exact type equality (`any` equals nothing but `any`, so a type that silently became `any` fails). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const contracts: ContractInput[] = [
  { id: "1", customerId: "a", start: "2024-01-01", amount: 86, currency: "USD" },
  { id: "2", customerId: "a", start: "2025-07-01", amount: "13", currency: "USD" },
  { id: "3", customerId: "b", start: "2024-01-01", end: "2025-07-01", amount: new Decimal(14), currency: "USD" },
];

// Rates are Decimal | null, never any, never number.
export const nrrType: Equal<ReturnType<typeof nrr>, Decimal | null> = true;
export const grrType: Equal<ReturnType<typeof grr>, Decimal | null> = true;
const rate = nrr(contracts, year(2025));
// @ts-expect-error a rate is a Decimal (or null), not a number
export const asNumber: number = rate;
// @ts-expect-error not a number even when it is not null
export const nonNull: number = grr(contracts, year(2025))!;
export const notAny: Equal<typeof rate, any> = false;

// The Decimal class, as type and as value.
const one = new Decimal(1);
export const oneType: Equal<typeof one, Decimal> = true;
export const sum: Decimal = one.plus("0.1").times(rate ?? 0);
const Precise = Decimal.clone({ precision: 50 });
export const precise: Decimal = new Precise(1).dividedBy(3);
export const value: Decimal.Value = "1.5";
export const config: Decimal.Config = { rounding: Decimal.ROUND_HALF_EVEN };
export const isDecimal: boolean = rate instanceof Decimal && Decimal.isDecimal(rate);

// The report's fields.
const report = revenueReport(contractBook(contracts), year(2025));
export const reportType: Equal<typeof report, RevenueReport> = true;
export const nrrField: Equal<RevenueReport["rates"]["nrr"], Decimal | null> = true;
export const startingMrr: Equal<RevenueReport["movements"]["startingMrr"], Decimal> = true;
export const currency: Equal<RevenueReport["currency"], string> = true;
export const lostTotal: Decimal = report.lostRevenue.total;
export const shown: string = formatPercent(report.rates.nrr);

// The zod schemas' inferred types are the exported ones.
export const outputType: Equal<z.output<typeof ContractSchema>, Contract> = true;
export const inputType: Equal<z.input<typeof ContractSchema>, ContractInput> = true;
export const amountType: Equal<Contract["amount"], Decimal> = true;
export const intervalType: Equal<Contract["interval"], "month" | "quarter" | "year" | "week" | "day"> = true;
const parsed = ContractSchema.safeParse({ id: "x", customerId: "y", start: "2025-01-01", amount: "1", currency: "EUR" });
export const parsedAmount: Decimal | undefined = parsed.success ? parsed.data.amount : undefined;

// Errors.
export function issuesOf(error: unknown): readonly ValidationIssue[] {
  return error instanceof ValidationError ? error.issues : [];
}

// cs-metrics/charts
export const spec: VegaLiteSpec = mrrBridgeChart(report.movements, { title: "MRR" });
export const schemaUrl: string = VEGA_LITE_SCHEMA;
export const stepAmount: Equal<MrrBridgeStep["amount"], Decimal> = true;
export const steps: readonly MrrBridgeStep[] = mrrBridgeSteps(report.movements);

// cs-metrics/sql
export const statement: SqlStatement = toSql("revenueReport", { dialect: "duckdb", period: year(2025) });
export const sqlText: string = statement.sql;
export const dialects: readonly SqlDialect[] = SQL_DIALECTS;
// @ts-expect-error not a dialect
toSql("revenueReport", { dialect: "oracle", period: year(2025) });

// cs-metrics/slack: evaluateAlerts' result is what alertsToSlack takes; the payload is plain JSON.
const alerts = evaluateAlerts([{ customerId: "a", at: "2025-01-31", metrics: { logins: 10 } }], [{ id: "low", metric: "logins", below: 50 }]);
export const slackMessages: SlackMessage[] = alertsToSlack(alerts, { title: "Alerts", maxBlocks: 50 });
export const blockText: string = slackMessages[0]?.blocks[0]?.text.text ?? "";
export const blockType: Equal<SlackMessage["blocks"][number]["type"], "section"> = true;
// @ts-expect-error maxBlocks is a number
alertsToSlack(alerts, { maxBlocks: "50" });
// cs-metrics/parquet
const parquetOptions: ParquetRecordsOptions = { file: "contracts.parquet", columns: { contract_id: "id" } };
export const fromBytes: Promise<ParquetRecords> = recordsFromParquet(new Uint8Array(0), parquetOptions);
export const fromPath: Promise<ParquetRecords> = readParquetFile("contracts.parquet");
export const parquetRecordType: Equal<ParquetRecords["records"], readonly Record<string, unknown>[]> = true;
export const bookFromParquet = fromPath.then(({ records }) => contractBook(records as ContractInput[]));
// @ts-expect-error the bytes are an ArrayBuffer or a Uint8Array, not a path
recordsFromParquet("contracts.parquet");
export const rowsOfBytes: Promise<ParquetRows> = openParquetRows(new Uint8Array(0), parquetOptions);
const countRows: ParquetRowHandler = (values, row) => void [values.length, row];
export const rowsRead: Promise<void> = openParquetFile("contracts.parquet").then((rows) => rows.forEachRow(countRows));
export const rowValues: Equal<Parameters<ParquetRowHandler>[0], readonly unknown[]> = true;
