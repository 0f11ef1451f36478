import { expect } from 'chai';
import type { Hall } from './hall';

/** A browser-less visitor of the dashboard: keeps its session cookie between requests. */
export class DashboardVisitor {
  cookie: string | null = null;

  constructor(private readonly hall: Hall) {}

  /** Sends `看板` as a platform user and returns the link's path and query (the link's host is PUBLIC_URL). */
  async link(userId: string): Promise<string> {
    const { reply } = await this.hall.send(userId, '看板');
    const url = /https?:\/\/\S+/.exec(reply ?? '')?.[0];
    expect(url, `a link in: ${reply}`).to.be.a('string');
    const { pathname, search } = new URL(url!);
    return pathname + search;
  }

  /** One request, without following redirects; a Set-Cookie replaces the visitor's cookie. */
  async request(path: string, init: RequestInit = {}): Promise<{ status: number; body: string; headers: Headers }> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(this.hall.url + path, { ...init, headers, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0].endsWith('=') ? null : set.split(';')[0];
    return { status: res.status, body: await res.text(), headers: res.headers };
  }

  /** Opens a link as a browser would: the redirect, then the page. */
  async open(path: string): Promise<{ status: number; body: string }> {
    const first = await this.request(path);
    if (first.status !== 303) return first;
    return this.request(first.headers.get('location')!);
  }

  /** Posts a form of the page. */
  post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
  }
}

/** A visitor signed in by a platform user's own `看板` link, and the page it opened. */
export async function signedIn(hall: Hall, userId: string): Promise<{ visitor: DashboardVisitor; page: string }> {
  const visitor = new DashboardVisitor(hall);
  const { status, body } = await visitor.open(await visitor.link(userId));
  expect(status).to.equal(200);
  return { visitor, page: body };
}

/** The CSRF token in a rendered page. */
export function csrfOf(page: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  expect(token, 'a CSRF token in the page').to.be.a('string');
  return token!;
}

/** The text of the element with a data-testid (nested elements included): elements become spaces, bold is inline. */
export function testIdText(page: string, id: string): string {
  const start = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>`).exec(page);
  if (!start) return '';
  const tag = start[1];
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = start.index + start[0].length;
  let depth = 1;
  let m: RegExpExecArray | null;
  while (depth > 0 && (m = tags.exec(page))) depth += m[1] ? -1 : 1;
  const end = depth === 0 ? tags.lastIndex : page.length;
  return page.slice(start.index, end).replace(/<\/?b>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The dashboard's chart data (its JSON island). */
export function chartIsland(page: string): { trend: { dates: string[]; series: { name: string; values: number[] }[] } } & Record<string, unknown> {
  const island = /<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(page);
  expect(island, 'the chart data in the page').to.not.equal(null);
  return JSON.parse(island![1]);
}

/** One day of the dashboard's trend chart: each series' value, by series name (`晨检已报（人）`). */
export function trendPoint(page: string, date: string): Record<string, number> {
  const { trend } = chartIsland(page);
  const i = trend.dates.indexOf(date);
  expect(i, `${date} in the trend`).to.be.at.least(0);
  return Object.fromEntries(trend.series.map((s) => [s.name, s.values[i]]));
}
