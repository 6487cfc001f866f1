/**
 * The CSV shapes of the CLI's record inputs, read from the library's schemas so that the header
 * check knows exactly the fields validation knows.
 * @module
 */
import { ContractSchema } from "../schemas/contract.js";
import { ContactSchema, UsageEventSchema } from "../schemas/usageEvent.js";
import { UsageSnapshotSchema } from "../schemas/usageSnapshot.js";
import { columnsOf } from "./csvHeader.js";
import type { CsvShape } from "./csvRecords.js";

/** Contracts: `id, customerId, start, amount, currency` required; `intervalCount` and `seats` numeric. */
export const CONTRACTS_CSV: CsvShape = { ...columnsOf(ContractSchema.shape), numericColumns: new Set(["intervalCount", "seats"]) };

/** Usage snapshots: `customerId, at` required, the counts numeric, any number of `metrics.<name>` columns. */
export const USAGE_CSV: CsvShape = {
  ...columnsOf(UsageSnapshotSchema.shape, "metrics"),
  numericColumns: new Set(["licensedSeats", "provisionedUsers", "activeUsers", "dau", "wau", "mau", "featuresUsed", "featuresAvailable"]),
};

/** Product events: `customerId, userId, at` required, `feature` optional, `count` numeric. */
export const EVENTS_CSV: CsvShape = { ...columnsOf(UsageEventSchema.shape), numericColumns: new Set(["count"]) };

/** CRM contacts: `customerId, at`. */
export const CONTACTS_CSV: CsvShape = { ...columnsOf(ContactSchema.shape), numericColumns: new Set() };
