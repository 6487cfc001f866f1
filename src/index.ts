/**
 * cs-metrics: exact, explainable customer-success KPIs.
 * @packageDocumentation
 */
export { Decimal } from "decimal.js";

export { CsMetricsError, CurrencyMismatchError, InvalidPeriodError, ValidationError } from "./errors.js";
export type { CsMetricsErrorCode, ValidationIssue } from "./errors.js";

export { AmountSchema, CalendarDateSchema, CurrencySchema } from "./schemas/primitives.js";
export type { AmountInput, CalendarDateInput } from "./schemas/primitives.js";
export { ContractSchema, IntervalSchema } from "./schemas/contract.js";
export type { Contract, ContractInput, Interval } from "./schemas/contract.js";
export { UsageSnapshotSchema } from "./schemas/usageSnapshot.js";
export type { UsageSnapshot, UsageSnapshotInput } from "./schemas/usageSnapshot.js";
export { ContactSchema, UsageEventSchema } from "./schemas/usageEvent.js";
export type { Contact, ContactInput, EventDateInput, EventDateOptions, UsageEvent, UsageEventInput } from "./schemas/usageEvent.js";
export { PeriodSchema } from "./schemas/period.js";
export type { Period, PeriodInput } from "./schemas/period.js";

export type { CalendarDate } from "./dates/calendarDate.js";
export { fiscalQuarter, fiscalYear, month, monthsOf, quarter, year } from "./dates/period.js";
export type { FiscalYearOptions } from "./dates/period.js";

export type { Money } from "./money/money.js";
export { formatMoney, formatPercent } from "./money/format.js";
export type { FormatMoneyOptions, FormatOptions, FormatPercentOptions } from "./money/format.js";

export { contractBook, isContractBook } from "./revenue/contractBook.js";
export type { ContractBook, ContractBookOptions, ContractLine, ContractsInput, CustomerContracts } from "./revenue/contractBook.js";
export type { MonthlyConversionOptions, PerMonth } from "./revenue/monthlyConversion.js";
export type { BookDataQuality, LinesMode } from "./revenue/openLines.js";
export { arrOn, mrrOn, mrrSeries } from "./revenue/mrr.js";
export type { MrrPoint, MrrSeries } from "./revenue/mrr.js";
export { revenueMovements } from "./revenue/revenueMovements.js";
export type { CustomerMovement, Movement, MovementTotals, RevenueMovements } from "./revenue/revenueMovements.js";
export { contractionRate, expansionRate, grr, nrr } from "./revenue/retentionRates.js";
export {
  grossRevenueChurnRate,
  logoChurnRate,
  logoRetentionRate,
  netLogoChurnRate,
  netRevenueChurnRate,
  revenueChurnRate,
} from "./revenue/churnRates.js";
export type { NetRevenueChurnOptions, RevenueRates } from "./revenue/rateFormulas.js";
export { compoundRate } from "./revenue/compoundRate.js";
export type { CompoundRateOptions, RateUnit } from "./revenue/compoundRate.js";
export { cohortRetention } from "./revenue/cohortRetention.js";
export type { Cohort, CohortBase, CohortCell, CohortRetention, CohortRetentionOptions } from "./revenue/cohortRetention.js";
export { revenueReport } from "./revenue/revenueReport.js";
export type { RevenueReport, RevenueReportOptions } from "./revenue/revenueReport.js";
export { revenueSeries } from "./revenue/revenueSeries.js";
export type { RevenueSeries, RevenueSeriesOptions, RevenueSeriesStep, SeriesStep } from "./revenue/revenueSeries.js";
export { customerConcentration } from "./revenue/customerConcentration.js";
export type { ConcentrationPoint, CustomerConcentration, CustomerConcentrationOptions, TopShare } from "./revenue/customerConcentration.js";

// Unit economics: ARPA, ASP, quick ratio, LTV, CAC payback.
export { arpa } from "./unitEconomics/arpa.js";
export { asp } from "./unitEconomics/asp.js";
export { quickRatio } from "./unitEconomics/quickRatio.js";
export type { QuickRatioOptions } from "./unitEconomics/quickRatio.js";
export { ltv } from "./unitEconomics/ltv.js";
export type { LifetimeValue, LtvChurnMonth, LtvOptions } from "./unitEconomics/ltv.js";
export { cacPayback } from "./unitEconomics/cacPayback.js";
export type { CacPayback, CacPaybackOptions } from "./unitEconomics/cacPayback.js";
export type { GrossMarginOptions } from "./unitEconomics/options.js";

export { revenueReportBySegment } from "./segments/revenueReportBySegment.js";
export type {
  LineAttribute,
  RevenueReportBySegment,
  RevenueReportBySegmentOptions,
  SegmentBy,
  SegmentKind,
  SegmentMovement,
  SegmentMovementTotals,
  SegmentRates,
  SegmentReport,
} from "./segments/revenueReportBySegment.js";

export { renewals } from "./renewals/renewals.js";
export type { RenewalOutcome, RenewalRow, Renewals, RenewalsOptions, RenewalTotals } from "./renewals/renewals.js";
export { renewalForecast } from "./renewals/renewalForecast.js";
export type { ForecastRow, ForecastTotals, RenewalForecast } from "./renewals/renewalForecast.js";

export { TrialSchema } from "./schemas/trial.js";
export type { Trial, TrialInput } from "./schemas/trial.js";
export { trialConversion } from "./trials/trialConversion.js";
export type { TrialConversion, TrialConversionOptions, TrialRow } from "./trials/trialConversion.js";

export { lostRevenue } from "./lostRevenue/lostRevenue.js";
export type { LostRevenue, LostRevenueOptions, LostRevenueRow, Proration } from "./lostRevenue/lostRevenue.js";

// Health scoring
export { ScorecardSchema } from "./schemas/scorecard.js";
export type { LinearScaleInput, MeasureInput, MissingPolicy, Scorecard, ScorecardInput, StepsScaleInput } from "./schemas/scorecard.js";
export type { UsageMetrics } from "./schemas/usageSnapshot.js";
export { SIGNAL_NAMES, deriveSignals } from "./health/signals.js";
export type { SignalName, Signals } from "./health/signals.js";
export { healthScore } from "./health/healthScore.js";
export type { HealthBand, HealthScoreResult, MeasureScore } from "./health/scorecardEvaluation.js";
export { scoreCustomers } from "./health/scoreCustomers.js";
export type { ScoreCustomersOptions, ScoreEveryCustomerOptions, ScorePayingCustomersOptions } from "./health/scoreCustomers.js";
export type { CustomerScores, UnscoredCustomer, UnscoredReason } from "./health/customerScope.js";
export { goodMinusBad } from "./health/goodMinusBad.js";
export type { BandTally, GoodMinusBad } from "./health/goodMinusBad.js";
export { healthTrend } from "./health/healthTrend.js";
export type { HealthTrend, HealthTrendOptions, ScorePoint, TrendDirection } from "./health/healthTrend.js";
export { evaluateAlerts } from "./health/alerts.js";
export type { BandAlert, DropAlert, EvaluateAlertsOptions, HealthAlert, NoContactAlert, ThresholdAlert } from "./health/alerts.js";
export type { AlertRuleInput, AlertSubject, BandRule, DropRule, NoContactRule, ThresholdRule } from "./health/alertRules.js";
export { priorityQuadrant } from "./health/priorityQuadrant.js";
export type { PriorityQuadrantOptions, Quadrant, QuadrantCustomer } from "./health/priorityQuadrant.js";
export { expectedRetention, renewalRateByBand } from "./health/expectedRetention.js";
export type { BandRenewals, ExpectedRetention, RenewalRateByBand, RenewalRates, RenewalRecord } from "./health/expectedRetention.js";
export { correlation } from "./stats/correlation.js";
export type { CorrelationMethod, CorrelationOptions, CorrelationValue } from "./stats/correlation.js";
export { wilsonInterval } from "./stats/wilsonInterval.js";
export type { ProportionInterval } from "./stats/wilsonInterval.js";
export { twoProportionZTest } from "./stats/twoProportionTest.js";
export type { ProportionCounts, TwoProportionTest } from "./stats/twoProportionTest.js";
export { goodMinusBadSeries } from "./health/goodMinusBadSeries.js";
export type { GoodMinusBadSeries, GoodMinusBadSeriesOptions, GoodMinusBadSeriesStep, GoodMinusBadStep } from "./health/goodMinusBadSeries.js";

// Drivers of retention and the effect of CS interventions.
export { retentionByFactor } from "./drivers/retentionByFactor.js";
export type { CustomerFactor, FactorComparison, FactorRetention, RetentionByFactor, RetentionByFactorOptions } from "./drivers/retentionByFactor.js";
export { interventionEffect } from "./drivers/interventionEffect.js";
export type { DateRange, DatedValue, InterventionEffect, InterventionEffectOptions, InterventionGroup } from "./drivers/interventionEffect.js";
export type { BootstrapInterval } from "./stats/bootstrap.js";

// Scale: streaming books and mergeable partial results.
export { contractBookFromAsyncIterable, contractBookFromIterable } from "./revenue/contractBookFromStream.js";
export { mergePeriodPartials, periodPartial, revenueReportFromPartial } from "./revenue/periodPartial.js";
export type { PartialRevenueReport, PeriodPartial } from "./revenue/periodPartial.js";
export { scoreCustomersFromAsyncIterable, scoreCustomersFromIterable } from "./health/scoreCustomersFromStream.js";
export { bandTally, goodMinusBadFromTally, mergeBandTallies } from "./health/bandTallies.js";

// Usage: product events → usage snapshots and feature adoption (streaming, mergeable).
export { usageSnapshots, usageSnapshotsFromAsyncIterable, usageSnapshotsFromIterable } from "./usage/usageSnapshots.js";
export type { UsageDataQuality, UsageSnapshots, UsageSnapshotsOptions } from "./usage/usageSnapshots.js";
export type { CountsByCustomer, SnapshotInputOptions } from "./usage/snapshotInputs.js";
export type { OnDates, ResolvedWindows, UsageWindows } from "./usage/usageWindows.js";
export { featureAdoption } from "./usage/featureAdoption.js";
export type { FeatureAdoption, FeatureAdoptionOptions, FeatureAdoptionRow } from "./usage/featureAdoption.js";
export { featureAdoptionFromPartial, mergeUsagePartials, usagePartial, usageSnapshotsFromPartial } from "./usage/usagePartial.js";
export type { UsagePartial, UsagePartialFeature, UsagePartialOptions, UsagePartialUser } from "./usage/usagePartial.js";

// The CS loop: onboarding completion, lifecycle stages, adoption curves.
export { onboardingStatus } from "./onboarding/onboardingStatus.js";
export type { CustomerOnboarding, OnboardingCohort, OnboardingStart, OnboardingState, OnboardingStatusOptions, OnboardingStatusResult } from "./onboarding/onboardingStatus.js";
export type { OnboardingCriteria } from "./onboarding/onboardingCriteria.js";
export type { OnboardingUsage } from "./onboarding/usageObservations.js";
export { LIFECYCLE_STAGES, lifecycleStages } from "./lifecycle/lifecycleStages.js";
export type { CustomerStage, LifecycleStage, LifecycleStages, LifecycleStagesOptions, OnboardingSource } from "./lifecycle/lifecycleStages.js";
export { stageFlow } from "./lifecycle/stageFlow.js";
export type { FlowStage, StageFlow, StageMove } from "./lifecycle/stageFlow.js";
export { adoptionCurves } from "./adoption/adoptionCurves.js";
export type { AdoptionCohort, AdoptionCurve, AdoptionCurves, AdoptionCurvesOptions, AdoptionMeasure, AdoptionShape } from "./adoption/adoptionCurves.js";
