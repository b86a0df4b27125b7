/** Everything one report shows, gathered once and rendered as HTML and as Markdown. */
import type { ChartPanel } from './chart-data.js';
import type { ForensicsView } from './forensics.js';
import type { LoadedResults } from './records.js';
import type { Completeness, Summary } from './summary.js';
import type { TableType } from './spec.js';

export interface Environment {
  htmsimVersion: string;
  /** Versions recorded by the runs (result.host), when they differ from the report's own. */
  recordedHtmsimVersions: string[];
  nodeVersion: string;
  recordedNodeVersions: string[];
  host: string;
  date: string;
  /** Sum of result.host.seconds over the points present. */
  totalHostSeconds: number;
  reportSeconds?: number;
}

export interface ReportModel {
  title: string;
  description: string;
  loaded: LoadedResults;
  panels: ChartPanel[];
  /** Relative path of each panel's PNG, when it was rendered. */
  pngs: Map<string, string>;
  summary: Summary;
  completeness: Completeness;
  tables: TableType[];
  environment: Environment;
  /** results.csv / results.jsonl when present, linked from the page. */
  dataFiles: string[];
  /** Things that went wrong building the report itself (unreadable files, chart failures). */
  notes: string[];
  /** "Why transactions abort", when the sweep recorded abort forensics. */
  forensics?: ForensicsView;
}
