import { useCallback, useState } from 'react';
import { newIdempotencyKey, submit, SubmitError, type ApiOptions, type Receipt, type SubmissionPayload } from '../../api';
import { errorMessage, isCancelled } from '../../errors';

export type SubmissionState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'sent'; receipt: Receipt }
  | { status: 'failed'; error: SubmitError };

/** One attempt: its key and the exact request, both reused by every retry so the server stores it once. */
interface Attempt {
  key: string;
  payload: SubmissionPayload;
}

/**
 * Attempts by what they were built from (the checked report): going back a
 * step and forward again keeps the key, new data gets a new one.
 */
const attempts = new WeakMap<object, Attempt>();

/**
 * Sends a submission and keeps its Idempotency-Key until it succeeds: a retry
 * after a timeout, an offline moment or a server error sends the same key
 * with the same body, so a submission that did reach the server is not stored twice.
 */
export function useSubmission(api: ApiOptions) {
  const [state, setState] = useState<SubmissionState>({ status: 'idle' });

  const send = useCallback(
    async (source: object, build: () => SubmissionPayload | Promise<SubmissionPayload>, token: string): Promise<SubmissionState> => {
      setState({ status: 'sending' });
      try {
        let attempt = attempts.get(source);
        if (!attempt) {
          attempt = { key: newIdempotencyKey(), payload: await build() };
          attempts.set(source, attempt);
        }
        const receipt = await submit(attempt.payload, token, attempt.key, api);
        const sent: SubmissionState = { status: 'sent', receipt };
        setState(sent);
        return sent;
      } catch (e) {
        // Cancel while the body was being made: nothing was sent.
        if (isCancelled(e)) {
          const idle: SubmissionState = { status: 'idle' };
          setState(idle);
          return idle;
        }
        const error = e instanceof SubmitError ? e : new SubmitError('unexpected', errorMessage(e), undefined, true);
        const failed: SubmissionState = { status: 'failed', error };
        setState(failed);
        return failed;
      }
    },
    [api],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, send, reset };
}
