/**
 * GET /api/v1/analysis as the page reads it (src/core/analysis.ts's Analysis).
 * `partners` is there for the data team only: a partner's answer has none.
 */
import type { Analysis } from '../core/analysis';

export type AnalysisView = Omit<Analysis, 'partners'> & { partners?: Analysis['partners'] };
export type TrackerRow = Analysis['partners'][number];
export type { Counts } from '../core/report';
