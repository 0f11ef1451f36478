import type { Middleware } from 'koa';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { LinkStatus } from '../adapters/long-connection';
import type { Database } from '../db/database';
import type { Dispatch } from '../message';
import { outboxBacklog } from '../outbox/status';
import { CounterTally, HistogramTally } from './tally';
import type { Clock } from '../time';

/** What became of a message that reached the service: answered, a re-delivery, an event, from someone not in the directory, refused at the door, or failed. */
export type ReceivedOutcome = 'handled' | 'duplicate' | 'event' | 'stranger' | 'rejected' | 'failed';

/** The platforms' callback routes (SPEC §2), by path. */
const CALLBACKS: Record<string, string> = { '/wecom/callback': 'wecom', '/dingtalk/callback': 'dingtalk' };

/** What became of one delivery attempt of an outbox row. */
export type DeliveryResult = 'sent' | 'retry' | 'failed';

/** What the gauges read when Prometheus scrapes: the database's figures and the long connections. */
export interface MetricsSources {
  db: Database;
  links: () => LinkStatus[];
  clock: Clock;
}

/**
 * The service's figures for Prometheus (SPEC §2 `GET /metrics`), in a registry
 * of its own. Counters are counted where things happen, at the cost of a map
 * look-up; what the database knows (the outbox, open alerts and incidents) is
 * read only when scraped, so the message path pays nothing for it.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly received = new CounterTally(this.registry, 'hallguard_messages_received_total', 'Messages received, by platform and outcome (handled, duplicate, event, stranger, rejected, failed)');
  private readonly latency = new HistogramTally(
    this.registry,
    'hallguard_reply_duration_seconds',
    'Time from a message reaching dispatch to its reply being stored and ready to answer, by platform',
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  private readonly deliveries = new Counter({ name: 'hallguard_outbox_deliveries_total', help: 'Outbox delivery attempts by channel (the target: wecom-user, wecom-robot, dingtalk-group …) and result (sent, retry, failed)', labelNames: ['channel', 'result'], registers: [this.registry] });
  private readonly retries = new Counter({ name: 'hallguard_outbox_retries_total', help: 'Delivery attempts that were retries of an earlier failed attempt, by channel', labelNames: ['channel'], registers: [this.registry] });
  private readonly firings = new Counter({ name: 'hallguard_job_firings_total', help: 'Scheduled job firings by this instance, by job and outcome (done, not-workday, already-fired, missed, failed)', labelNames: ['job', 'outcome'], registers: [this.registry] });

  constructor(sources: MetricsSources) {
    const { db, links, clock } = sources;
    const registers = [this.registry];
    new Gauge({
      name: 'hallguard_outbox_messages',
      help: 'Outbox rows waiting (pending), being sent (sending) or given up on (failed)',
      labelNames: ['status'],
      registers,
      async collect() {
        const backlog = await outboxBacklog(db);
        for (const status of ['pending', 'sending', 'failed'] as const) this.set({ status }, backlog[status]);
      },
    });
    new Gauge({
      name: 'hallguard_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest message waiting in the outbox; 0 when none waits',
      registers,
      async collect() {
        const { oldestPendingAt } = await outboxBacklog(db);
        this.set(oldestPendingAt ? Math.max(0, (clock.now().getTime() - Date.parse(oldestPendingAt)) / 1000) : 0);
      },
    });
    new Gauge({
      name: 'hallguard_open_alerts',
      help: 'Alerts not yet handled (处置), by severity; drills not counted',
      labelNames: ['severity'],
      registers,
      async collect() {
        const rows = await db.all<{ severity: string; n: unknown }>("SELECT severity, count(*) AS n FROM alert WHERE status = 'open' AND subject_kind <> 'drill' GROUP BY severity");
        this.reset();
        for (const severity of ['warning', 'critical']) this.set({ severity }, Number(rows.find((r) => r.severity === severity)?.n ?? 0));
      },
    });
    new Gauge({
      name: 'hallguard_open_incidents',
      help: 'Emergencies (应急处置) not yet closed (结案), real ones and drills',
      labelNames: ['kind'],
      registers,
      async collect() {
        const rows = await db.all<{ drill: unknown; n: unknown }>("SELECT CASE WHEN subject_kind = 'drill' THEN 1 ELSE 0 END AS drill, count(*) AS n FROM incident WHERE status = 'open' GROUP BY 1");
        this.set({ kind: 'incident' }, Number(rows.find((r) => Number(r.drill) === 0)?.n ?? 0));
        this.set({ kind: 'drill' }, Number(rows.find((r) => Number(r.drill) === 1)?.n ?? 0));
      },
    });
    new Gauge({
      name: 'hallguard_connection_up',
      help: 'Long connections (DingTalk Stream, WeCom intelligent bot): 1 connected, 0 down',
      labelNames: ['connection'],
      registers,
      collect() {
        for (const link of links()) this.set({ connection: link.name }, link.connected ? 1 : 0);
      },
    });
    new Counter({
      name: 'hallguard_connection_reconnects_total',
      help: 'Successful reconnections of each long connection since the service started',
      labelNames: ['connection'],
      registers,
      collect() {
        // The connection keeps the count; a scrape reads it.
        this.reset();
        for (const link of links()) this.inc({ connection: link.name }, link.reconnects);
      },
    });
  }

  /** The process's own figures (CPU, memory, event-loop lag): for the running service, not for every test's instance. */
  withProcessMetrics(): this {
    collectDefaultMetrics({ register: this.registry });
    return this;
  }

  /** A dispatch that counts each message by platform and outcome and times its reply. */
  observeDispatch(dispatch: Dispatch): Dispatch {
    return async (message) => {
      const start = performance.now();
      try {
        const result = await dispatch(message);
        const outcome: ReceivedOutcome = message.kind === 'event' ? 'event' : result.duplicate ? 'duplicate' : result.stranger ? 'stranger' : 'handled';
        this.count(message.platform, outcome);
        if (outcome === 'handled') this.latency.observe(message.platform, () => ({ platform: message.platform }), (performance.now() - start) / 1000);
        return result;
      } catch (err) {
        this.count(message.platform, 'failed');
        throw err;
      }
    };
  }

  /** Counts the platforms' callback requests refused before dispatch (a bad signature, body or size: 4xx). */
  rejections(): Middleware {
    return async (ctx, next) => {
      const platform = CALLBACKS[ctx.path];
      if (!platform) return next();
      let status = 500;
      try {
        await next();
        status = ctx.status;
      } catch (err) {
        status = (err as { status?: number }).status ?? 500;
        throw err;
      } finally {
        if (status >= 400 && status < 500) this.count(platform, 'rejected');
      }
    };
  }

  private count(platform: string, outcome: ReceivedOutcome): void {
    this.received.inc(`${platform} ${outcome}`, () => ({ platform, outcome }));
  }

  /** `count` outbox rows of `channel` came to `result` in one attempt; `retries` of them had been tried before. */
  delivered(channel: string, result: DeliveryResult, count: number, retries: number): void {
    if (count > 0) this.deliveries.inc({ channel, result }, count);
    if (retries > 0) this.retries.inc({ channel }, retries);
  }

  /** One job firing by this instance. */
  fired(job: string, outcome: string): void {
    this.firings.inc({ job, outcome });
  }
}
