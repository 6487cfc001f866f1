/**
 * A throw-away PostgreSQL server for the SQL tests: `initdb` a temporary cluster, start `postgres` on
 * a free loopback port (as the `postgres` user when the tests run as root, since PostgreSQL refuses
 * to run as root), connect with `pg`, and remove everything on `stop()`.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A running server and a connected client. */
export interface PostgresServer {
  readonly client: pg.Client;
  /** e.g. "PostgreSQL 15.14 (Debian …) on 127.0.0.1:54321". */
  readonly description: string;
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL `bin` directory, or a `pg_config --bindir`, or `null`. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(join(root, name, "bin", "postgres")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], "bin");
  }
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    return existsSync(join(dir, "postgres")) ? dir : null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL binary as ourselves, or as `postgres` when we are root. */
function asServerUser(command: string, args: readonly string[]): { file: string; args: string[] } {
  return isRoot ? { file: "runuser", args: ["-u", "postgres", "--", command, ...args] } : { file: command, args: [...args] };
}

async function connectWithRetry(port: number, child: ChildProcess, log: () => string): Promise<pg.Client> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ host: "127.0.0.1", port, user: "cs", database: "postgres" });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts a fresh server; throws with the server's log when it cannot. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (bin === null) throw new Error("PostgreSQL is not installed (apt-get install -y postgresql)");
  const dir = mkdtempSync(join(tmpdir(), "cs-metrics-pg-"));
  const data = join(dir, "data");
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const init = asServerUser(join(bin, "initdb"), ["-D", data, "-U", "cs", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  execFileSync(init.file, init.args, { stdio: "pipe" });
  const port = await freePort();
  const start = asServerUser(join(bin, "postgres"), [
    "-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-F", "-c", "max_connections=10", "-c", "shared_buffers=16MB",
  ]);
  const child = spawn(start.file, start.args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  let client: pg.Client;
  try {
    client = await connectWithRetry(port, child, () => log);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const version = (await client.query<{ version: string }>("SELECT version() AS version")).rows[0]?.version ?? "PostgreSQL";
  return {
    client,
    description: `${version.split(",")[0]} on 127.0.0.1:${port}`,
    async stop() {
      await client.end().catch(() => undefined);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const stopCommand = asServerUser(join(bin, "pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w"]);
      try {
        execFileSync(stopCommand.file, stopCommand.args, { stdio: "pipe" });
      } catch {
        child.kill("SIGINT");
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
