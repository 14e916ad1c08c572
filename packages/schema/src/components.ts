import type { TSchema } from '@sinclair/typebox'
import { TicketArchiveList, TicketArchiveRow } from './archive/ticket-archive.ts'
import { FieldProperties, FieldProperty, FieldRight, TableRight } from './common/rights.ts'
import { Associate } from './entities/associate.ts'
import { ApiToken, ApiTokenRequest, IssuedApiToken, SessionTicket } from './entities/auth.ts'
import { MDOListItem } from './entities/mdo-list-item.ts'
import {
  DeliveryChannel,
  DeliveryStatus,
  Notification,
  NotificationDelivery,
  NotificationEvent,
} from './entities/notification.ts'
import { Person } from './entities/person.ts'
import { ErrorCode, ProblemDetails } from './entities/problem-details.ts'
import { Project } from './entities/project.ts'
import { Sale } from './entities/sale.ts'
import { Tag } from './entities/tag.ts'
import { Ticket } from './entities/ticket.ts'
import { TicketCategoryEntity } from './entities/ticket-category.ts'
import { CustomFieldType, TicketCustomFieldInfo } from './entities/ticket-custom-field.ts'
import { TicketEntity } from './entities/ticket-entity.ts'
import { TicketEntityWithLinks } from './entities/ticket-entity-with-links.ts'
import { TicketFieldChange, TicketHistoryEntry } from './entities/ticket-history.ts'
import { TicketInfo } from './entities/ticket-info.ts'
import { TicketAttachment, TicketMessage, TicketMessageEntity } from './entities/ticket-message.ts'
import { EscalationLevel, TicketPriorityEntity } from './entities/ticket-priority.ts'
import { TicketStatusEntity } from './entities/ticket-status.ts'
import { TicketType } from './entities/ticket-type.ts'
import { Webhook, WebhookDelivery, WebhookEvent, WebhookState } from './entities/webhook.ts'
import { AssociateType } from './enums/associate-type.ts'
import { BaseStatus } from './enums/base-status.ts'
import { ClosingStatus } from './enums/closing-status.ts'
import { DelegateMethod } from './enums/delegate-method.ts'
import { EFieldRight } from './enums/e-field-right.ts'
import { ETableRight } from './enums/e-table-right.ts'
import { EscalateAction } from './enums/escalate-action.ts'
import { FormSubmissionStatus } from './enums/form-submission-status.ts'
import { TicketMessageType } from './enums/message-type.ts'
import { Origin } from './enums/origin.ts'
import { ReadStatus } from './enums/read-status.ts'
import { SaleCompleted } from './enums/sale-completed.ts'
import { SaleStatus } from './enums/sale-status.ts'
import { Slevel } from './enums/slevel.ts'
import { TicketCategoryFlags } from './enums/ticket-category-flags.ts'
import { TicketPriorityFlags } from './enums/ticket-priority-flags.ts'
import { TicketPriorityStatus } from './enums/ticket-priority-status.ts'
import { TimeCounter } from './enums/time-counter.ts'
import { NotificationChannel, NotificationPreferences } from './storage/notification-preferences.ts'
import { TenantFile } from './tenant/tenant-file.ts'

/**
 * Every wire schema with a `$id` that the document refers to, for the OpenAPI
 * `components.schemas` (nested occurrences become `$ref`s). Storage records are deliberately
 * absent: they never travel. The agent methods' request wrappers are absent too: each operation
 * documents its wrapper inline, spelt PascalCase or camelCase or `null`, as SuperOffice's client
 * sends it; the ticket's FormSubmission is documented as the partial submission it reads back as.
 */
export const components: TSchema[] = [
  // enums
  BaseStatus,
  Slevel,
  Origin,
  ReadStatus,
  TimeCounter,
  DelegateMethod,
  TicketCategoryFlags,
  TicketPriorityFlags,
  TicketPriorityStatus,
  EscalateAction,
  ClosingStatus,
  ETableRight,
  EFieldRight,
  AssociateType,
  SaleStatus,
  SaleCompleted,
  FormSubmissionStatus,
  TicketMessageType,
  // rights
  TableRight,
  FieldRight,
  FieldProperty,
  FieldProperties,
  // carriers
  Associate,
  TicketStatusEntity,
  TicketCategoryEntity,
  EscalationLevel,
  TicketPriorityEntity,
  Person,
  Sale,
  Project,
  Tag,
  TicketMessage,
  TicketAttachment,
  TicketType,
  // entities
  TicketEntity,
  TicketEntityWithLinks,
  Ticket,
  TicketMessageEntity,
  TicketFieldChange,
  TicketHistoryEntry,
  // the Ticket archive, finding tickets, custom fields
  CustomFieldType,
  TicketCustomFieldInfo,
  TicketInfo,
  TicketArchiveRow,
  TicketArchiveList,
  // problem details
  ErrorCode,
  ProblemDetails,
  // MDO
  MDOListItem,
  // notifications and webhooks
  NotificationEvent,
  Notification,
  DeliveryChannel,
  DeliveryStatus,
  NotificationDelivery,
  WebhookEvent,
  WebhookState,
  Webhook,
  WebhookDelivery,
  // signing in
  SessionTicket,
  ApiTokenRequest,
  ApiToken,
  IssuedApiToken,
  // tenant
  NotificationChannel,
  NotificationPreferences,
  TenantFile,
]
