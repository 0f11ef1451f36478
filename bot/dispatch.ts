import type { Platform } from '../entities';
import type { Command, CommandContext, Services } from './command';
import { resign, signingKey, unsign } from './dashboard/tokens';
import { createRouter } from './route';
import type { Sql } from './db/database';
import type { Person } from './directory/directory';
import { UserError } from './errors';
import { isTransient } from './db/transient';
import { flooding, MESSAGES_PER_MINUTE, RECENT_MESSAGES, recentParams } from './flood/limits';
import { carriesAnomaly } from '../handlers/health/urgent';
import type { Dispatch, DispatchResult, IncomingMessage } from './message';
import { messages } from './messages';
import { MAX_BODY_BYTES } from './http/read-body';
import { normalise } from './normalise';
import { maskOutgoing, maskPersonalNumbers } from './privacy/numbers';
import { actionMessages } from './outbox/actions';
import { splitMessage } from './outbox/split';
import { localClock, localTime } from './time';
import { voiceMessages } from './voice/messages';
import { spokenNumbers } from './voice/spoken';

export interface DispatchOptions {
  /** The commands, by leading keyword. */
  commands: Command[];
  /** For text that starts with no keyword, in order: the first that accepts the text takes it (small talk, the temperature report). */
  fallbacks: Command[];
  /** The most a reply in the HTTP answer may carry, per platform, in UTF-8 bytes; the rest goes by the outbox. */
  replyLimitBytes: Partial<Record<Platform, number>>;
  /** Called after a message's transaction commits (kicks the outbox dispatcher). */
  afterCommit?: () => void;
}

/** A reply to one message, and whether a whole group chat may read it. */
interface Reply {
  text: string;
  groupSafe: boolean;
  /** The command ran to its end (no refusal): a tapped card may show it done. */
  acted?: boolean;
}

/**
 * Normalised message → command → handler → reply. The message id is claimed in
 * the same transaction as everything the message records, so a re-delivery
 * acts once and is answered with the same reply (SPEC §2).
 */
export function createDispatch(services: Services, options: DispatchOptions): Dispatch {
  const route = createRouter(options.commands, options.fallbacks);

  /**
   * The reply, and whether a group chat may read it (hints and 帮助 only: nothing about a person).
   * Commands see the text with phone and ID numbers masked, as every copy keeps it (SPEC §12);
   * only a command that keeps a visitor's phone in its one home reads the numbers in full.
   */
  const answer = async (message: IncomingMessage, sender: Person, sql: Sql): Promise<Reply> => {
    if (message.kind !== 'text') return { text: messages.nonText(), groupSafe: true };
    if (oversized(message.text)) return { text: messages.tooLong(MAX_BODY_BYTES), groupSafe: true };
    const normalised = normalise(message.text);
    const masked = maskPersonalNumbers(normalised);
    const routed = route(masked);
    if (!routed) return { text: masked ? messages.unknownCommand(masked) : messages.emptyText(), groupSafe: true };
    const full = routed.command.readsNumbers ? route(normalised) : null;
    const { command, keyword, text, args } = full?.command === routed.command ? full : routed;
    if (!command.roles.includes(sender.role)) throw new UserError(messages.notAllowed(command.name, sender.role));
    const now = message.receivedAt;
    const seen = command.readsNumbers ? message : { ...message, text: maskPersonalNumbers(message.text) };
    const ctx: CommandContext = { services, sql, sender, message: seen, keyword, text, args, now, local: localTime(now, services.config.timezone) };
    return { text: await command.run(ctx), groupSafe: command.groupSafe === true, acted: true };
  };

  /**
   * Stores the reply on the claim. A reply to a group message that is not
   * group-safe goes to the sender one-to-one, and the group gets only a note
   * saying so. A platform that replies by API gets the reply queued in this
   * transaction; otherwise the HTTP answer carries the first part and the rest
   * of a long reply goes by the outbox.
   */
  const finish = async (sql: Sql, claim: number, message: IncomingMessage, sender: Person, { text: said, groupSafe, acted }: Reply): Promise<DispatchResult> => {
    // A tapped button that acted becomes who did it and when: 已完成（张三 10:42） (SPEC §16).
    if (message.card?.done && acted) await services.notifier.updateCard(sql, message, actionMessages.tapped(message.card.done, sender.name, localClock(message.receivedAt, services.config.timezone)));
    // Whatever a reply quotes, it never echoes a phone or ID number in full (SPEC §12).
    // A voice message's reply opens with what was understood, so a misheard value can be corrected (SPEC §16).
    const text = maskOutgoing(message.voice ? `${voiceMessages.heard(message.text)}\n${said}` : said);
    let reply = text;
    if (message.isGroup && !groupSafe) {
      await services.notifier.toUser(sql, message.platform, message.userId, text);
      reply = messages.sentPrivately(sender.name);
    }
    const byApi = services.notifier.replyDestination(message);
    let answer: string | null = reply;
    if (byApi) {
      await services.notifier.reply(sql, byApi, reply);
      answer = null;
    } else {
      const limit = options.replyLimitBytes[message.platform] ?? Infinity;
      const [first, ...rest] = Number.isFinite(limit) ? splitMessage(reply, limit) : [reply];
      for (const part of rest) await services.notifier.toUser(sql, message.platform, message.userId, part);
      answer = first;
    }
    // A 看板 link is kept without its signature: the table holds no working link, and a re-delivery re-signs the same one.
    await sql.run('UPDATE inbound_message SET reply = ? WHERE id = ?', [unsign(answer ?? reply), claim]);
    await services.directory.noteLastPlatform(sql, sender, message.platform);
    return { reply: answer, duplicate: false };
  };

  /**
   * One transaction: claim first (a re-delivery stops here), then act, then store the answer.
   * A sender flooding the bot is told to slow down, the message kept in the log but not acted on —
   * unless it carries a fever, a code or a symptom, which is never held back.
   */
  const handle = (message: IncomingMessage, sender: Person, act: (sql: Sql) => Promise<Reply>): Promise<DispatchResult> =>
    services.db.tx(async (sql) => {
      const claimed = await claimMessage(sql, message, sender);
      if (claimed === null) {
        const stored = await storedReply(sql, message);
        return { reply: stored === null ? null : resign(await signingKey(sql, services.db), stored), duplicate: true };
      }
      const { claim, recent } = claimed;
      if (flooding(recent) && !carriesAnomaly(message.text, services.config.thresholds)) return finish(sql, claim, message, sender, { text: messages.floodMessages(MESSAGES_PER_MINUTE), groupSafe: true });
      return finish(sql, claim, message, sender, await act(sql));
    });

  /**
   * An answer that records nothing. In the HTTP answer it needs no record; by API (DingTalk) the
   * message is claimed with it — no text, no staff — so a replay does not send it again.
   */
  const answerUnrecorded = async (message: IncomingMessage, text: string, log: typeof services.log): Promise<DispatchResult> => {
    const byApi = services.notifier.replyDestination(message);
    if (!byApi) return { reply: text, duplicate: false };
    const claimed = await services.db.tx(async (sql) => {
      if ((await claimMessage(sql, message, null)) === null) return false;
      await services.notifier.reply(sql, byApi, text);
      return true;
    });
    if (!claimed) log.info('re-delivery of a message answered without a record: already answered');
    options.afterCommit?.();
    return { reply: null, duplicate: !claimed };
  };

  return async (received) => {
    // A transcription is read with its spoken temperatures in digits; that is what is kept and shown back.
    const message = received.voice && received.kind === 'text' ? { ...received, text: spokenNumbers(received.text) } : received;
    const log = services.log.child({ platform: message.platform, msgId: message.messageId });
    if (message.kind === 'event') return { reply: null, duplicate: false };
    // The operator's one way to learn a group's id (docs/deployment.md): @ the bot in the leadership group, read it here.
    if (message.isGroup && message.chatId) log.info({ chatId: message.chatId }, 'message in a group chat: for the leadership group, this chatId is DINGTALK_LEADER_CONVERSATION_ID (DingTalk) or WECOM_BOT_LEADER_CHAT_ID (WeCom intelligent bot)');
    const sender = await services.directory.findByPlatformUser(message.platform, message.userId);
    if (!sender) {
      log.info('message from a sender not in the directory');
      return { ...(await answerUnrecorded(message, messages.unregistered(), log)), stranger: true };
    }
    // A voice message without text is answered and kept nowhere (SPEC §16).
    if (message.voice && message.kind !== 'text') return answerUnrecorded(message, voiceMessages.noText(), log);
    let result: DispatchResult;
    try {
      result = await handle(message, sender, (sql) => answer(message, sender, sql));
    } catch (err) {
      // A database blip that outlasted its retries: nothing is claimed, and the error reaches the
      // platform's edge (HTTP 503, a frame left unacknowledged) so the platform delivers it again.
      if (isTransient(err)) {
        log.warn({ error: (err as Error).message }, 'database unavailable: message not claimed; the platform will re-deliver it');
        throw err;
      }
      // The command's own writes are rolled back; the message is still recorded with its answer.
      // A refusal may name people (an unknown or ambiguous name): it goes where the command's reply would.
      const reply: Reply = { text: err instanceof UserError ? err.reply : messages.systemBusy(), groupSafe: !(err instanceof UserError) };
      if (!(err instanceof UserError)) log.error({ err }, 'command failed');
      result = await handle(message, sender, async () => reply);
    }
    if (result.duplicate) log.info('re-delivery answered with the stored reply');
    options.afterCommit?.();
    return result;
  };
}

/**
 * Inserts the claim of (platform, message id, sender) and counts the sender's
 * messages of the minute before (see RECENT_MESSAGES) in the same statement;
 * null when another delivery of the same message holds it. A stranger's claim
 * keeps neither their text nor a staff id.
 */
async function claimMessage(sql: Sql, message: IncomingMessage, sender: Person | null): Promise<{ claim: number; recent: number } | null> {
  const rows = await sql.all<{ id: unknown; recent: unknown }>(
    `INSERT INTO inbound_message (platform, message_id, sender_id, staff_id, text, received_at, platform_time)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, message_id, sender_id) DO NOTHING RETURNING id, ${RECENT_MESSAGES} AS recent`,
    [
      message.platform,
      message.messageId,
      message.userId,
      sender?.id ?? null,
      sender ? asKept(message.text) : '',
      message.receivedAt.toISOString(),
      message.platformTime?.toISOString() ?? null,
      ...recentParams(message),
    ],
  );
  return rows.length ? { claim: Number(rows[0].id), recent: Number(rows[0].recent) } : null;
}

/** Over the HTTP body limit (SPEC §2, §14): a text no callback could have carried. */
function oversized(text: string): boolean {
  return text.length > MAX_BODY_BYTES / 4 && Buffer.byteLength(text) > MAX_BODY_BYTES;
}

/**
 * The text as the message log keeps it: phone and ID numbers masked in any
 * spelling the grammar reads (SPEC §12); of an oversized text only its opening.
 */
function asKept(text: string): string {
  if (!oversized(text)) return maskPersonalNumbers(text);
  // The opening, less any digits cut short at its end (they could be part of a number).
  const opening = maskPersonalNumbers(Array.from(text).slice(0, 200).join('')).replace(/[\d\s\-.,，、]+$/, '');
  return `${opening}…（超长消息，未保存全文）`;
}

async function storedReply(sql: Sql, message: IncomingMessage): Promise<string | null> {
  const [row] = await sql.all<{ reply: string | null }>('SELECT reply FROM inbound_message WHERE platform = ? AND message_id = ? AND sender_id = ?', [
    message.platform,
    message.messageId,
    message.userId,
  ]);
  return row?.reply ?? null;
}
