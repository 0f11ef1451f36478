import type Router from '@koa/router';
import type { DingtalkConfig } from '../../config';
import { readBody } from '../../http/read-body';
import type { Logger } from '../../log';
import type { Dispatch } from '../../message';
import type { Clock } from '../../time';
import { decodeRobotMessage, screenSessionWebhook, type RobotCallback } from './robot-message';
import { verifyCallback } from './sign';

/**
 * `POST /dingtalk/callback` (HTTP callback mode), checked in the order SPEC §2
 * gives: size (413), timestamp and sign (401), then the JSON body (400). The
 * reply goes by the outbox, so the HTTP answer is an empty 200.
 */
export function mountDingtalkCallback(router: Router, deps: { config: DingtalkConfig; dispatch: Dispatch; clock: Clock; log: Logger }): void {
  const { config, dispatch, clock, log } = deps;
  router.post('/dingtalk/callback', async (ctx) => {
    const raw = await readBody(ctx);
    if (!verifyCallback(ctx.get('timestamp') || undefined, ctx.get('sign') || undefined, config.appSecret, clock.now())) {
      log.warn({ status: 401 }, 'DingTalk callback refused: bad or stale signature');
      ctx.status = 401;
      ctx.body = 'bad signature';
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    const message = body && typeof body === 'object' ? decodeRobotMessage(body as RobotCallback, clock.now()) : null;
    if (!message) {
      ctx.status = 400;
      ctx.body = 'not a robot message';
      return;
    }
    screenSessionWebhook(message, config.oapiBase, log);
    await dispatch(message);
    ctx.body = '';
  });
}
