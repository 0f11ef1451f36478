import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What an audited access to personal data was (SPEC §12). */
export type AuditAction = 'export-visitors' | 'export-reports' | 'view-contacts' | 'view-case' | 'export-incident-report';

/**
 * One access to personal data: an export, or a dashboard view of an
 * incident's contacts. Never deleted by `privacy-purge`: the log outlives
 * the data it is about.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_at', ['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 24 })
  at: string;

  /** Who: a staff member's name and id, `cli` (the operator's shell) or `dashboard-token`. */
  @Column({ type: 'varchar', length: 96 })
  actor: string;

  @Column({ type: 'varchar', length: 32 })
  action: AuditAction;

  /** What was accessed: the date range, the incident number, the file written. */
  @Column({ type: 'text' })
  detail: string;
}
