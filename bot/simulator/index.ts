import type Router from '@koa/router';
import { helpExamplesFor } from '../../handlers';
import type { Core } from '../core';
import type { Logger } from '../log';
import { simulatorToken } from './access';
import { mountSimulator } from './routes';

/** The local simulator's console: the page at GET / and its routes, served by the service when no platform is configured. */
export interface SimulatorConsole {
  /** The token it requires, and whether it was generated at this start (to be shown once); null when none is required. */
  readonly access: { token: string; generated: boolean } | null;
  mount(router: Router): void;
}

/**
 * The console over the core: play every role of the hall in a browser (any
 * person of the directory, the leadership group, the scheduled jobs). What it
 * shows as delivered is what the local adapter's channels recorded in the
 * database, by this process or any other.
 */
export function createSimulatorConsole(core: Core, log: Logger): SimulatorConsole {
  const access = simulatorToken(core.config);
  const { config, db, services, dispatch, runner, outboxDispatcher } = core;
  return {
    access,
    mount(router) {
      mountSimulator(router, dispatch, {
        config,
        db,
        log,
        clock: services.clock,
        directory: services.directory,
        timezone: config.timezone,
        runner,
        kickOutbox: () => outboxDispatcher.kick(),
        token: access?.token ?? null,
        examples: (person) => helpExamplesFor(services, person),
      });
    },
  };
}
