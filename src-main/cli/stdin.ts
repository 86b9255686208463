import { readFileSync } from 'node:fs';

/** Limit on what the CLI reads from standard input (passwords, `--file -`). */
export const STDIN_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Standard input as lines, read once. Passwords never go in argv (cli.md): the password is the
 * first line; a second secret (a new user's password) is the second line.
 */
export class StdinLines {
  private lines: string[] | undefined;

  private load(): string[] {
    if (this.lines === undefined) {
      let text: string;
      try {
        text = readFileSync(0, 'utf8');
      } catch {
        text = '';
      }
      if (text.length > STDIN_MAX_BYTES) throw new Error('standard input is too large');
      this.lines = text.split(/\r?\n/);
    }
    return this.lines;
  }

  /** Everything after the first `index` lines (`--file -`: the password is line 1, the file follows). */
  restFrom(index: number): string {
    return this.load().slice(index).join('\n');
  }

  line(index: number, what: string): string {
    const value = this.load()[index];
    if (value === undefined || value === '') throw new StdinMissing(`${what} was expected on line ${index + 1} of standard input`);
    return value;
  }
}

export class StdinMissing extends Error {
  override readonly name = 'StdinMissing';
}
