import type { DingtalkConfig } from '../../config';
import type { Logger } from '../../log';
import type { Clock } from '../../time';
import { LongConnection, type Send, type Timers } from '../long-connection';
import { decodeRobotMessage, screenSessionWebhook, type RobotCallback } from './robot-message';

/** The Stream topic robot messages arrive on. */
export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

interface StreamFrame {
  type?: unknown;
  headers?: { messageId?: unknown; topic?: unknown };
  data?: unknown;
}

export interface StreamDeps {
  config: DingtalkConfig;
  clock: Clock;
  log: Logger;
  timers?: Timers;
}

/**
 * DingTalk Stream mode (PROTOCOLS.md "Stream mode") on `ws` rather than the
 * `dingtalk-stream` SDK: the SDK's gateway URL is a constant (no loopback in
 * tests), it reconnects at a fixed interval, and it ignores the server's
 * `disconnect`. A robot message is acknowledged only after dispatch has
 * committed its transaction; a failure leaves it unacknowledged, so DingTalk
 * re-delivers it and the message-id claim keeps it single.
 */
export function dingtalkStream({ config, clock, log, timers }: StreamDeps): LongConnection {
  const ack = (send: Send, messageId: unknown) =>
    send({ code: 200, headers: { contentType: 'application/json', messageId }, message: 'OK', data: JSON.stringify({ response: null }) });

  const connection: LongConnection = new LongConnection({
    name: 'dingtalk-stream',
    clock,
    log,
    timers,
    protocol: {
      async open() {
        const res = await fetch(`${config.streamEndpoint}/v1.0/gateway/connections/open`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ clientId: config.appKey, clientSecret: config.appSecret, subscriptions: [{ type: 'CALLBACK', topic: ROBOT_TOPIC }], ua: 'hallguard' }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) throw new Error(`gateway answered HTTP ${res.status}`);
        const { endpoint, ticket } = (await res.json()) as { endpoint?: unknown; ticket?: unknown };
        if (typeof endpoint !== 'string' || typeof ticket !== 'string' || !/^wss?:\/\//.test(endpoint)) throw new Error('gateway gave no endpoint and ticket');
        return `${endpoint}?ticket=${encodeURIComponent(ticket)}`;
      },
      async frame(raw, send, dispatch) {
        const frame = raw as StreamFrame;
        const topic = frame.headers?.topic;
        if (frame.type === 'SYSTEM') {
          if (topic === 'ping') send({ code: 200, headers: frame.headers, message: 'OK', data: frame.data });
          // Not awaited: the redial waits for the frames in flight, this one included.
          if (topic === 'disconnect') void connection.redial();
          return;
        }
        const messageId = frame.headers?.messageId;
        if (frame.type !== 'CALLBACK' || topic !== ROBOT_TOPIC) return ack(send, messageId);
        let body: unknown = null;
        try {
          body = JSON.parse(String(frame.data));
        } catch {
          body = null;
        }
        const message = body && typeof body === 'object' ? decodeRobotMessage(body as RobotCallback, clock.now()) : null;
        if (!message) {
          // It can never succeed: acknowledged so DingTalk stops re-delivering it.
          log.warn({ messageId }, 'DingTalk stream: a robot frame without a message, acknowledged and dropped');
          return ack(send, messageId);
        }
        screenSessionWebhook(message, config.oapiBase, log);
        await dispatch(message);
        ack(send, messageId);
      },
    },
  });
  return connection;
}
