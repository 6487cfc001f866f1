/**
 * The worker thread of {@link readEventsInParts}: reads and folds the part it is given, posts the result.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { type EventPartTask, foldEventPart } from "./eventParts.js";

parentPort?.postMessage(foldEventPart(workerData as EventPartTask));
