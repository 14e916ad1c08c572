import type { Ticket, TicketEntity } from '@ticket/schema'

// SuperOffice reports "nobody" as the system user 1 in the flat carrier (see docs/decisions.md).
const SYSTEM_USER = 1

/** The flat `Ticket` carrier of GetTicket/GetTickets, derived from the full entity. */
export function toFlatTicket(entity: TicketEntity): Ticket {
  return {
    TicketId: entity.TicketId,
    Title: entity.Title,
    CreatedAt: entity.CreatedAt,
    LastChanged: entity.LastChanged,
    CreatedBy: entity.CreatedBy?.AssociateId ?? SYSTEM_USER,
    CreatedByName: entity.CreatedBy?.FullName ?? '',
    OwnedBy: entity.OwnedBy?.AssociateId ?? SYSTEM_USER,
    OwnedByName: entity.OwnedBy?.FullName ?? '',
    Category: entity.Category?.TicketCategoryId ?? 0,
    CategoryName: entity.Category?.Name ?? '',
    CategoryFullname: entity.Category?.Fullname ?? '',
    Priority: entity.Priority?.TicketPriorityId ?? 0,
    PriorityName: entity.Priority?.Name ?? '',
    BaseStatus: entity.BaseStatus,
    TicketStatus: entity.Status?.TicketStatusId ?? 0,
    TicketStatusDisplayValue: entity.Status?.Name ?? '',
    Deadline: entity.Deadline,
    Activate: entity.Activate,
    ClosedAt: entity.ClosedAt,
    PersonId: entity.Person?.PersonId ?? 0,
    PersonFullName: entity.Person?.FullName ?? '',
    CustId: entity.Person?.PersonId ?? -1,
    ContactId: entity.Person?.ContactId ?? 0,
    ContactName: entity.Person?.ContactName ?? '',
    OwnedByAssociateId: entity.OwnedBy?.AssociateId ?? 0,
    SaleId: entity.Sale?.SaleId ?? 0,
    ProjectId: entity.Project?.ProjectId ?? 0,
    SaleHeading: entity.Sale?.Title ?? '',
    ProjectName: entity.Project?.Name ?? '',
    FormSubmissionId: entity.FormSubmission?.FormSubmissionId ?? 0,
    Slevel: entity.Slevel,
    Origin: entity.Origin,
    NumReplies: entity.NumReplies,
    NumMessages: entity.NumMessages,
    TimeToReply: entity.TimeToReply,
    TimeToClose: entity.TimeToClose,
    ConnectId: entity.ConnectId,
    ReadStatus: entity.ReadStatus,
  }
}
