import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SETTLE_CLOSED_INCIDENT_ALERTS } from '../closed-incident-alerts';

/** Settles the alerts of incidents closed before 结案 settled them (data only; no schema change). */
export class ClosedIncidentAlertsSettled1796664847272 implements MigrationInterface {
  name = 'ClosedIncidentAlertsSettled1796664847272';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(SETTLE_CLOSED_INCIDENT_ALERTS);
  }

  /** The settled alerts stay settled: reopening them would show closed incidents' alerts as open again. */
  async down(): Promise<void> {}
}
