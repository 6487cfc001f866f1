/**
 * `cs-metrics/slack`: health alerts as Slack Block Kit payloads (plain JSON; no network, no Slack SDK).
 * @packageDocumentation
 */
export { alertsToSlack, SLACK_LIMITS } from "./alertsToSlack.js";
export type { AlertsToSlackOptions, SlackMessage, SlackMrkdwnText, SlackSectionBlock } from "./alertsToSlack.js";
