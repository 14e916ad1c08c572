import type { ApiSpec } from '@ticket/codegen'
import { components } from './components.ts'
import { SESSION_COOKIE } from './entities/auth.ts'
import {
  JsonPatch,
  JsonPatchOperation,
  MergePatch,
  operations,
  responseTypes,
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
  },
  components: [
    ...components,
    JsonPatchOperation,
    JsonPatch,
    MergePatch,
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
}
