import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ConfigError, environmentWithDotenv, loadConfig } from '../bot/config';
import { createLogger } from '../bot/log';
import { runCli } from './support/cli';

const wecom = {
  WECOM_CORP_ID: 'ww1436e0e65a779aee',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'app-secret-value',
  WECOM_TOKEN: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  WECOM_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
};

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('starts with no variables at all: SQLite, Asia/Shanghai, no platform, the simulator on', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).to.equal('sqlite:data/hallguard.sqlite');
    expect(config.timezone).to.equal('Asia/Shanghai');
    expect(config.port).to.equal(3000);
    expect(config.wecom).to.equal(undefined);
    expect(config.simulator).to.equal(true);
    expect(config.thresholds).to.deep.equal({ fever: 37.3, highFever: 37.5 });
  });

  it('turns WeCom on when its five variables are set, and the simulator off', () => {
    const config = loadConfig({ ...wecom, WECOM_API_BASE: 'http://127.0.0.1:9999/' });
    expect(config.wecom).to.include({ corpId: wecom.WECOM_CORP_ID, agentId: '1000002', apiBase: 'http://127.0.0.1:9999' });
    expect(config.simulator).to.equal(false);
  });

  it('binds to 127.0.0.1 when HOST is not set and the simulator is on (no platform)', () => {
    expect(loadConfig({}).host).to.equal('127.0.0.1');
    expect(loadConfig({ HOST: '  ' }).host).to.equal('127.0.0.1');
  });

  it('binds to 127.0.0.1 when HOST is not set and SIMULATOR=on beside a platform', () => {
    expect(loadConfig({ ...wecom, SIMULATOR: 'on' }).host).to.equal('127.0.0.1');
  });

  it('binds to 0.0.0.0 when HOST is not set and a platform is configured without the simulator', () => {
    expect(loadConfig(wecom).host).to.equal('0.0.0.0');
    expect(loadConfig({ SIMULATOR: 'off' }).host).to.equal('0.0.0.0');
  });

  it('lets an explicit HOST win, simulator or not', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).to.equal('0.0.0.0');
    expect(loadConfig({ HOST: '192.168.1.20', SIMULATOR: 'on' }).host).to.equal('192.168.1.20');
    expect(loadConfig({ ...wecom, HOST: '127.0.0.1' }).host).to.equal('127.0.0.1');
  });

  it('makes PUBLIC_URL default to the address the service listens on, and lets a given one win', () => {
    expect(loadConfig({ PORT: '21080' })).to.include({ publicUrl: 'http://127.0.0.1:21080', publicUrlGiven: false });
    expect(loadConfig({ PORT: '21080', HOST: '0.0.0.0' }).publicUrl).to.equal('http://127.0.0.1:21080');
    expect(loadConfig({ PORT: '21080', HOST: '::' }).publicUrl).to.equal('http://127.0.0.1:21080');
    expect(loadConfig({ PORT: '21080', HOST: '::1' }).publicUrl).to.equal('http://[::1]:21080');
    expect(loadConfig({ PORT: '21080', HOST: '192.168.1.20' }).publicUrl).to.equal('http://192.168.1.20:21080');
    expect(loadConfig({ ...wecom }).publicUrl).to.equal('http://127.0.0.1:3000');
    expect(loadConfig({ PORT: '21080', PUBLIC_URL: 'https://hallguard.example.gov.cn/' })).to.include({ publicUrl: 'https://hallguard.example.gov.cn', publicUrlGiven: true });
  });

  it('names each missing WeCom variable when only some are set', () => {
    const message = problemsOf({ WECOM_CORP_ID: 'ww1', WECOM_TOKEN: 't' });
    expect(message).to.contain('WECOM_AGENT_ID').and.contain('WECOM_SECRET').and.contain('WECOM_AES_KEY');
  });

  it('names a malformed variable with what was expected', () => {
    expect(problemsOf({ PORT: 'eighty' })).to.contain('PORT');
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).to.contain('DATABASE_URL');
    expect(problemsOf({ TIMEZONE: 'Mars/Base' })).to.contain('TIMEZONE');
    expect(problemsOf({ FEVER_THRESHOLD: 'hot' })).to.contain('FEVER_THRESHOLD');
    expect(problemsOf({ CRON_MORNING_NUDGE: 'every morning' })).to.contain('CRON_MORNING_NUDGE');
    expect(problemsOf({ ...wecom, WECOM_AES_KEY: 'short' })).to.contain('WECOM_AES_KEY');
    expect(problemsOf({ DINGTALK_MODE: 'websocket' })).to.contain('DINGTALK_MODE');
    expect(problemsOf({ DINGTALK_STREAM_ENDPOINT: 'gateway' })).to.contain('DINGTALK_STREAM_ENDPOINT');
  });

  it('turns the WeCom intelligent bot on with its id and secret alone, on the official long-connection address', () => {
    const config = loadConfig({ WECOM_BOT_ID: 'aib1', WECOM_BOT_SECRET: 's' });
    expect(config.wecomBot).to.deep.equal({ botId: 'aib1', secret: 's', wsUrl: 'wss://openws.work.weixin.qq.com', leaderChatId: undefined });
    expect(config.wecom).to.equal(undefined);
    expect(config.simulator).to.equal(false);
    expect(problemsOf({ WECOM_BOT_ID: 'aib1' })).to.contain('WECOM_BOT_SECRET');
    expect(problemsOf({ WECOM_BOT_ID: 'aib1', WECOM_BOT_SECRET: 's', WECOM_BOT_WS_URL: 'https://x' })).to.contain('WECOM_BOT_WS_URL');
  });

  it('takes DingTalk in HTTP mode unless DINGTALK_MODE=stream, which needs only the app credentials', () => {
    const app = { DINGTALK_APP_KEY: 'k', DINGTALK_APP_SECRET: 's', DINGTALK_ROBOT_CODE: 'k' };
    expect(loadConfig(app).dingtalk).to.include({ mode: 'http' });
    expect(loadConfig({ ...app, DINGTALK_MODE: 'stream' }).dingtalk).to.include({ mode: 'stream', streamEndpoint: 'https://api.dingtalk.com' });
  });

  it('never repeats a secret value in its message', () => {
    const message = problemsOf({ ...wecom, WECOM_AES_KEY: 'not-a-valid-key-but-secret' });
    expect(message).not.to.contain('not-a-valid-key-but-secret');
  });

  for (const name of ['DASHBOARD_TOKEN', 'SIMULATOR_TOKEN']) {
    it(`refuses a ${name} shorter than 16 characters, without echoing it, and takes a long one`, () => {
      expect(problemsOf({ [name]: 'a' })).to.match(new RegExp(`${name}: expected at least 16 characters`));
      expect(problemsOf({ [name]: 'fifteen-chars15' })).to.contain('at least 16 characters').and.not.contain('fifteen-chars15');
      expect(() => loadConfig({ [name]: 'sixteen-chars-16' })).to.not.throw();
    });
  }

  it('reads HALL_NAME, the unit heading the report, the brief and the dashboard; unset names none; refuses one over 40 characters or on two lines', () => {
    expect(loadConfig({ HALL_NAME: ' 台州市行政服务中心 ' }).hallName).to.equal('台州市行政服务中心');
    expect(loadConfig({}).hallName).to.equal(undefined);
    expect(problemsOf({ HALL_NAME: '台'.repeat(41) })).to.contain('HALL_NAME').and.contain('40');
    expect(problemsOf({ HALL_NAME: '台州市\n行政服务中心' })).to.contain('HALL_NAME');
  });

  it('refuses a high-fever threshold below the fever threshold', () => {
    expect(problemsOf({ FEVER_THRESHOLD: '37.8', HIGH_FEVER_THRESHOLD: '37.5' })).to.contain('HIGH_FEVER_THRESHOLD');
  });

  it('reads .env underneath the environment: variables already set win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nTIMEZONE=Asia/Urumqi\nCRON_MORNING_NUDGE=15 7 * * *\n');
    const config = loadConfig(environmentWithDotenv(file, { PORT: '5000' }));
    expect(config.port).to.equal(5000);
    expect(config.timezone).to.equal('Asia/Urumqi');
    expect(config.cron.morningNudge).to.equal('15 7 * * *');
  });

  it('treats the blank lines of .env.example as unset', () => {
    const config = loadConfig(environmentWithDotenv(new URL('../.env.example', import.meta.url).pathname, {}));
    expect(config.wecom).to.equal(undefined);
    expect(config.databaseUrl).to.equal('sqlite:data/hallguard.sqlite');
    expect(config.host, 'a copied .env.example keeps the simulator on loopback').to.equal('127.0.0.1');
  });
});

describe('URLs with credentials in errors and logs', () => {
  const password = 'S3cr3t-Pa55';
  const malformed = [
    `postgres://admin:${password}@db host:5432/hall`,
    `postgres://admin:${password}@db:notaport/hall`,
    `postgresql://admin:${password}/x@db/hall`,
    `postgres:admin:${password}@db/hall`,
    `mysql://admin:${password}@db/hall`,
  ];

  for (const value of malformed) {
    it(`refuses DATABASE_URL=${value.replace(password, '<password>')} naming the variable, never echoing the password`, () => {
      const message = problemsOf({ DATABASE_URL: value });
      expect(message).to.contain('DATABASE_URL');
      expect(message).not.to.contain(password);
    });
  }

  it('masks the userinfo of any URL-valued variable it echoes', () => {
    const message = problemsOf({ PUBLIC_URL: `ftp://ops:${password}@hall.example` });
    expect(message).to.contain('PUBLIC_URL').and.contain('hall.example');
    expect(message).not.to.contain(password);
  });

  it('refuses a service address with credentials in it, without echoing them', () => {
    for (const name of ['PUBLIC_URL', 'WECOM_API_BASE', 'DINGTALK_OAPI_BASE']) {
      const message = problemsOf({ [name]: `https://ops:${password}@hall.example` });
      expect(message).to.contain(name).and.contain('hall.example');
      expect(message).not.to.contain(password);
    }
  });

  it('logs an error quoting a database URL without its password', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(line) });
    log.error({ err: new Error(`cannot connect to postgres://admin:${password}@db.internal:5432/hall`) }, 'database unreachable');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.contain('db.internal').and.contain('database unreachable');
    expect(lines[0]).not.to.contain(password);
  });

  it('the CLI names a database it cannot open without its password', async function () {
    this.timeout(20_000);
    const { code, stderr } = await runCli(['staff', 'list'], { DATABASE_URL: `postgres://admin:${password}@127.0.0.1:1/hall` });
    expect(code).not.to.equal(0);
    expect(stderr).to.contain('DATABASE_URL').and.contain('127.0.0.1:1');
    expect(stderr).not.to.contain(password);
  });
});
