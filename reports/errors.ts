/**
 * A problem with the report's input that the user must fix (no such directory, a bad report
 * spec): one line naming the file and key. The CLI prints it as a user error (exit 2); reports
 * cannot use sim/common's UserError because reports never import the simulator.
 */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}
