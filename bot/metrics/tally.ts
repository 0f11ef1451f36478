import type { Registry } from 'prom-client';

type Labels = Record<string, string>;

/** A metric as prom-client's registry reads it when scraped. */
interface Exposed {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: { labels: Labels; value: number; metricName?: string }[];
}

/** Registers a metric that prom-client's registry reads with `get()` at scrape time. */
function register(registry: Registry, name: string, help: string, type: Exposed['type'], values: () => Exposed['values']): void {
  const metric = { name, help, type, aggregator: 'sum', get: (): Exposed => ({ name, help, type, values: values() }), reset: () => undefined };
  registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
}

/**
 * A counter for the message path: a plain number per label set, found by a
 * string key, so counting costs a map look-up (prom-client's own counter
 * validates and hashes its labels on every call, a few microseconds a
 * message). The registry reads the numbers when scraped.
 */
export class CounterTally {
  private readonly counts = new Map<string, { labels: Labels; value: number }>();

  constructor(registry: Registry, name: string, help: string) {
    register(registry, name, help, 'counter', () => [...this.counts.values()].map(({ labels, value }) => ({ labels, value })));
  }

  /** Adds one to the label set named by `key` (its labels made only the first time). */
  inc(key: string, labels: () => Labels): void {
    const entry = this.counts.get(key);
    if (entry) entry.value += 1;
    else this.counts.set(key, { labels: labels(), value: 1 });
  }
}

/** A histogram for the message path, kept the same way: a count per bucket, a sum and a count per label set. */
export class HistogramTally {
  private readonly series = new Map<string, { labels: Labels; buckets: number[]; sum: number; count: number }>();

  constructor(
    registry: Registry,
    private readonly name: string,
    help: string,
    private readonly bounds: number[],
  ) {
    register(registry, name, help, 'histogram', () => [...this.series.values()].flatMap((s) => this.exposed(s)));
  }

  observe(key: string, labels: () => Labels, value: number): void {
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels: labels(), buckets: this.bounds.map(() => 0), sum: 0, count: 0 }));
    const i = this.bounds.findIndex((bound) => value <= bound);
    if (i >= 0) s.buckets[i] += 1;
    s.sum += value;
    s.count += 1;
  }

  /** Prometheus' cumulative buckets, `+Inf` last, then the sum and the count. */
  private exposed(s: { labels: Labels; buckets: number[]; sum: number; count: number }): Exposed['values'] {
    let cumulative = 0;
    const buckets = this.bounds.map((bound, i) => ({ metricName: `${this.name}_bucket`, labels: { ...s.labels, le: String(bound) }, value: (cumulative += s.buckets[i]) }));
    return [
      ...buckets,
      { metricName: `${this.name}_bucket`, labels: { ...s.labels, le: '+Inf' }, value: s.count },
      { metricName: `${this.name}_sum`, labels: s.labels, value: s.sum },
      { metricName: `${this.name}_count`, labels: s.labels, value: s.count },
    ];
  }
}
