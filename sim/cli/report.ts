import type { Command } from 'commander';
import { buildReport } from '../../reports/build-report.js';
import { ReportError } from '../../reports/errors.js';
import { UserError } from '../common/errors.js';
import { action } from './action.js';

/** Registers `htmsim report DIR`: rebuilds charts/*.png, report.html and report.md from stored results. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('rebuild charts/*.png, report.html and report.md of a results directory from its stored results')
    .argument('<dir>', 'results directory (results/<experiment>/)')
    .option('--no-png', 'skip the PNG charts (report.html still draws them in the browser)')
    .option('-q, --quiet', 'print nothing on success')
    .action(action(async (dir: string, opts: { png: boolean; quiet?: boolean }) => {
      let summary;
      try {
        summary = await buildReport(dir, { png: opts.png });
      } catch (err) {
        // Bad report input (no such directory, a bad `report:` section) is the user's to fix.
        if (err instanceof ReportError) throw new UserError(err.message);
        throw err;
      }
      if (opts.quiet) return 0;
      const p = summary.points;
      const of = p.total !== undefined ? ` of ${p.total}` : '';
      process.stdout.write(`${summary.html}\n${summary.markdown}\n`);
      process.stdout.write(`${p.present}${of} points (${p.ok} ok, ${p.failed} failed, ${p.missing} missing), ${summary.panels} charts, ${summary.charts.length} PNGs, ${summary.seconds.toFixed(2)} s\n`);
      for (const note of summary.notes) process.stderr.write(`htmsim report: note: ${note}\n`);
      return 0;
    }));
}
