/**
 * Results are identical under any TZ: the battery (battery.ts) runs in child processes under
 * UTC, Asia/Tokyo (+9), America/Los_Angeles (−8/−7, DST) and Pacific/Kiritimati (+14), and their JSON
 * outputs must be byte-for-byte equal apart from the `tz` field.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ZONES = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati"] as const;
const battery = fileURLToPath(new URL("./battery.ts", import.meta.url));

function runBattery(tz: string): { tz: string; rest: string } {
  const text = execFileSync(process.execPath, ["--import", "tsx", battery], {
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(text) as { tz: string } & Record<string, unknown>;
  const { tz: reported, ...rest } = parsed;
  return { tz: reported, rest: JSON.stringify(rest) };
}

describe.skipIf(process.env.CS_METRICS_SKIP_TZ_MATRIX === "1")("time-zone matrix", () => {
  it("computes the same battery under UTC, Asia/Tokyo, America/Los_Angeles and Pacific/Kiritimati", () => {
    const runs = ZONES.map(runBattery);
    expect(runs.map((run) => run.tz)).toEqual([...ZONES]);
    // The battery really computes something (a guard against comparing four empty outputs).
    expect(runs[0]!.rest.length).toBeGreaterThan(10_000);
    for (const run of runs.slice(1)) expect(run.rest).toBe(runs[0]!.rest);
  }, 120_000);

  it("the child processes really run in the requested zone", () => {
    const offsets = ZONES.map((tz) =>
      execFileSync(process.execPath, ["-e", "process.stdout.write(String(new Date('2025-01-15T00:00:00Z').getTimezoneOffset()))"], {
        env: { ...process.env, TZ: tz },
        encoding: "utf8",
      }),
    );
    expect(offsets).toEqual(["0", "-540", "480", "-840"]);
  }, 60_000);
});
