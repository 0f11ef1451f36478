/** A backup or restore that cannot be done as asked; the message tells the operator what to do instead. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
