// Percentiles and tallies, kept as plain objects so they cross process boundaries as JSON.

/** The p-quantile (0…1) of the numbers, nearest rank; undefined for none. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

export function summary(values) {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : undefined,
  };
}

/**
 * Latencies grouped by a key (an answer label, a question, a variant …):
 * `add('200 ok', 3.2)`; `toJSON()` is what is sent back to the parent.
 */
export class Tally {
  constructor() {
    this.groups = {};
  }

  add(key, ms) {
    (this.groups[key] ??= []).push(Math.round(ms * 100) / 100);
  }

  toJSON() {
    return this.groups;
  }
}

/** Milliseconds for a table: one decimal below 10, whole above; '–' for none. */
export function ms(value) {
  if (value === undefined) return '–';
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en');
}

export function count(n) {
  return n.toLocaleString('en');
}
