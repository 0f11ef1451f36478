import type { Context } from 'koa';
import { JOBS } from '../../jobs';
import { escapeHtml } from '../dashboard/html';
import { readOnce, serveFile } from '../http/browser';
import { JOB_LABEL } from '../labels';

/**
 * The simulator's files, read once from assets/ beside this module (or beside the
 * bundle in dist/, where build.mjs copies them). The page's script and style
 * are separate files, so a strict Content-Security-Policy allows them.
 */
const ASSETS = {
  'simulator.js': 'application/javascript; charset=utf-8',
  'simulator.css': 'text/css; charset=utf-8',
} as const;

export type SimulatorAsset = keyof typeof ASSETS;

const beside = (file: string) => new URL(`./assets/${file}`, import.meta.url);

/** The page, with one button per scheduled job and the hall's time zone filled in. */
export function simulatorPage(timezone: string): string {
  const buttons = JOBS.map((j) => `<button type="button" class="job" data-job="${escapeHtml(j.name)}" title="${escapeHtml(j.name)}">${escapeHtml(JOB_LABEL[j.name])}</button>`).join('\n      ');
  return readOnce(beside('simulator.html'))
    .toString('utf8')
    .replace('{{JOB_BUTTONS}}', () => buttons)
    .replace('{{TIMEZONE}}', () => escapeHtml(timezone));
}

/** Answers GET / with the page. */
export function servePage(ctx: Context, timezone: string): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = simulatorPage(timezone);
}

/** Answers GET /local/simulator.js and /local/simulator.css. */
export function serveAsset(ctx: Context, file: SimulatorAsset): void {
  serveFile(ctx, beside(file), ASSETS[file], 'no-cache');
}
