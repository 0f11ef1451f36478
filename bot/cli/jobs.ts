import { parseArgs } from 'node:util';
import { findJob, JOBS } from '../../jobs';
import { cronsOf } from '../../jobs/job';
import { CliError, type CliCommand } from './context';

/**
 * `jobs run <job> [--at ISO] [--force]`: one firing through the same ledger as
 * the scheduler, its messages sent before the command exits; `jobs list`: each
 * job, its schedule and its last firings (SPEC §5).
 */
export const jobsCommand: CliCommand = {
  name: 'jobs',
  usage: 'jobs run <job> [--at 2026-11-23T08:45:00+08:00] [--force] | jobs list',
  async run(argv, { config, db, out }) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { at: { type: 'string' }, force: { type: 'boolean' } } });
    const [action, name] = positionals;
    if (action === 'list') {
      for (const job of JOBS) {
        out(`${job.name}  ${cronsOf(job, config).join(' | ')}  (${config.timezone})`);
        const firings = await db.all<{ scheduledFor: string; run: unknown; outcome: string; detail: string; trigger: string }>(
          'SELECT scheduled_for AS "scheduledFor", run, outcome, detail, trigger FROM job_firing WHERE job = ? ORDER BY scheduled_for DESC, run DESC LIMIT 5',
          [job.name],
        );
        if (firings.length === 0) out('  (never fired)');
        for (const f of firings) out(`  ${f.scheduledFor}${Number(f.run) ? ` #${f.run}` : ''}  ${f.outcome}  ${f.detail}  [${f.trigger}]`);
      }
      return;
    }
    if (action !== 'run' || !name) throw new CliError(`usage: ${this.usage}`, 2);
    const job = findJob(name);
    if (!job) throw new CliError(`unknown job "${name}"; jobs: ${JOBS.map((j) => j.name).join(', ')}`, 2);
    const at = values.at ? new Date(values.at) : new Date();
    if (Number.isNaN(at.getTime())) throw new CliError(`--at takes an ISO time such as 2026-11-23T08:45:00+08:00, not "${values.at}"`, 2);

    // The core only: a CLI command never starts the simulator's console or its guard, and its pushes reach the running service's simulator feed through the database.
    // Loaded here: `jobs list` needs none of the service's adapters and handlers.
    const [{ createCore }, { createLogger }] = await Promise.all([import('../core'), import('../log')]);
    const core = createCore({ config, db, log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel) });
    const result = await core.runner.fire(job, at, { trigger: 'cli', force: values.force });
    const sent = await core.outboxDispatcher.drain(60_000);
    const said: Record<string, string> = {
      done: `done: ${result.detail}`,
      'not-workday': `${result.detail}（--force 可强制执行）`,
      'already-fired': `already fired for ${result.scheduledFor}; nothing done (--force re-runs it)`,
      failed: result.detail,
    };
    out(`${job.name} ${result.scheduledFor}: ${said[result.outcome] ?? result.outcome}`);
    if (sent.sent + sent.retried + sent.failed > 0) out(`messages: ${sent.sent} sent, ${sent.retried} to retry, ${sent.failed} failed`);
    if (result.outcome === 'failed') throw new CliError('the firing failed', 1);
  },
};
