import SCIMMY from 'scimmy';
import type { ScimUserStore, StoredScimUser } from './scim-user-store.js';

/** What each simulated service hands scimmy's handlers: its own store (scimmy's handlers are global). */
export interface ScimHandlerContext {
  store: ScimUserStore;
}

let declared = false;

/**
 * Declares the User resource to scimmy once per process, with handlers that work on the store of the
 * service a request reached (its context), so several simulated services can run side by side.
 */
export function declareScimUsers(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress((resource, ctx: ScimHandlerContext) => {
      if (resource.id) {
        const user = ctx.store.get(resource.id);
        if (!user) throw new SCIMMY.Types.Error(404, '', `Resource ${resource.id} not found`);
        return user as never;
      }
      const users = ctx.store.list();
      return (resource.filter ? resource.filter.match(users) : users) as never;
    })
    .ingress((resource, instance, ctx: ScimHandlerContext) => {
      const { schemas: _schemas, meta: _meta, id: _id, ...attributes } = JSON.parse(JSON.stringify(instance));
      if (resource.id) {
        if (!ctx.store.replace(resource.id, attributes as Omit<StoredScimUser, 'id'>))
          throw new SCIMMY.Types.Error(404, '', `Resource ${resource.id} not found`);
        return ctx.store.get(resource.id) as never;
      }
      if (ctx.store.byUserName(String(attributes.userName)))
        throw new SCIMMY.Types.Error(409, 'uniqueness', `userName ${attributes.userName} is already taken`);
      return ctx.store.add(attributes as StoredScimUser) as never;
    })
    .degress((resource, ctx: ScimHandlerContext) => {
      if (!resource.id || !ctx.store.remove(resource.id))
        throw new SCIMMY.Types.Error(404, '', `Resource ${resource.id} not found`);
    });
}
