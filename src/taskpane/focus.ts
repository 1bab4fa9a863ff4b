/**
 * Moves focus to an element that announces what just happened (a step's
 * heading, a status line), scrolling no more than needed to show it. The
 * element needs tabIndex -1 if it is not a control. After an action whose
 * button disappears, focus would otherwise fall to <body>.
 */
export function focusQuietly(el: HTMLElement | null | undefined): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView?.({ block: 'nearest' });
}
