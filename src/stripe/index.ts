/**
 * `cs-metrics/stripe`: Stripe subscriptions and invoices (the API's JSON objects, no Stripe SDK
 * needed) turned into contract lines for the revenue metrics.
 * @packageDocumentation
 */
export { contractsFromStripeSubscriptions } from "./subscriptions.js";
export type { StripeSubscriptionsOptions } from "./subscriptions.js";
export { contractsFromStripeInvoices } from "./invoices.js";
export type { StripeInvoicesOptions } from "./invoices.js";
export type { StripeAdapterOptions, StripeContractLine, StripeContracts, StripeDiscountPolicy, StripeSkipReason, StripeSkipped } from "./stripeOptions.js";
export { STRIPE_THREE_DECIMAL_CURRENCIES, STRIPE_ZERO_DECIMAL_CURRENCIES } from "./stripeCurrency.js";
export type { StripeCoupon, StripeDiscount, StripeInvoice, StripeInvoiceLineItem, StripePrice, StripeSubscription, StripeSubscriptionItem } from "./stripeSchemas.js";
