/**
 * Claims made before the per-sender claim (migration ClaimPerSender) belong to
 * the sender of their staff record: the platform's user id, or the staff id for
 * the simulator. The same statement on SQLite and PostgreSQL.
 */
export const CLAIM_SENDER_BACKFILL = `UPDATE inbound_message SET sender_id = COALESCE((SELECT CASE inbound_message.platform WHEN 'wecom' THEN s.wecom_userid WHEN 'dingtalk' THEN s.dingtalk_userid ELSE CAST(s.id AS varchar(16)) END
    FROM staff s WHERE s.id = inbound_message.staff_id), '')`;
