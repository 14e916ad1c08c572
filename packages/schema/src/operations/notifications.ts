import { Type } from '@sinclair/typebox'
import { Notification, NotificationDelivery, NotificationPreferences } from '../model.ts'
import { commonErrors as errors, problem, TicketIdParam } from './common.ts'
import { defineOperations } from './define.ts'

const tags = ['Notification']
const json = ['application/json']

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'true: only unread; false: only read.' })),
  associateId: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: "Another associate's notifications; needs full rights (IsAdmin).",
    })
  ),
  $top: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Page size.' })
  ),
  $skip: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Rows to skip.' })),
})

export const NotificationIdParam = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'The NotificationId.' }),
})

export const StreamHeaders = Type.Object({
  'Last-Event-ID': Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,15}(~[A-Za-z0-9_-]{1,100})?$',
      description:
        'Resume: the `id` of the last event received. Your notifications it does not cover are ' +
        'sent first: those with a larger NotificationId, and lower ones that committed after it ' +
        'was sent. A plain NotificationId covers every notification up to it.',
    })
  ),
})

/** The in-app notification, delivery-log and preference endpoints (see docs/decisions.md). */
export const notificationOps = defineOperations({
  ListNotifications: {
    method: 'get',
    path: '/api/v1/Notification',
    summary: "The signed-in associate's in-app notifications, newest first",
    tags,
    query: NotificationListQuery,
    responses: {
      200: {
        description: 'The notifications.',
        schema: Type.Array(Notification),
      },
      ...errors,
      403: problem('`associateId` names another associate and the caller lacks full rights.'),
      404: problem('`associateId` names no associate.'),
    },
  },
  MarkNotificationRead: {
    method: 'post',
    path: '/api/v1/Notification/{id}/Read',
    summary: 'Marks one of your notifications read',
    tags,
    params: NotificationIdParam,
    responses: {
      204: { description: 'Marked read (again: the first read time is kept).' },
      ...errors,
      404: problem('No notification with that id belongs to the caller.'),
    },
  },
  NotificationStream: {
    method: 'get',
    path: '/api/v1/Notification/Stream',
    summary: 'Your new in-app notifications, live (Server-Sent Events)',
    description:
      'One `notification` event per new notification (data: the Notification as JSON, id: its NotificationId); a comment line every few seconds keeps the connection open.',
    tags,
    headers: StreamHeaders,
    responses: {
      200: {
        description: 'An open `text/event-stream`.',
        schema: Notification,
        mediaTypes: ['text/event-stream'],
      },
      ...errors,
    },
  },
  GetNotificationPreferences: {
    method: 'get',
    path: '/api/v1/Notification/Preferences',
    summary: 'Your notification channel per event, defaults filled in',
    tags,
    responses: {
      200: { description: 'The preferences.', schema: NotificationPreferences },
      ...errors,
    },
  },
  PutNotificationPreferences: {
    method: 'put',
    path: '/api/v1/Notification/Preferences',
    summary: 'Replaces your notification channel per event (a missing event means both)',
    tags,
    body: { schema: NotificationPreferences, mediaTypes: json, required: true },
    responses: {
      200: { description: 'The preferences now in force.', schema: NotificationPreferences },
      ...errors,
      415: problem('The body is not JSON.'),
    },
  },
  GetTicketNotifications: {
    method: 'get',
    path: '/api/v1/Ticket/{id}/Notifications',
    summary: "The ticket's notification delivery log",
    description:
      'Every delivery the ticket caused: recipient, channel, status (pending, delivered, dead, skipped), tries and the last error.',
    tags: ['Ticket'],
    params: TicketIdParam,
    responses: {
      200: {
        description: 'The deliveries, oldest first.',
        schema: Type.Array(NotificationDelivery),
      },
      ...errors,
      404: problem('The ticket does not exist or was deleted.'),
    },
  },
})
