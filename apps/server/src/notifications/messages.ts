import type { NotificationEvent } from '@ticket/schema'
import type { DeliveryPayload } from './payload.ts'

interface Catalogue {
  subject: Record<NotificationEvent, (p: DeliveryPayload) => string>
  lead: Record<NotificationEvent, (p: DeliveryPayload) => string>
  labels: {
    title: string
    ticket: string
    category: string
    priority: string
    owner: string
    link: string
    none: string
  }
}

const english: Catalogue = {
  subject: {
    NewTicket: (p) => `New request #${p.ticketId}: ${p.title}`,
    TicketTakenOver: (p) => `Request #${p.ticketId} taken over: ${p.title}`,
    TicketActivated: (p) => `Request #${p.ticketId} is active again: ${p.title}`,
    CategoryNewTicket: (p) => `New request in ${p.categoryName} #${p.ticketId}: ${p.title}`,
    NotificationEmail: (p) => `Unassigned request in ${p.categoryName} #${p.ticketId}: ${p.title}`,
    NewMessage: (p) => `New message in request #${p.ticketId}: ${p.title}`,
    TicketEscalated: (p) => `Request #${p.ticketId} escalated: ${p.title}`,
  },
  lead: {
    NewTicket: () => 'You have been assigned a new request.',
    TicketTakenOver: (p) => `${p.actorName || 'Someone'} has taken over your request.`,
    TicketActivated: () => 'Your request has become active again.',
    CategoryNewTicket: (p) => `A new request has arrived in the category ${p.categoryName}.`,
    NotificationEmail: (p) =>
      `A new unassigned request has arrived in the category ${p.categoryName}.`,
    NewMessage: (p) => `${p.actorName || 'Someone'} has added a message to your request.`,
    TicketEscalated: () => 'Your request has reached its next escalation level.',
  },
  labels: {
    title: 'Title',
    ticket: 'Request',
    category: 'Category',
    priority: 'Priority',
    owner: 'Owner',
    link: 'Open',
    none: '(none)',
  },
}

const norwegian: Catalogue = {
  subject: {
    NewTicket: (p) => `Ny henvendelse #${p.ticketId}: ${p.title}`,
    TicketTakenOver: (p) => `Henvendelse #${p.ticketId} er overtatt: ${p.title}`,
    TicketActivated: (p) => `Henvendelse #${p.ticketId} er aktiv igjen: ${p.title}`,
    CategoryNewTicket: (p) => `Ny henvendelse i ${p.categoryName} #${p.ticketId}: ${p.title}`,
    NotificationEmail: (p) => `Ufordelt henvendelse i ${p.categoryName} #${p.ticketId}: ${p.title}`,
    NewMessage: (p) => `Ny melding i henvendelse #${p.ticketId}: ${p.title}`,
    TicketEscalated: (p) => `Henvendelse #${p.ticketId} er eskalert: ${p.title}`,
  },
  lead: {
    NewTicket: () => 'Du har fått tildelt en ny henvendelse.',
    TicketTakenOver: (p) => `${p.actorName || 'Noen'} har overtatt henvendelsen din.`,
    TicketActivated: () => 'Henvendelsen din er aktiv igjen.',
    CategoryNewTicket: (p) => `En ny henvendelse har kommet i kategorien ${p.categoryName}.`,
    NotificationEmail: (p) =>
      `En ny ufordelt henvendelse har kommet i kategorien ${p.categoryName}.`,
    NewMessage: (p) => `${p.actorName || 'Noen'} har lagt til en melding i henvendelsen din.`,
    TicketEscalated: () => 'Henvendelsen din har nådd neste eskaleringsnivå.',
  },
  labels: {
    title: 'Tittel',
    ticket: 'Henvendelse',
    category: 'Kategori',
    priority: 'Prioritet',
    owner: 'Eier',
    link: 'Åpne',
    none: '(ingen)',
  },
}

// Language codes as SuperOffice names them (see docs/decisions.md); unknown codes read English.
const catalogues: Record<string, Catalogue> = { US: english, GB: english, NO: norwegian }

export interface RenderedMessage {
  subject: string
  /** The lead sentence alone: the in-app body. */
  lead: string
  /** Plain-text email body: lead, the ticket's facts and the link. */
  text: string
}

/**
 * Renders one notification in the recipient's language.
 * @example renderMessage('NO', 'NewTicket', payload).subject // 'Ny henvendelse #12: Printer'
 */
export function renderMessage(
  language: string,
  event: NotificationEvent,
  payload: DeliveryPayload
): RenderedMessage {
  const c = catalogues[language.toUpperCase()] ?? english
  const value = (v: string) => v || c.labels.none
  const lead = c.lead[event](payload)
  const text = [
    lead,
    '',
    `${c.labels.title}: ${payload.title}`,
    `${c.labels.ticket}: #${payload.ticketId}`,
    `${c.labels.category}: ${value(payload.categoryName)}`,
    `${c.labels.priority}: ${value(payload.priorityName)}`,
    `${c.labels.owner}: ${value(payload.ownerName)}`,
    '',
    `${c.labels.link}: ${payload.link}`,
    '',
  ].join('\n')
  return { subject: c.subject[event](payload), lead, text }
}
