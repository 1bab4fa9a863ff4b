/**
 * What jsdom lacks for React Testing Library and Fluent UI: jest-dom's
 * matchers, matchMedia, ResizeObserver, and scrollIntoView. Imported by
 * each jsdom test file.
 */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy… waits for what the pane shows next; on a loaded machine (CI beside other jobs) a check can take seconds.
configure({ asyncUtilTimeout: 15000 });

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStub, writable: true });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}
