import { createExcelHost } from '../../src/excel';
import { ExcelHostError } from '../../src/excel/errors';
import { RichApiHost, type HostOptions } from './richApiHost';

/**
 * The partner typing in a cell while the add-in works, through Microsoft's
 * own client library: where Excel offers it ("DelayForCellEdit"), the batch
 * waits for them; elsewhere it is tried once more, and a second refusal is a
 * sentence that says what to do.
 */

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function setup(options: HostOptions = {}) {
  const excel = new RichApiHost(options);
  uninstall = excel.install();
  const sheet = excel.addSheet('Events');
  sheet.put('A1', [['Name', 'Date'], ['Ana', '3/1/23'], ['Ben', '3/2/23']]);
  return { excel, sheet, host: createExcelHost({ retryDelayMs: 0, debounceMs: 30 }) };
}

/** Lets the library and the host exchange messages until `done` holds (at most 200 turns). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(done()).toBe(true);
}

describe('cell-edit mode through the real Office.js client', () => {
  it('waits for the partner to leave the cell where Excel can delay the batch, and reads what they typed', async () => {
    const { excel, sheet, host } = setup();
    excel.startCellEdit();
    let settled = false;
    const read = host.readWorkbook().finally(() => {
      settled = true;
    });
    await until(() => excel.waiting > 0);
    expect(settled).toBe(false);
    sheet.put('B2', [['3/9/23']]);
    excel.endCellEdit();
    const workbook = await read;
    expect(workbook.sheets[0]!.rows[1]![1]).toMatchObject({ value: '3/9/23' });
    expect(excel.cellEditRefusals).toBe(0);
    expect(excel.cellEditHeld).toBeGreaterThan(0);
  });

  it('without DelayForCellEdit, tries once more and succeeds when the partner has pressed Enter', async () => {
    const { excel, host } = setup({ delayForCellEdit: false });
    excel.startCellEdit();
    excel.cellEditEndsAfter = 1;
    const workbook = await host.readWorkbook();
    expect(workbook.sheets[0]!.rows.length).toBe(3);
    expect(excel.cellEditRefusals).toBe(1);
    expect(excel.cellEditHeld).toBe(0);
  });

  it('without DelayForCellEdit, a partner still typing gets words that say what to do, not Excel’s text', async () => {
    const { excel, host } = setup({ delayForCellEdit: false });
    excel.startCellEdit();
    const error = await host.readWorkbook().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe('InvalidOperationInCellEditMode');
    expect((error as ExcelHostError).message).toMatch(/while you are typing in a cell\. Press Enter or Esc/);
    expect(excel.cellEditRefusals).toBe(2);
    // Nothing was left waiting or half done: the next read after Enter works.
    excel.endCellEdit();
    expect((await host.readWorkbook()).sheets[0]!.rows.length).toBe(3);
  });
});
