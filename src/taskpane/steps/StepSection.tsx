import { useId, type ReactNode } from 'react';
import { useStepStyles } from './layout';

/**
 * The frame every step shares: a section labelled by its heading, the
 * heading focusable so that the flow can move focus to it when the step
 * changes (Flow looks for [data-step-heading]).
 */
export function StepSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  const step = useStepStyles();
  const headingId = useId();
  return (
    <section className={step.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={step.heading} tabIndex={-1} data-step-heading>
        {title}
      </h2>
      {children}
    </section>
  );
}
