import type { Platform } from '../../entities';
import { eachRow, type Database, type Sql } from '../db/database';
import { rosterWindows } from '../health/figures';
import { PERSON_COLUMNS, type Person } from './person';

export { PERSON_COLUMNS, toPerson, type Person } from './person';

const VERSION_KEY = 'directory_version';

/** Marks the directory as changed, so every running instance reloads it. Call inside the changing transaction. */
export async function bumpDirectoryVersion(sql: Sql, now: Date): Promise<void> {
  await sql.run(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [VERSION_KEY, `${now.toISOString()}#${Math.random().toString(36).slice(2)}`],
  );
}

/**
 * The staff directory, cached in memory: the webhook path looks people up
 * without a query. Another process (the CLI import) changes the directory by
 * bumping its version; the cache checks the version at most every
 * `checkEveryMs` and reloads when it moved.
 */
export class Directory {
  private byId = new Map<number, Person>();
  private byWecom = new Map<string, Person>();
  private byDingtalk = new Map<string, Person>();
  /** A name shared by several people maps to all of them; most names are one person's. */
  private byName = new Map<string, Person | Person[]>();
  private windowNames = new Set<string>();
  private keepingRosters: string[] = [];
  private version: string | null = null;
  private checkedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly checkEveryMs = 2000,
  ) {}

  /** The active person with this platform user id, or undefined. */
  async findByPlatformUser(platform: Platform, userId: string): Promise<Person | undefined> {
    await this.fresh();
    if (platform === 'wecom') return this.byWecom.get(userId);
    if (platform === 'dingtalk') return this.byDingtalk.get(userId);
    return /^\d+$/.test(userId) ? this.byId.get(Number(userId)) : undefined;
  }

  async findById(id: number): Promise<Person | undefined> {
    await this.fresh();
    return this.byId.get(id);
  }

  /** Active people with exactly this name (names may repeat across windows): one map lookup, whatever the size of the directory. */
  async findByName(name: string): Promise<Person[]> {
    await this.fresh();
    const found = this.byName.get(name);
    return found === undefined ? [] : Array.isArray(found) ? [...found] : [found];
  }

  /** The windows active people belong to (none empty). */
  async windows(): Promise<ReadonlySet<string>> {
    await this.fresh();
    return this.windowNames;
  }

  /** The windows that keep a roster (those with an active lead), sorted as people read them. */
  async rosterWindows(): Promise<readonly string[]> {
    await this.fresh();
    return this.keepingRosters;
  }

  /** Every active person. */
  async active(): Promise<Person[]> {
    await this.fresh();
    return [...this.byId.values()];
  }

  /** Records the platform a person last wrote from (nudges go there), in the caller's transaction. */
  async noteLastPlatform(sql: Sql, person: Person, platform: Platform): Promise<void> {
    if (person.lastPlatform === platform || platform === 'local') return;
    await sql.run('UPDATE staff SET last_platform = ? WHERE id = ?', [platform, person.id]);
    person.lastPlatform = platform;
  }

  /** Forgets the cache; the next lookup reloads. */
  invalidate(): void {
    this.checkedAt = -Infinity;
    this.version = null;
  }

  private async fresh(): Promise<void> {
    if (performance.now() - this.checkedAt < this.checkEveryMs) return;
    this.loading ??= this.reloadIfChanged().finally(() => (this.loading = null));
    await this.loading;
  }

  private async reloadIfChanged(): Promise<void> {
    const [row] = await this.db.all<{ value: string }>('SELECT value FROM app_meta WHERE key = ?', [VERSION_KEY]);
    const version = row?.value ?? '';
    if (version !== this.version) {
      // Streamed, with the few distinct windows and roles shared: 100,000 people stay well under 100 MB.
      const byId = new Map<number, Person>();
      const byWecom = new Map<string, Person>();
      const byDingtalk = new Map<string, Person>();
      const shared = new Map<string, string>();
      const intern = (s: string) => shared.get(s) ?? (shared.set(s, s), s);
      await eachRow<Record<string, unknown>>(this.db, `SELECT ${PERSON_COLUMNS} FROM staff WHERE active = ?`, [true], (row) => {
        const p: Person = {
          id: Number(row.id),
          name: row.name as string,
          window: intern(row.window as string),
          role: intern(row.role as string) as Person['role'],
          wecomUserId: row.wecomUserId as string | null,
          dingtalkUserId: row.dingtalkUserId as string | null,
          mobile: row.mobile as string | null,
          active: true,
          lastPlatform: row.lastPlatform as Person['lastPlatform'],
        };
        byId.set(p.id, p);
        if (p.wecomUserId) byWecom.set(p.wecomUserId, p);
        if (p.dingtalkUserId) byDingtalk.set(p.dingtalkUserId, p);
      });
      const byName = new Map<string, Person | Person[]>();
      for (const p of byId.values()) {
        const namesake = byName.get(p.name);
        byName.set(p.name, namesake === undefined ? p : Array.isArray(namesake) ? [...namesake, p] : [namesake, p]);
      }
      const people = [...byId.values()];
      this.byId = byId;
      this.byWecom = byWecom;
      this.byDingtalk = byDingtalk;
      this.byName = byName;
      this.windowNames = new Set(people.map((p) => p.window).filter(Boolean));
      this.keepingRosters = rosterWindows(people);
      this.version = version;
    }
    this.checkedAt = performance.now();
  }
}
