import { openTestDatabase, seedStaff, testDatabaseUrl } from './db';
import { FakeWecom } from './fake-wecom';
import { PEOPLE } from './hall';
import { wecomEnv } from './wecom-client';

/** Mocha hooks around a describe: a {@link cliHall} opened before its tests and its fake closed after them. */
export function useCliHall(): { fake: FakeWecom; env: Record<string, string> } {
  const hall = {} as { fake: FakeWecom; env: Record<string, string> };
  before(async () => Object.assign(hall, await cliHall()));
  after(() => hall.fake.close());
  return hall;
}

/** A hall for CLI tests: the usual people in a database other processes reach, a fake WeCom, and the environment pointing at both. */
export async function cliHall(): Promise<{ fake: FakeWecom; env: Record<string, string> }> {
  const fake = await FakeWecom.start();
  const url = testDatabaseUrl(true);
  const db = await openTestDatabase(undefined, url);
  await seedStaff(db, PEOPLE);
  await db.close();
  return { fake, env: { ...wecomEnv(fake.url), DATABASE_URL: url, LOG_LEVEL: 'error' } };
}
