import helmet from '@fastify/helmet';
import { definePlugin } from './define';

/** Where Office runs an add-in's taskpane in a frame (Office on the web, new Outlook, Teams). */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.sharepoint.com',
  'https://*.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.live.com',
];

/**
 * Security headers for every response. The taskpane page may be framed by
 * Office only (CSP frame-ancestors; X-Frame-Options cannot name several
 * origins, so it is off) and loads Office.js from Microsoft's CDN.
 */
export const securityPlugin = definePlugin<{ hstsMaxAge: number }>(
  async (app, { hstsMaxAge }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com'],
          // Fluent UI writes its styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'self'", ...OFFICE_FRAME_ANCESTORS],
        },
      },
      frameguard: false,
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
      // HSTS pins a host to HTTPS for months; on localhost that breaks other dev servers, so it is opt-in.
      hsts: hstsMaxAge > 0 ? { maxAge: hstsMaxAge, includeSubDomains: false } : false,
    });
  },
  { name: 'security' },
);
