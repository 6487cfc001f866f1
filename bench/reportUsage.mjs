/**
 * Preloaded (`node --import ./bench/reportUsage.mjs …`) into a measured command: at exit, writes the
 * process's CPU time (user + system, all threads) and peak RSS as one JSON line to file descriptor 3.
 * Worker threads the command starts load it too; only the main thread reports (its figures are the
 * whole process's).
 */
import { writeSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  process.on("exit", () => {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    writeSync(3, `${JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, peakRssMb: Math.round(maxRSS / 1024) })}\n`);
  });
}
