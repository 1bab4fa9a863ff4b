import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { checkOptions, type Choice, type FlowAction, type Mappings } from '../../flow';
import { useHostServices } from '../../HostContext';
import { errorMessage, isCancelled } from '../../errors';

/**
 * Reads the workbook again and re-runs the check with the confirmed choices:
 * after a fix, an undo, or (debounced) when the partner edits the sheet.
 * `stale` says why the last automatic re-check failed (Excel busy with the
 * partner's typing, say): the report shown may be out of date until a
 * re-check succeeds.
 */
export function useRecheck(choice: Choice, mapping: Mappings, sheets: string[], dispatch: Dispatch<FlowAction>, debounce?: number) {
  const { host, engine } = useHostServices();
  // In Excel, typing goes on cell after cell: wait for a pause. In the browser mode an edit is one saved cell: at once.
  const debounceMs = debounce ?? (host.kind === 'browser' ? 0 : 800);
  const [stale, setStale] = useState<string | null>(null);
  // Re-checks answer in the order they were asked; one that ends after a newer one began is dropped.
  const asked = useRef(0);

  const recheck = useCallback(async () => {
    const mine = ++asked.current;
    const read = await host.readWorkbook();
    const workbook = { ...read, date1904: choice.date1904 };
    const report = await engine(workbook, checkOptions(choice, mapping));
    if (mine !== asked.current) return report;
    setStale(null);
    dispatch({ type: 'rechecked', workbook, report });
    return report;
  }, [host, engine, choice, mapping, dispatch]);

  /** An automatic re-check: its failure is not thrown but kept, for the pane to say the report may be stale. */
  const automatic = useCallback(async () => {
    try {
      await recheck();
    } catch (e) {
      if (!isCancelled(e)) setStale(errorMessage(e));
    }
  }, [recheck]);

  // The latest recheck, so the edit subscription below need not be renewed when it changes.
  const latest = useRef(automatic);
  useEffect(() => {
    latest.current = automatic;
  }, [automatic]);

  // Every sheet read: an edit on any of them is checked again.
  const sheetKey = sheets.join('\u0000');
  useEffect(() => {
    const offs: (() => void)[] = [];
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    for (const sheet of sheetKey.split('\u0000')) {
      host
        .onEdit(sheet, () => {
          clearTimeout(timer);
          timer = setTimeout(() => void latest.current(), debounceMs);
        })
        .then((off) => {
          if (cancelled) off();
          else offs.push(off);
        })
        .catch(() => undefined);
    }
    return () => {
      cancelled = true;
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [host, sheetKey, debounceMs]);

  return { recheck, stale, checkAgain: automatic };
}
