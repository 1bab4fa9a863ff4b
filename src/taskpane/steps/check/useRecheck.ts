import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { Choice, FlowAction, Mapping } from '../../flow';
import { useHostServices } from '../../HostContext';

/**
 * Reads the workbook again and re-runs the check with the confirmed choices:
 * after a fix, an undo, or (debounced) when the partner edits the sheet.
 */
export function useRecheck(choice: Choice, mapping: Mapping, dispatch: Dispatch<FlowAction>, debounceMs = 800) {
  const { host, engine } = useHostServices();

  const recheck = useCallback(async () => {
    const read = await host.readWorkbook();
    const workbook = { ...read, date1904: choice.date1904 };
    const report = engine(workbook, { sheet: choice.sheet, headerRow: choice.headerRow, mapping });
    dispatch({ type: 'rechecked', workbook, report });
    return report;
  }, [host, engine, choice, mapping, dispatch]);

  // The latest recheck, so the edit subscription below need not be renewed when it changes.
  const latest = useRef(recheck);
  useEffect(() => {
    latest.current = recheck;
  }, [recheck]);

  useEffect(() => {
    let unsubscribe: (() => void) | null = null;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    host
      .onEdit(choice.sheet, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void latest.current().catch(() => undefined), debounceMs);
      })
      .then((off) => {
        if (cancelled) off();
        else unsubscribe = off;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [host, choice.sheet, debounceMs]);

  return recheck;
}
