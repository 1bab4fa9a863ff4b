import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { check as coreCheck } from '../core/check';
import type { Workbook } from '../core/workbook';
import type { Choice, Mappings, Report } from './flow';
import type { WorkbookHost } from './host';
import type { CheckActivity } from './worker/client';
import type { WireCheckOptions } from './worker/protocol';

/**
 * The check engine's entry point: the check worker's client in the taskpane,
 * the engine itself (on this thread) by default; tests may wrap it to watch
 * the options it receives.
 */
export type Engine = (workbook: Workbook, options?: WireCheckOptions) => Report | Promise<Report>;

/** The file as it was opened from disk (browser mode), for submitting it unchanged. */
export interface OriginalFile {
  name: string;
  bytes: Uint8Array;
}

export interface HostServices {
  host: WorkbookHost;
  engine: Engine;
  /**
   * Browser mode only: the original file while no value has been changed in
   * it, so the server keeps the partner's own file. Null once fixed: then
   * the taskpane sends the cell values, as the add-in does.
   */
  originalFile?: () => OriginalFile | null;
  /** Browser mode only: builds the annotated workbook here and downloads it. */
  downloadAnnotated?: (workbook: Workbook, report: Report) => Promise<void>;
  /** What the engine is doing, and Cancel: the pane shows "Checking…" with a Cancel button. */
  checks?: CheckActivity;
  /** The submission's JSON body of the workbook's values, made off this thread (the check worker); else submit makes it here. */
  submissionBody?: (workbook: Workbook, choice: Choice, mapping: Mappings) => Promise<Uint8Array>;
}

const HostContext = createContext<HostServices | null>(null);

/** The taskpane always wants the fixable cells, for "Fix N values". */
const checkWithFixes: Engine = (workbook, options) => coreCheck(workbook, { ...options, fixes: true });

export function HostProvider({ host, engine = checkWithFixes, originalFile, downloadAnnotated, checks, submissionBody, children }: {
  host: WorkbookHost;
  engine?: Engine;
  originalFile?: () => OriginalFile | null;
  downloadAnnotated?: (workbook: Workbook, report: Report) => Promise<void>;
  checks?: CheckActivity;
  submissionBody?: HostServices['submissionBody'];
  children: ReactNode;
}) {
  const value = useMemo(
    () => ({ host, engine, originalFile, downloadAnnotated, checks, submissionBody }),
    [host, engine, originalFile, downloadAnnotated, checks, submissionBody],
  );
  return <HostContext.Provider value={value}>{children}</HostContext.Provider>;
}

export function useHostServices(): HostServices {
  const services = useContext(HostContext);
  if (!services) throw new Error('useHostServices outside a HostProvider');
  return services;
}

export function useHost(): WorkbookHost {
  return useHostServices().host;
}
