/**
 * A whole address in the street column ("8300 Van Dyke Ave, Detroit, MI
 * 48213", "10100 Grand River Ave Detroit MI 48204"), as calendar exports and
 * forms keep it: its city and zip, read from its end, for a table with no
 * column of its own for them. Only an end that plainly is a city, a state or
 * a zip is cut off; "123 Main St, Suite 4" stays whole.
 */
export interface AddressParts {
  street: string;
  city?: string;
  zip?: string;
}

const ZIP_END = /[,\s]+(\d{5})(?:-\d{4})?\s*$/;
const STATE_END = /[,\s]+(?:MI|Mich\.?|Michigan)\s*$/i;
/** The last part after a comma: a few words without digits ("Detroit", "Highland Park"). */
const CITY_PART = /,\s*([A-Za-z][A-Za-z .'-]{1,30}?)\s*$/;

export function splitAddress(text: string, places: readonly string[]): AddressParts | null {
  if (text.length > 200) return null;
  let rest = text.trim();
  let zip: string | undefined;
  const z = ZIP_END.exec(rest);
  if (z) {
    zip = z[1];
    rest = rest.slice(0, z.index);
  }
  const s = STATE_END.exec(rest);
  const stated = s !== null;
  if (s) rest = rest.slice(0, s.index);
  let city: string | undefined;
  const lower = rest.toLowerCase();
  // A place the collection knows, at the end ("… Ave Detroit", "…, Highland Park"): the longest that fits.
  // Without a state or zip after it, only after a comma: "Woodward Ave & Warren" is a crossing, not the city of Warren.
  const known = places
    .filter((p) => lower.endsWith(p.toLowerCase()) && (stated || zip ? /[\s,]$/ : /,\s*$/).test(lower.slice(0, lower.length - p.length)))
    .sort((a, b) => b.length - a.length)[0];
  if (known) {
    city = rest.slice(rest.length - known.length).trim();
    rest = rest.slice(0, rest.length - known.length);
  } else if (stated || zip) {
    // Before a state or a zip, the last part after a comma is the city ("…, Ferndale, MI").
    const c = CITY_PART.exec(rest);
    if (c && !/\b(suite|ste|room|rm|apt|unit|floor|fl|bldg)\b/i.test(c[1]!)) {
      city = c[1]!.trim();
      rest = rest.slice(0, c.index);
    }
  }
  if (!zip && !city) return null;
  const street = rest.replace(/[\s,]+$/, '').trim();
  if (!/\d/.test(street) && street.length < 3) return null;
  return { street, ...(city ? { city } : {}), ...(zip ? { zip } : {}) };
}
