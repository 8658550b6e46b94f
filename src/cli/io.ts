/** What the CLI touches of the outside world; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  cwd: string;
  /** Whether stdout is a terminal (colours on). */
  isTTY: boolean;
  /** Writes a file atomically (temp file + rename), so a failed run never leaves half a report. */
  writeFile(path: string, content: string): Promise<void>;
  /**
   * Asks the user a question and returns the answer. Present only when stdin and stdout are a terminal;
   * `finlint init` asks nothing without it.
   */
  prompt?(question: string): Promise<string>;
  /** Today (for waiver expiry); defaults to the clock. */
  now?: () => Date;
}
