import { readFileSync } from 'node:fs';
import type { Context } from 'koa';
import { JOBS } from '../../../jobs';
import { escapeHtml } from '../../dashboard/html';
import { JOB_LABEL } from '../../labels';

/**
 * The simulator's files, read once from beside this module (or beside the
 * bundle in dist/, where build.mjs copies them). The page's script and style
 * are separate files, so a strict Content-Security-Policy allows them.
 */
const ASSETS = {
  'simulator.js': 'application/javascript; charset=utf-8',
  'simulator.css': 'text/css; charset=utf-8',
} as const;

export type SimulatorAsset = keyof typeof ASSETS;

const loaded = new Map<string, string>();
const read = (file: string) => loaded.get(file) ?? loaded.set(file, readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')).get(file)!;

/** The page, with one button per scheduled job and the hall's time zone filled in. */
export function simulatorPage(timezone: string): string {
  const buttons = JOBS.map((j) => `<button type="button" class="job" data-job="${escapeHtml(j.name)}" title="${escapeHtml(j.name)}">${escapeHtml(JOB_LABEL[j.name])}</button>`).join('\n      ');
  return read('simulator.html')
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
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = ASSETS[file];
  ctx.body = read(file);
}
