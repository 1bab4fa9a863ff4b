/**
 * Okabe and Ito's colour-blind-safe palette, one colour per engagement level,
 * each with a dash pattern so the lines differ without colour too.
 */
export const LEVEL_STYLE: Record<string, { color: string; dash: string }> = {
  touchpoint: { color: '#0072B2', dash: '' },
  level_one: { color: '#D55E00', dash: '6 3' },
  level_two: { color: '#009E73', dash: '2 3' },
  day_of_young_child: { color: '#CC79A7', dash: '10 3 2 3' },
};

export const FALLBACK_STYLE = { color: '#777777', dash: '' };
