/**
 * A problem the sender can fix (bad value, unknown name, no permission). Its
 * message is the reply, from the catalog; the transaction is rolled back, so a
 * refused command leaves nothing half-written.
 */
export class UserError extends Error {
  constructor(readonly reply: string) {
    super(reply);
    this.name = 'UserError';
  }
}
