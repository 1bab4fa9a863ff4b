import { useState, type FormEvent } from 'react';
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { errorMessage } from '../errors';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  input: { flexGrow: 1, minWidth: '8em' },
  error: { flexBasis: '100%', margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/**
 * Correct the selected cell here (browser mode): the value as the grid shows
 * it, typed over and saved with Enter or Save; the sheet is checked again at
 * once. The parent gives it a key per cell, so moving on starts afresh.
 */
export function CellEditor({ address, initial, onSave }: { address: string; initial: string; onSave: (text: string) => Promise<void> }) {
  const styles = useStyles();
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    if (saving || text === initial) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(text);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }
  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} aria-label={`Correct ${address}`}>
      <Input className={styles.input} size="small" aria-label={`New value for ${address}`} value={text} onChange={(_, d) => setText(d.value)} />
      <Button size="small" type="submit" disabledFocusable={saving || text === initial}>
        Save
      </Button>
      {error && <p className={styles.error}>{error}</p>}
    </form>
  );
}
