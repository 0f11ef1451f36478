import type { Services } from '../command';
import type { Person } from '../directory/directory';
import { UserError } from '../errors';
import { contactMessages } from './contact-messages';
import { visitorContactLabel, type VisitorContactView } from './visitor-contacts';

/** The contacts named in a `密接` command: staff members and the incident's visitor contacts. */
export interface NamedContacts {
  people: Person[];
  visitors: VisitorContactView[];
}

/** A visitor written with the last 4 digits of their phone: 张三1111, 张三(1111), 张三（1111）, or 张三（138****1111）. */
const BY_PHONE = /^(.+?)[(（]?(?:\d{3}\*{4})?(\d{4})[)）]?$/;
/** A staff member written with their window: 张伟（1号窗口）. */
const BY_WINDOW = /^(.+?)[(（](.+)[)）]$/;

/**
 * What one name means: a staff member unique by name (or written with their
 * window), or a visitor contact of this incident unique by name (or written
 * with their phone's last 4 digits). A name shared by several is refused with
 * the ways to write each.
 */
async function resolve(name: string, staff: (bare: string) => Promise<Person[]>, visitors: VisitorContactView[]): Promise<Person | VisitorContactView> {
  const byPhone = BY_PHONE.exec(name);
  const qualified = byPhone ? visitors.filter((v) => v.name === byPhone[1] && v.phoneMasked.endsWith(byPhone[2])) : [];
  if (qualified.length === 1) return qualified[0];
  const byWindow = BY_WINDOW.exec(name);
  const [bare, window] = byWindow ? [byWindow[1], byWindow[2]] : [name, undefined];
  const people = (await staff(bare)).filter((p) => window === undefined || p.window === window);
  const named = [...people, ...(window === undefined ? visitors.filter((v) => v.name === bare) : []), ...qualified];
  if (named.length === 1) return named[0];
  if (named.length === 0) throw new UserError(contactMessages.unknownName(name));
  const ways = named.map((c) => ('phoneMasked' in c ? { label: `访客 ${visitorContactLabel(c)}`, written: `${c.name}${c.phoneMasked.slice(-4)}` } : { label: c.window || '无窗口', written: `${c.name}（${c.window || '无窗口'}）` }));
  throw new UserError(contactMessages.sharedName(byPhone && qualified.length ? byPhone[1] : bare, ways));
}

/** The people and visitor contacts a `密接` command names, every name resolved or none (a clear refusal). */
export async function contactsNamed(services: Services, visitors: VisitorContactView[], names: string[]): Promise<NamedContacts> {
  const found: NamedContacts = { people: [], visitors: [] };
  for (const name of names) {
    const contact = await resolve(name, (bare) => services.directory.findByName(bare), visitors);
    if ('phoneMasked' in contact) {
      if (!found.visitors.some((v) => v.id === contact.id)) found.visitors.push(contact);
    } else if (!found.people.some((p) => p.id === contact.id)) found.people.push(contact);
  }
  return found;
}
