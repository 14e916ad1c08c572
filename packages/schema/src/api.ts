import type { ApiSpec } from '@ticket/codegen'
import { documentedFormats } from './common/formats.ts'
import { components } from './components.ts'
import { SESSION_COOKIE } from './entities/auth.ts'
import { TicketEntityInput } from './input/ticket-entity-input.ts'
import { TicketEntityMergePatch } from './input/ticket-entity-merge-patch.ts'
import { TicketMessageEntityInput } from './input/ticket-message-entity-input.ts'
import {
  JsonPatch,
  JsonPatchOperation,
  operations,
  responseTypes,
  TicketEntitySelection,
  TicketEntityWithLinksSelection,
  WebhookRegistration,
  WebhookView,
} from './operations/index.ts'

/** The whole HTTP contract: what `pnpm generate` turns into `generated/openapi.json`. */
export const apiSpec: ApiSpec = {
  info: {
    title: 'Ticket',
    version: '1.0.0',
    description:
      "A self-hostable ticket service that speaks SuperOffice's WebAPI. Its heart is `POST /api/v1/Ticket?notify=bool`: save a ticket and perform any user notifications.",
    license: { name: 'MIT', identifier: 'MIT' },
  },
  components: [
    ...components,
    JsonPatchOperation,
    JsonPatch,
    TicketEntityInput,
    TicketEntityMergePatch,
    TicketMessageEntityInput,
    TicketEntitySelection,
    TicketEntityWithLinksSelection,
    WebhookRegistration,
    WebhookView,
  ],
  operations,
  responseMediaTypes: responseTypes,
  securitySchemes: {
    Basic: { type: 'http', scheme: 'basic', description: 'Associate user name and password.' },
    Bearer: { type: 'http', scheme: 'bearer', description: 'An API token issued to an associate.' },
    SOTicket: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: '`SOTicket <ticket>`: a session ticket from `POST /api/v1/Session`.',
    },
    SessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description:
        'The session cookie set by `POST /api/v1/Session`; state-changing requests also need `X-XSRF-TOKEN`.',
    },
  },
  defaultSecurity: ['Basic', 'Bearer', 'SOTicket', 'SessionCookie'],
  servers: [{ url: 'http://127.0.0.1:8787', description: 'A server started with `npm run serve`' }],
  leadOperation: 'SaveTicketEntityWithNotify',
  formats: documentedFormats,
  tags: [
    {
      name: 'Ticket',
      description:
        'The ticket resource: save (create or update) with optional notifications, read, replace, patch, delete, and the archive list.',
    },
    {
      name: 'TicketMessage',
      description:
        'The messages of a ticket: save (with attachments as multipart/form-data), read, list, download an attachment.',
    },
    {
      name: 'Ticket agent',
      description:
        "SuperOffice's RPC-style agent routes, as `@superoffice/webapi`'s TicketAgent calls them: a missing ticket is `200 null`.",
    },
    {
      name: 'CustomerService agent',
      description:
        "SuperOffice's Service agent, as `@superoffice/webapi`'s CustomerServiceAgent calls it: finding tickets by title or id.",
    },
    {
      name: 'MDOList',
      description: 'Reference lists (categories, priorities, statuses, associates) for pickers.',
    },
    {
      name: 'Notification',
      description:
        "The caller's in-app notifications: list, mark read, a live stream (SSE) and delivery preferences.",
    },
    {
      name: 'Webhook',
      description:
        'Signed HTTP callbacks on ticket events, with delivery history, retries and replay.',
    },
    {
      name: 'Session',
      description: 'Sign in with a password for a session ticket and cookie; sign out.',
    },
    {
      name: 'Token',
      description: "API tokens for Bearer sign-in: issue, list, revoke (the caller's own).",
    },
    {
      name: 'Service',
      description: 'Liveness and readiness for load balancers and orchestrators.',
    },
  ],
}
