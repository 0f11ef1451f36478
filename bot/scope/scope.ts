import type { Person } from '../directory/person';
import { UserError } from '../errors';
import { messages } from '../messages';

/**
 * What an actor may see (DESIGN-NEXT §1): a hall and, within it, a window.
 * `hall` undefined: every hall (the city; in a single-hall deployment, the
 * hall). `window` undefined: the whole of the hall. '' is the default hall of
 * a single-hall deployment, never "everything".
 */
export interface Scope {
  readonly hall?: string;
  readonly window?: string;
}

/** Who asks: a person of the directory, the operator holding DASHBOARD_TOKEN, or a job running for a scope. */
export type Actor = { person: Person } | { operator: Scope } | { job: Scope };

/** Why a person has no scope: a lead without a window (`''` would match everyone without one), or a window not theirs asked for. */
export type ScopeRefusal = 'no-window' | 'forbidden';

/** Things only some actors may do, answered by {@link can}. */
export type Action = 'acknowledge' | 'see-outbox' | 'see-incidents';

/**
 * The scope of an actor, narrowed to the window they asked for when they may
 * look at one (SPEC §3.4, §15): a lead their own window of their hall only; a
 * leader or an administrator their hall, or every hall without one; the
 * operator and a job what they were given.
 */
export function scopeOf(actor: Actor, asked?: { window?: string }): Scope | ScopeRefusal {
  if ('operator' in actor || 'job' in actor) {
    const given = 'operator' in actor ? actor.operator : actor.job;
    return asked?.window ? { ...given, window: asked.window } : given;
  }
  const { person } = actor;
  if (person.role === 'lead') {
    if (!person.window) return 'no-window';
    if (asked?.window !== undefined && asked.window !== person.window) return 'forbidden';
    return { hall: person.hall, window: person.window };
  }
  const hall = person.hall === '' ? undefined : person.hall;
  return withoutUndefined({ hall, window: asked?.window });
}

/** A person's scope in chat, where a refusal is the catalogued sentence (a lead without a window). */
export function chatScope(person: Person): Scope {
  const scope = scopeOf({ person });
  if (scope === 'no-window' || scope === 'forbidden') throw new UserError(messages.leadWithoutWindow());
  return scope;
}

/** Whether the actor may do it: acknowledging is a named leader's or administrator's (SPEC §1); the hall-wide panels are for those who see the whole hall. */
export function can(actor: Actor, action: Action): boolean {
  if (action === 'acknowledge') return 'person' in actor && (actor.person.role === 'leader' || actor.person.role === 'admin');
  return !('person' in actor && actor.person.role === 'lead');
}

/** Whether a person (or a row with a hall and a window) is within the scope. */
export function inScope(scope: Scope, row: { hall: string; window: string }): boolean {
  return (scope.hall === undefined || row.hall === scope.hall) && (scope.window === undefined || row.window === scope.window);
}

/** The people of the scope's hall (everyone for every hall), in their order; the window within it is the figures' to apply. */
export function peopleOfHall<T extends { hall: string }>(scope: Pick<Scope, 'hall'>, people: readonly T[]): T[] {
  return scope.hall === undefined ? [...people] : people.filter((p) => p.hall === scope.hall);
}

/**
 * The SQL condition for a scope over a table's hall and window columns,
 * ` AND …` to append to a WHERE, with its parameters; empty for every hall.
 */
export function where(scope: Scope, columns: { hall: string; window: string }): { sql: string; params: string[] } {
  const parts: [string, string | undefined][] = [
    [columns.hall, scope.hall],
    [columns.window, scope.window],
  ];
  const given = parts.filter((p): p is [string, string] => p[1] !== undefined);
  return { sql: given.map(([column]) => ` AND ${column} = ?`).join(''), params: given.map(([, value]) => value) };
}

/** How a reply or a page names the scope: the window, or 全大厅. */
export function scopeLabel(scope: Scope): string {
  return scope.window ?? '全大厅';
}

function withoutUndefined(scope: { hall?: string; window?: string }): Scope {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined));
}
