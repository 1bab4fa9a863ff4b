import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** Sign in with the token the data team issued; remembered on this device unless the person says not to. */
export function SignIn({ onSignIn }: { onSignIn: (token: string, remember: boolean) => void }) {
  const styles = useStyles();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(true);
  const [touched, setTouched] = useState(false);
  const formId = useId();
  const trimmed = token.trim();

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (trimmed) onSignIn(trimmed, remember);
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`} className={styles.title}>
        Sign in
      </h3>
      <Field
        label="Your sign-in token"
        hint="The data team sent it to you. It is like a password: keep it to yourself."
        validationState={touched && !trimmed ? 'error' : 'none'}
        validationMessage={touched && !trimmed ? 'Paste your token here.' : undefined}
      >
        <Input type="password" autoComplete="off" spellCheck={false} value={token} onChange={(_, d) => setToken(d.value)} />
      </Field>
      <Checkbox checked={remember} onChange={(_, d) => setRemember(d.checked === true)} label="Remember me on this device" />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          Sign in
        </Button>
      </div>
    </form>
  );
}
