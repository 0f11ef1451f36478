import { Init1795370867311 } from './1795370867311-Init';

/** Every postgres migration, oldest first. */
export const postgresMigrations: Function[] = [Init1795370867311];
