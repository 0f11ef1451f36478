import { Init1795370867311 } from './1795370867311-Init';

/** Every sqlite migration, oldest first. */
export const sqliteMigrations: Function[] = [Init1795370867311];
