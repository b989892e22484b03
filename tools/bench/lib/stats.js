'use strict';
/** Medians, ratios and number formatting for the report. */

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of each key over a list of records ({stage: ms}). */
function medianByKey(records) {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.map((key) => [key, median(records.map((r) => r[key]))]));
}

function ms(value) {
  if (value === undefined) return 'n/a';
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `3.2×`: how many times `value` is of `reference`. */
function ratio(value, reference) {
  if (value === undefined || reference === undefined || reference === 0) return 'n/a';
  const r = value / reference;
  if (r >= 10) return `${Math.round(r)}×`;
  if (r >= 0.1) return `${r.toFixed(2)}×`;
  return `${r.toFixed(3)}×`;
}

/** `{ variant: { ms, to<Base>: ratio } }`: each variant's median over runs and its ratio to `base`'s. */
function mediansTo(times, base) {
  const reference = median(times[base]);
  const label = `to${base[0].toUpperCase()}${base.slice(1)}`;
  return Object.fromEntries(
    Object.entries(times).map(([k, v]) => [
      k,
      { ms: Math.round(median(v)), [label]: Number((median(v) / reference).toFixed(2)) },
    ]),
  );
}

function mib(kb) {
  return kb === undefined ? 'n/a' : `${Math.round(kb / 1024)} MiB`;
}

module.exports = { median, medianByKey, mediansTo, ms, ratio, mib };
