import type { Store } from '../store/connect';
import { definePlugin } from './define';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

/** Makes the (already migrated) store available; closes it with the app when the app owns it. */
export const storePlugin = definePlugin<{ store: Store; closeWithApp: boolean }>(
  async (app, { store, closeWithApp }) => {
    app.decorate('store', store);
    if (closeWithApp) app.addHook('onClose', async () => store.close());
  },
  { name: 'store' },
);
