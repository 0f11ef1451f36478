import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { cron, decimal, describeValue, isTimeZone, list, optional, token, url } from './config/fields';
import { listeningAddress } from './config/public-url';
import { parseAreas, parseRounds, type DisinfectionPlan } from './disinfection/plan';
import { parseDueMinutes, type StepName } from './incidents/steps';

/** Every variable of SPEC §7, with its default; names here are the operator's names. */
const schema = z
  .object({
    PORT: z.string().trim().default('3000').pipe(z.coerce.number<string>().int().min(0).max(65535)),
    HOST: optional,
    DATABASE_URL: z
      .string()
      .trim()
      .default('sqlite:data/hallguard.sqlite')
      .refine((v) => /^sqlite:.+/.test(v) || (/^postgres(ql)?:\/\/.+/.test(v) && URL.canParse(v)), 'expected sqlite:<path> or postgres://user:password@host:port/database (special characters of the password percent-encoded)'),
    TIMEZONE: z
      .string()
      .trim()
      .default('Asia/Shanghai')
      .refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    WECOM_CORP_ID: optional,
    WECOM_AGENT_ID: optional.refine((v) => v === undefined || /^\d+$/.test(v), 'expected the numeric AgentId'),
    WECOM_SECRET: optional,
    WECOM_TOKEN: optional,
    WECOM_AES_KEY: optional.refine((v) => v === undefined || /^[A-Za-z0-9]{43}$/.test(v), 'expected the 43-character EncodingAESKey'),
    WECOM_API_BASE: url('https://qyapi.weixin.qq.com'),
    WECOM_LEADER_WEBHOOK_KEY: optional,
    WECOM_LEADER_CHAT_ID: optional,

    WECOM_BOT_ID: optional,
    WECOM_BOT_SECRET: optional,
    WECOM_BOT_WS_URL: z.string().trim().default('wss://openws.work.weixin.qq.com').pipe(z.url({ protocol: /^wss?$/ })),
    WECOM_BOT_LEADER_CHAT_ID: optional,

    DINGTALK_APP_KEY: optional,
    DINGTALK_APP_SECRET: optional,
    DINGTALK_ROBOT_CODE: optional,
    DINGTALK_API_BASE: url('https://api.dingtalk.com'),
    DINGTALK_OAPI_BASE: url('https://oapi.dingtalk.com'),
    DINGTALK_LEADER_CONVERSATION_ID: optional,
    DINGTALK_LEADER_WEBHOOK: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DINGTALK_LEADER_SECRET: optional,
    DINGTALK_MODE: z.enum(['http', 'stream']).default('http'),
    DINGTALK_STREAM_ENDPOINT: url('https://api.dingtalk.com'),

    FEVER_THRESHOLD: decimal('37.3'),
    HIGH_FEVER_THRESHOLD: decimal('37.5'),
    OBSERVATION_DAYS: z.string().trim().default('3').pipe(z.coerce.number<string>().int().min(1).max(28)),

    CRON_MORNING_NUDGE: cron('30 7 * * *'),
    CRON_MORNING_SUMMARY: cron('45 8 * * *'),
    CRON_ROSTER_REMINDER: cron('0 15 * * *'),
    CRON_ROSTER_DEADLINE: cron('0 16 * * *'),
    CRON_ALERT_ESCALATION: cron('*/5 * * * *'),
    CRON_CALENDAR_WARNING: cron('0 9 * * *'),
    CRON_INCIDENT_DEADLINES: cron('*/5 * * * *'),
    CRON_CONTACT_READINGS: cron('0 8,14 * * *'),
    CRON_PRIVACY_PURGE: cron('30 2 * * *'),
    VISITOR_RETENTION_DAYS: z.string().trim().default('28').pipe(z.coerce.number<string>().int().min(1).max(3650)),
    REPORT_RETENTION_DAYS: optional.pipe(z.coerce.number<string>().int().min(1).max(36500).optional()),
    CRON_DAILY_BRIEF: cron('30 17 * * *'),
    CRON_BACKUP: cron('0 2 * * *'),
    BACKUP_DIR: optional,
    BACKUP_KEEP: z.string().trim().default('14').pipe(z.coerce.number<string>().int().min(1).max(3650)),
    METRICS_TOKEN: token,
    ALERT_REPUSH_MINUTES: z.string().trim().default('30').pipe(z.coerce.number<string>().int().min(1).max(1440)),
    PROCEDURE_DUE_MINUTES: list('', parseDueMinutes, ' (e.g. 隔离=15,送医=60)'),
    DISINFECTION_AREAS: list('公共区域(大厅|大堂),税务区,网办区,休息区,自助服务区', parseAreas),
    DISINFECTION_ROUNDS: list('08:00,12:00,17:30', parseRounds),

    HALL_NAME: optional.refine((v) => v === undefined || ([...v].length <= 40 && !/[\r\n]/.test(v)), 'expected the unit’s name on one line, at most 40 characters (e.g. 台州市行政服务中心)'),
    // Its default, the address the service listens on, is made from PORT and HOST below.
    PUBLIC_URL: url('http://127.0.0.1'),
    DASHBOARD_TOKEN: token,
    SIMULATOR: z.enum(['auto', 'on', 'off']).default('auto'),
    SIMULATOR_TOKEN: token,
    SIMULATOR_ALLOW_PLATFORM_USERS: z.enum(['yes', 'no']).default('no'),
  })
  .superRefine((env, ctx) => {
    requireTogether(env, ctx, ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY']);
    requireTogether(env, ctx, ['WECOM_BOT_ID', 'WECOM_BOT_SECRET']);
    requireTogether(env, ctx, ['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET', 'DINGTALK_ROBOT_CODE']);
    if (env.DINGTALK_LEADER_WEBHOOK && !env.DINGTALK_LEADER_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['DINGTALK_LEADER_SECRET'], message: 'required with DINGTALK_LEADER_WEBHOOK (the SEC… secret of the robot)' });
    }
    if (env.HIGH_FEVER_THRESHOLD < env.FEVER_THRESHOLD) {
      ctx.addIssue({ code: 'custom', path: ['HIGH_FEVER_THRESHOLD'], message: 'must not be below FEVER_THRESHOLD' });
    }
  });

type Env = z.infer<typeof schema>;

/** The name of every variable the service reads (SPEC §7), as .env.example and the docs must spell them. */
export const VARIABLES: readonly string[] = Object.keys(schema.shape);

function requireTogether(env: Env, ctx: z.RefinementCtx, names: (keyof Env)[]): void {
  const set = names.filter((n) => env[n] !== undefined);
  if (set.length === 0 || set.length === names.length) return;
  for (const name of names.filter((n) => env[n] === undefined)) {
    ctx.addIssue({ code: 'custom', path: [name], message: `required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set` });
  }
}

export interface WecomConfig {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  aesKey: string;
  apiBase: string;
  leaderWebhookKey?: string;
  leaderChatId?: string;
}

/** The WeCom intelligent bot (智能机器人) on its long connection. */
export interface WecomBotConfig {
  botId: string;
  secret: string;
  wsUrl: string;
  /** chatid of the leadership group the bot is in. */
  leaderChatId?: string;
}

export interface DingtalkConfig {
  appKey: string;
  appSecret: string;
  robotCode: string;
  apiBase: string;
  oapiBase: string;
  leaderConversationId?: string;
  leaderWebhook?: string;
  leaderSecret?: string;
  /** `http`: the callback route; `stream`: the service dials DingTalk's Stream gateway and needs no public address. */
  mode: 'http' | 'stream';
  /** Base of the Stream gateway (`POST /v1.0/gateway/connections/open`). */
  streamEndpoint: string;
}

export interface Config {
  port: number;
  /** HTTP listener address: HOST when set, else 127.0.0.1 while the simulator is on and 0.0.0.0 otherwise. */
  host: string;
  databaseUrl: string;
  timezone: string;
  logLevel: Env['LOG_LEVEL'];
  wecom?: WecomConfig;
  wecomBot?: WecomBotConfig;
  dingtalk?: DingtalkConfig;
  thresholds: { fever: number; highFever: number };
  /** Days an anomalous reading stays in every cross-check, summary and chart (today included), whatever follows it. */
  observationDays: number;
  cron: { morningNudge: string; morningSummary: string; rosterReminder: string; rosterDeadline: string; alertEscalation: string; calendarWarning: string; incidentDeadlines: string; contactReadings: string; privacyPurge: string; dailyBrief: string; backup: string };
  /** The daily `backup` job (SPEC §5): where its files go (unset: no daily backup) and how many of them are kept. */
  backup: { dir?: string; keep: number };
  /** Bearer token for `/metrics` from beyond loopback (unset: loopback only). */
  metricsToken?: string;
  /** Days a visitor's record is kept before `privacy-purge` deletes it (SPEC §12). */
  visitorRetentionDays: number;
  /** Days staff readings are kept; undefined: kept (SPEC §12). */
  reportRetentionDays?: number;
  alertRepushMinutes: number;
  /** Minutes from an incident's opening by which each step is due (SPEC §11). */
  procedureDueMinutes: Record<StepName, number>;
  /** The areas and round times of the daily disinfection (SPEC §13); the rounds also make the disinfection jobs' schedules. */
  disinfection: DisinfectionPlan;
  /** The unit's name (台州市行政服务中心), heading the report upward, the daily brief and the dashboard (SPEC §7); unset: not named. */
  hallName?: string;
  /**
   * Base of the links the bot sends (看板, chart images): PUBLIC_URL, else the
   * address the service listens on — from PORT and HOST here, corrected by the
   * service's listen() to the port it really got.
   */
  publicUrl: string;
  /** Whether PUBLIC_URL was set (else listen() fills publicUrl in). */
  publicUrlGiven: boolean;
  dashboardToken?: string;
  /** Serve the local chat simulator at GET / (on when no platform is configured, unless SIMULATOR=off). */
  simulator: boolean;
  /** The simulator's access token; one is generated at start when it listens beyond loopback without one. */
  simulatorToken?: string;
  /** Let the simulator start on a database whose directory holds WeCom or DingTalk users (SIMULATOR_ALLOW_PLATFORM_USERS=yes). */
  simulatorAllowPlatformUsers: boolean;
}

/** Raised when the environment cannot start the service; the message names every variable to fix. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration — fix these variables (in the environment or .env; see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration once. Empty strings count as unset, so a
 * blank line copied from .env.example falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}${describeValue(present, i.path[0])}`));
  }
  const e = parsed.data;
  const wecom: WecomConfig | undefined = e.WECOM_CORP_ID
    ? {
        corpId: e.WECOM_CORP_ID,
        agentId: e.WECOM_AGENT_ID!,
        secret: e.WECOM_SECRET!,
        token: e.WECOM_TOKEN!,
        aesKey: e.WECOM_AES_KEY!,
        apiBase: e.WECOM_API_BASE,
        leaderWebhookKey: e.WECOM_LEADER_WEBHOOK_KEY,
        leaderChatId: e.WECOM_LEADER_CHAT_ID,
      }
    : undefined;
  const wecomBot: WecomBotConfig | undefined = e.WECOM_BOT_ID
    ? { botId: e.WECOM_BOT_ID, secret: e.WECOM_BOT_SECRET!, wsUrl: e.WECOM_BOT_WS_URL, leaderChatId: e.WECOM_BOT_LEADER_CHAT_ID }
    : undefined;
  const dingtalk: DingtalkConfig | undefined = e.DINGTALK_APP_KEY
    ? {
        appKey: e.DINGTALK_APP_KEY,
        appSecret: e.DINGTALK_APP_SECRET!,
        robotCode: e.DINGTALK_ROBOT_CODE!,
        apiBase: e.DINGTALK_API_BASE,
        oapiBase: e.DINGTALK_OAPI_BASE,
        leaderConversationId: e.DINGTALK_LEADER_CONVERSATION_ID,
        leaderWebhook: e.DINGTALK_LEADER_WEBHOOK,
        leaderSecret: e.DINGTALK_LEADER_SECRET,
        mode: e.DINGTALK_MODE,
        streamEndpoint: e.DINGTALK_STREAM_ENDPOINT,
      }
    : undefined;
  const simulator = e.SIMULATOR === 'on' || (e.SIMULATOR === 'auto' && !wecom && !wecomBot && !dingtalk);
  // The simulator has no login: unless HOST says otherwise, only this machine may reach it.
  const host = e.HOST ?? (simulator ? '127.0.0.1' : '0.0.0.0');
  const publicUrlGiven = present.PUBLIC_URL !== undefined;
  return {
    port: e.PORT,
    host,
    databaseUrl: e.DATABASE_URL,
    timezone: e.TIMEZONE,
    logLevel: e.LOG_LEVEL,
    wecom,
    wecomBot,
    dingtalk,
    thresholds: { fever: e.FEVER_THRESHOLD, highFever: e.HIGH_FEVER_THRESHOLD },
    observationDays: e.OBSERVATION_DAYS,
    cron: {
      morningNudge: e.CRON_MORNING_NUDGE,
      morningSummary: e.CRON_MORNING_SUMMARY,
      rosterReminder: e.CRON_ROSTER_REMINDER,
      rosterDeadline: e.CRON_ROSTER_DEADLINE,
      alertEscalation: e.CRON_ALERT_ESCALATION,
      calendarWarning: e.CRON_CALENDAR_WARNING,
      incidentDeadlines: e.CRON_INCIDENT_DEADLINES,
      contactReadings: e.CRON_CONTACT_READINGS,
      privacyPurge: e.CRON_PRIVACY_PURGE,
      dailyBrief: e.CRON_DAILY_BRIEF,
      backup: e.CRON_BACKUP,
    },
    backup: { dir: e.BACKUP_DIR, keep: e.BACKUP_KEEP },
    metricsToken: e.METRICS_TOKEN,
    visitorRetentionDays: e.VISITOR_RETENTION_DAYS,
    reportRetentionDays: e.REPORT_RETENTION_DAYS,
    alertRepushMinutes: e.ALERT_REPUSH_MINUTES,
    procedureDueMinutes: e.PROCEDURE_DUE_MINUTES,
    disinfection: { ...e.DISINFECTION_AREAS, rounds: e.DISINFECTION_ROUNDS },
    hallName: e.HALL_NAME,
    publicUrl: publicUrlGiven ? e.PUBLIC_URL : listeningAddress(host, e.PORT),
    publicUrlGiven,
    dashboardToken: e.DASHBOARD_TOKEN,
    simulator,
    simulatorToken: e.SIMULATOR_TOKEN,
    simulatorAllowPlatformUsers: e.SIMULATOR_ALLOW_PLATFORM_USERS === 'yes',
  };
}

/**
 * The environment with `.env` (when present) filled in underneath: variables
 * already set in the real environment win, as SPEC §7 asks.
 */
export function environmentWithDotenv(path = '.env', env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!existsSync(path)) return env;
  return { ...parseEnv(readFileSync(path, 'utf8')), ...env };
}
