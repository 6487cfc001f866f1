/**
 * One benchmark measurement in a fresh process (started by bench/run.ts with `--expose-gc`), so that
 * its peak RSS is its own: generates the rows, collects garbage, then times one task several times
 * and prints one JSON line.
 *
 *   tsx bench/measure.ts --task exact|stream|float|duckdb|totals|health|health-stream --size 1000000 --currency JPY
 * @module
 */
import {
  contractBook,
  contractBookFromIterable,
  periodPartial,
  revenueMovements,
  revenueReport,
  scoreCustomers,
  scoreCustomersFromIterable,
  year,
} from "../src/index.js";
import { duckdbRevenueKpis } from "./duckdbKpis.js";
import { type KpiFigures, floatRevenueKpis } from "./floatKpis.js";
import { contractRows, generateContracts } from "./generateContracts.js";
import { BENCH_AS_OF, BENCH_SCORECARD, snapshotRows } from "./generateSnapshots.js";
import { tightFloatKpis } from "./tightFloatKpis.js";

/** What a measurement prints. Times in ms: medians over the repetitions. */
export interface Measurement {
  readonly task: string;
  readonly size: number;
  readonly currency: string;
  readonly repetitions: number;
  /** Named phases → median wall ms. */
  readonly wallMs: Record<string, number>;
  /** Named phases → median CPU ms (user + system, all threads). */
  readonly cpuMs: Record<string, number>;
  /** RSS after generating the input and collecting garbage (MiB). */
  readonly inputRssMb: number;
  /** Peak RSS of the process (MiB), input included. */
  readonly peakRssMb: number;
  readonly figures?: KpiFigures;
  readonly extra?: Record<string, number | string>;
}

const PERIOD = year(2025);

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Times `phases` in order, `repetitions` times; returns per-phase medians and the last results. */
async function timed(repetitions: number, phases: Record<string, () => unknown>): Promise<{ wallMs: Record<string, number>; cpuMs: Record<string, number> }> {
  const walls: Record<string, number[]> = {};
  const cpus: Record<string, number[]> = {};
  for (let round = 0; round < repetitions; round++) {
    collectGarbage();
    for (const [name, phase] of Object.entries(phases)) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await phase();
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      (walls[name] ??= []).push(wall);
      (cpus[name] ??= []).push((cpu.user + cpu.system) / 1000);
    }
  }
  const summarise = (samples: Record<string, number[]>): Record<string, number> =>
    Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, Math.round(median(values) * 10) / 10]));
  return { wallMs: summarise(walls), cpuMs: summarise(cpus) };
}

/** The exact library's figures (annualised money as exact decimal text). */
function exactFigures(book: ReturnType<typeof contractBook>): KpiFigures {
  const report = revenueReport(book, PERIOD);
  const partial = periodPartial(book, PERIOD);
  const arr = (units: string): string => {
    // 12 × units / denominator, exact (the denominators here divide 12 × 10^k).
    const numerator = 12n * BigInt(units);
    const denominator = BigInt(partial.denominator);
    let scale = 0;
    let power = 1n;
    while ((numerator * power) % denominator !== 0n && scale < 40) {
      power *= 10n;
      scale++;
    }
    const scaled = ((numerator * power) / denominator).toString().padStart(scale + 1, "0");
    return scale === 0 ? scaled : `${scaled.slice(0, -scale)}.${scaled.slice(-scale)}`;
  };
  return {
    startingArr: arr(partial.units.startingUnits),
    endingArr: arr(partial.units.endingUnits),
    newArr: arr(partial.units.newUnits),
    reactivationArr: arr(partial.units.reactivationUnits),
    expansionArr: arr(partial.units.expansionUnits),
    contractionArr: arr(partial.units.contractionUnits),
    churnedArr: arr(partial.units.churnedUnits),
    startingCustomers: partial.customers.startingCustomers,
    churnedCustomers: partial.customers.churnedCustomers,
    newCustomers: partial.customers.newCustomers,
    nrr: report.rates.nrr?.toString() ?? "null",
    grr: report.rates.grr?.toString() ?? "null",
    lostRevenue: report.lostRevenue.total.toString(),
  };
}

async function main(): Promise<void> {
  const task = argument("task", "exact");
  const size = Number(argument("size", "10000"));
  const currency = argument("currency", "JPY") as "JPY" | "USD";
  const repetitions = Number(argument("repetitions", size >= 1_000_000 ? "3" : "5"));
  let figures: KpiFigures | undefined;
  let extra: Record<string, number | string> | undefined;
  let timing: { wallMs: Record<string, number>; cpuMs: Record<string, number> };
  let inputRssMb = 0;

  const inputRss = (): number => {
    collectGarbage();
    return Math.round(process.memoryUsage().rss / 1_048_576);
  };

  if (task === "stream" || task === "health-stream") {
    // No input array: rows are produced while the library reads them.
    inputRssMb = inputRss();
    if (task === "stream") {
      let book: ReturnType<typeof contractBook> | undefined;
      timing = await timed(repetitions, {
        // Producing the rows alone, to tell the generator's cost from the library's.
        produce: () => {
          let count = 0;
          for (const row of contractRows(size, currency)) count += row.id.length > 0 ? 1 : 0;
          return count;
        },
        build: () => (book = contractBookFromIterable(contractRows(size, currency))),
        kpis: () => revenueReport(book!, PERIOD),
      });
      extra = { customers: book!.customers.length };
    } else {
      let customers = 0;
      timing = await timed(repetitions, {
        produce: () => {
          let count = 0;
          for (const row of snapshotRows(size)) count += row.at.length > 0 ? 1 : 0;
          return count;
        },
        score: () => (customers = scoreCustomersFromIterable(snapshotRows(size), BENCH_SCORECARD, { asOf: BENCH_AS_OF }).length),
      });
      extra = { customers };
    }
  } else if (task === "health") {
    const snapshots = [...snapshotRows(size)];
    inputRssMb = inputRss();
    let customers = 0;
    timing = await timed(repetitions, {
      score: () => (customers = scoreCustomers(snapshots, BENCH_SCORECARD, { asOf: BENCH_AS_OF }).length),
    });
    extra = { customers };
  } else {
    const rows = generateContracts(size, currency);
    inputRssMb = inputRss();
    if (task === "exact") {
      let book: ReturnType<typeof contractBook> | undefined;
      timing = await timed(repetitions, {
        build: () => (book = contractBook(rows)),
        kpis: () => revenueReport(book!, PERIOD),
      });
      figures = exactFigures(book!);
      extra = { customers: book!.customers.length };
    } else if (task === "totals") {
      // Issue 13: totals on a built book vs the tight float loop over the raw rows (movements only),
      // and book + report end to end from the JS rows vs the tight loop with lost revenue.
      const book = contractBook(rows);
      let customers = 0;
      let tight: KpiFigures | undefined;
      let tightMovements: KpiFigures | undefined;
      timing = await timed(repetitions, {
        movements: () => revenueMovements(book, PERIOD).netNewMrr,
        tightMovements: () => (tightMovements = tightFloatKpis(rows, PERIOD.start, PERIOD.end, false)),
        rows: () => (customers = revenueMovements(book, PERIOD).customers.length),
        endToEnd: () => revenueReport(contractBook(rows), PERIOD).lostRevenue.total,
        tight: () => (tight = tightFloatKpis(rows, PERIOD.start, PERIOD.end)),
      });
      figures = exactFigures(book);
      extra = { customers, tight: JSON.stringify(tight), tightMovements: JSON.stringify(tightMovements) };
    } else if (task === "float") {
      timing = await timed(repetitions, { total: () => (figures = floatRevenueKpis(rows, PERIOD.start, PERIOD.end)) });
    } else if (task === "duckdb") {
      const loads: number[] = [];
      const queries: number[] = [];
      timing = await timed(repetitions, {
        total: async () => {
          const run = await duckdbRevenueKpis(rows, PERIOD.start, PERIOD.end);
          loads.push(run.loadMs);
          queries.push(run.queryMs);
          figures = run.figures;
        },
      });
      extra = { loadMs: Math.round(median(loads)), queryMs: Math.round(median(queries)) };
    } else {
      throw new Error(`unknown task ${task}`);
    }
  }
  const measurement: Measurement = {
    task,
    size,
    currency,
    repetitions,
    ...timing,
    inputRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(figures === undefined ? {} : { figures }),
    ...(extra === undefined ? {} : { extra }),
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

await main();
