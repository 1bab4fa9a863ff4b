/**
 * CommonJS stand-ins for two ESM-only packages that Node 20.19+ requires
 * natively but Jest (CommonJS, node_modules untransformed) cannot: cookie
 * (light-my-request, behind app.inject; only for cookies we never send) and
 * content-disposition (@fastify/static; only for reply.download(), never called).
 */
export const cookie = {
  stringifySetCookie: ({ name, value }: { name: string; value: string }) => `${name}=${encodeURIComponent(value)}`,
  parse: (header: string) => Object.fromEntries(header.split(/;\s*/).filter(Boolean).map((p) => p.split('=', 2) as [string, string])),
};

export const contentDisposition = {
  create: (name: string) => `attachment; filename="${name}"`,
};
