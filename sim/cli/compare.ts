/** `htmsim compare`: commander wiring for reports/compare.ts. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { compareResults, comparisonHtml, formatComparison } from '../../reports/compare.js';
import { ReportError } from '../../reports/errors.js';
import { UserError } from '../common/errors.js';
import { action } from './action.js';

/** Registers `htmsim compare DIR_A DIR_B`: each metric's ratio per matched point, table and HTML. */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare two results directories point by point (matched by parameters): each metric\'s ratio B/A,\n' +
      'flagged when it moves by more than the repetitions\' noise; a table on stdout and an HTML page')
    .argument('<dirA>', 'the reference results directory')
    .argument('<dirB>', 'the results directory to compare with it')
    .option('--html <file>', 'where to write the HTML page (default: DIR_B/compare.html)')
    .action(action(async (dirA: string, dirB: string, opts: { html?: string }) => {
      let c;
      try {
        c = compareResults(dirA, dirB);
      } catch (err) {
        if (err instanceof ReportError) throw new UserError(err.message);
        throw err;
      }
      process.stdout.write(formatComparison(c));
      const html = opts.html ?? join(dirB, 'compare.html');
      writeFileSync(html, comparisonHtml(c));
      process.stderr.write(`htmsim compare: wrote ${html}\n`);
      return 0;
    }));
}
