/**
 * Forms the brief asks the synthetic corpus to exercise although the source has few
 * or none of them. Rates are small so the source distribution still dominates; they
 * are recorded in SYNTH.json so nobody mistakes them for source statistics.
 */
export const INJECTED_RATES = {
  /** ms.date written as ISO yyyy-mm-dd instead of the source's m/d/yyyy. */
  isoDate: 0.01,
  /** ms.date written as an Excel serial day number (e.g. 45123). */
  excelDate: 0.005,
  /** appliesto written as one comma-separated string instead of a YAML list (when present). */
  appliestoString: 0.25,
  /** One section wrapped in ::: moniker range=... / ::: moniker-end. */
  moniker: 0.005,
  /** One section wrapped in ::: zone pivot=... / ::: zone-end. */
  zone: 0.005,
} as const;
