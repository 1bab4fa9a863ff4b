import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  title: { ':focus': { outline: 'none' }, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Sign in with the token the data team issued. The token is checked with the
 * server before the person is signed in (`onSignIn` resolves with the error
 * to show, or null). It is remembered on this device only when the person
 * asks: the pane is often open on a shared library or office computer.
 */
export function SignIn({ onSignIn, titleId }: { onSignIn: (token: string, remember: boolean) => Promise<string | null>; titleId?: string }) {
  const styles = useStyles();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [touched, setTouched] = useState(false);
  const [checking, setChecking] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const ownId = useId();
  const title = titleId ?? `${ownId}-title`;
  const trimmed = token.trim();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!trimmed || checking) return;
    setChecking(true);
    setRefused(null);
    const error = await onSignIn(trimmed, remember);
    setChecking(false);
    setRefused(error);
  }

  const message = touched && !trimmed ? 'Paste your token here.' : refused;
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby={title}>
      <h3 id={title} className={styles.title} tabIndex={-1}>
        Sign in
      </h3>
      <Field
        label="Your sign-in token"
        hint="The data team sent it to you. It is like a password: keep it to yourself."
        validationState={message ? 'error' : 'none'}
        validationMessage={message ?? undefined}
      >
        <Input type="password" autoComplete="off" spellCheck={false} value={token} onChange={(_, d) => setToken(d.value)} />
      </Field>
      <Checkbox checked={remember} onChange={(_, d) => setRemember(d.checked === true)} label="Remember me on this device (not on a shared computer)" />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={checking}>
          Sign in
        </Button>
        {checking && <Spinner size="tiny" label="Checking your token…" />}
      </div>
    </form>
  );
}
