/**
 * Typed errors carry the contract's exit codes (CONTRACT.md, "Exit codes").
 * The CLI prints `message` and `hint` and exits with `exitCode`; anything else
 * that escapes is a bug (exit 1).
 */
export class CsPayError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3 | 4,
    readonly hint?: string,
    readonly code = 'error',
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad usage or input: exit 2. */
export class UsageError extends CsPayError {
  constructor(message: string, hint?: string, code = 'bad-input') {
    super(message, 2, hint, code);
  }
}

/** Invalid model, law or offer file: exit 3. */
export class ModelError extends CsPayError {
  constructor(message: string, hint?: string) {
    super(message, 3, hint, 'invalid-file');
  }
}

/** No rule in force for the date asked: exit 4. */
export class NoRuleError extends CsPayError {
  constructor(message: string, hint?: string) {
    super(message, 4, hint, 'no-rule');
  }
}
