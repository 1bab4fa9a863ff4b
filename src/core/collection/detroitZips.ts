import type { ServiceZip } from '../analysis';

/**
 * The 2023 collection's service area: the residential zip codes of the City
 * of Detroit (PO-box and single-building codes such as 48243, the
 * Renaissance Center, are left out: no families live there). `partly` marks
 * a zip code that also covers a neighbouring city, so its counts are not all
 * Detroit's. Curated from the Census Bureau's ZCTA-to-place relationship;
 * check it against the current file before each year's report.
 */
export const DETROIT_ZIPS: readonly ServiceZip[] = Object.freeze([
  { zip: '48201' }, { zip: '48202' }, { zip: '48203', partly: 'Highland Park' }, { zip: '48204' }, { zip: '48205' },
  { zip: '48206' }, { zip: '48207' }, { zip: '48208' }, { zip: '48209' }, { zip: '48210' },
  { zip: '48211' }, { zip: '48212', partly: 'Hamtramck' }, { zip: '48213' }, { zip: '48214' }, { zip: '48215' },
  { zip: '48216' }, { zip: '48217' }, { zip: '48219' }, { zip: '48221' }, { zip: '48223' },
  { zip: '48224' }, { zip: '48225', partly: 'Harper Woods' }, { zip: '48226' }, { zip: '48227' }, { zip: '48228' },
  { zip: '48234' }, { zip: '48235' }, { zip: '48236', partly: 'the Grosse Pointes' }, { zip: '48238' },
  { zip: '48239', partly: 'Redford Township' }, { zip: '48240', partly: 'Redford Township' },
]);
