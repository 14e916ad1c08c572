import type { AppDeps } from '../app-deps.ts'
import { onePerApp } from '../one-per-app.ts'
import { createMessageService, type MessageService } from './message-service.ts'

/** One message service per app, shared by the REST and agent routes. */
export const messageServiceOf: (deps: AppDeps) => MessageService = onePerApp(createMessageService)
