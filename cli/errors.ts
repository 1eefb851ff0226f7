// A mistake in the user's input: printed without a stack trace, exit code 2 (CONTRACT.md).
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
