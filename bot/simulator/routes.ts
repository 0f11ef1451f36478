import { randomUUID } from 'node:crypto';
import type Router from '@koa/router';
import type { Person } from '../directory/directory';
import { deliveriesSince } from '../adapters/local/deliveries';
import { signingKey } from '../dashboard/tokens';
import { imageLink } from '../images/links';
import { ROLE_LABEL } from '../labels';
import type { Dispatch } from '../message';
import { loadDemo, type DemoRouteDeps } from './demo-route';
import { requireToken } from './access';
import { readJsonObject, refuse, simulatorGuards } from './guard';
import { runJob, type JobRouteDeps } from './jobs';
import { serveAsset, servePage } from './page';

/** What the simulator's routes need. */
export interface SimulatorDeps extends DemoRouteDeps, JobRouteDeps {
  /** The token every route requires (see {@link requireToken}); null on loopback without SIMULATOR_TOKEN. */
  token: string | null;
  /** The examples a person's `帮助` shows. */
  examples: (person: Person) => Promise<string[]>;
}

/**
 * The simulator's routes: the page and its files, the directory, the feed of
 * deliveries, a message as any person, a job firing, the demonstration hall.
 * Every route checks the Host header and, when the simulator has one, its
 * token; every POST takes JSON only.
 */
export function mountSimulator(router: Router, dispatch: Dispatch, deps: SimulatorDeps): void {
  const guards = simulatorGuards(deps.config.publicUrl);
  const host = deps.token ? [guards.host, requireToken(deps.token)] : [guards.host];

  router.get('/', ...host, (ctx) => servePage(ctx, deps.config.timezone));
  router.get('/local/simulator.js', ...host, (ctx) => serveAsset(ctx, 'simulator.js'));
  router.get('/local/simulator.css', ...host, (ctx) => serveAsset(ctx, 'simulator.css'));

  router.get('/local/people', ...host, async (ctx) => {
    const people = [...(await deps.directory.active())].sort((a, b) => a.window.localeCompare(b.window, 'zh-CN', { numeric: true }) || a.name.localeCompare(b.name, 'zh-CN'));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = people.map((p) => ({ id: p.id, name: p.name, window: p.window, role: p.role, roleLabel: ROLE_LABEL[p.role] }));
  });

  // The chips under the input: the examples of the person's own 帮助, so they follow their role and working groups.
  router.get('/local/examples', ...host, async (ctx) => {
    const person = typeof ctx.query.userId === 'string' ? await deps.directory.findByPlatformUser('local', ctx.query.userId) : undefined;
    if (!person) return refuse(ctx, 404, '名单中没有这个人');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await deps.examples(person);
  });

  router.get('/local/feed', ...host, async (ctx) => {
    const since = Number(ctx.query.since ?? 0);
    const deliveries = await deliveriesSince(deps.db, Number.isSafeInteger(since) ? since : 0);
    const key = deliveries.some((d) => d.imageId !== undefined) ? await signingKey(deps.db, deps.db) : null;
    ctx.set('Cache-Control', 'no-store');
    // An image (the brief's chart) as a link of this origin, signed now: the page shows it inline under its strict CSP.
    ctx.body = deliveries.map(({ imageId, ...d }) => (imageId === undefined || !key ? d : { ...d, image: imageLink(key, '', imageId, deps.clock.now()) }));
  });

  router.post('/local/message', ...host, guards.json, async (ctx) => {
    const input = await readJsonObject(ctx);
    if (typeof input?.userId !== 'string' || typeof input.text !== 'string') return refuse(ctx, 400, '请求体应为 JSON：{"userId": "人员编号", "text": "消息内容"}');
    const now = deps.clock.now();
    const result = await dispatch({
      platform: 'local',
      userId: input.userId,
      isGroup: false,
      kind: 'text',
      text: input.text,
      // Sent as voice: the text stands for what the platform's recognition heard (SPEC §16).
      ...(input.voice === true ? { voice: true } : {}),
      messageId: randomUUID(),
      receivedAt: now,
      platformTime: now,
    });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { reply: result.reply };
  });

  router.post('/local/jobs/:name', ...host, guards.json, (ctx) => runJob(ctx, deps));
  router.post('/local/demo', ...host, guards.json, (ctx) => loadDemo(ctx, deps));
}
