import { useEffect, useState } from 'react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark';

export function themeFor(name: ThemeName): Theme {
  return name === 'dark' ? webDarkTheme : webLightTheme;
}

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office's theme as light or dark, from its body background; null outside Office. */
export function officeThemeName(): ThemeName | null {
  if (typeof Office === 'undefined') return null;
  try {
    const background = Office.context?.officeTheme?.bodyBackgroundColor;
    if (!background) return null;
    const l = luminance(background);
    return l === null ? null : l < 0.4 ? 'dark' : 'light';
  } catch {
    // Office.context throws before Office.onReady in some hosts.
    return null;
  }
}

function systemThemeName(): ThemeName {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Office's theme inside Office (read once: task panes are reloaded when the
 * Office theme changes), otherwise the system's, following its changes.
 */
export function useThemeName(inOffice: boolean): ThemeName {
  const [name, setName] = useState<ThemeName>(() => (inOffice && officeThemeName()) || systemThemeName());
  useEffect(() => {
    if (inOffice && officeThemeName()) return undefined;
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setName(query.matches ? 'dark' : 'light');
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, [inOffice]);
  return name;
}
