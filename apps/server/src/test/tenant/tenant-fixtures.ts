import { readFileSync } from 'node:fs'
import type { TenantFile } from '@ticket/schema'
import { demoTenantPath } from '../../tenant/demo-tenant.ts'

/** The shipped demo tenant, parsed fresh for each caller (tests may change their copy). */
export function demoTenant(): TenantFile {
  return JSON.parse(readFileSync(demoTenantPath, 'utf8'))
}

/** A small valid tenant file that uses plain-text passwords (so hashing is exercised). */
export function smallTenant(): TenantFile {
  return {
    Associates: [
      {
        UserName: 'Kari',
        Password: 'kari-pass',
        FullName: 'Kari Lie',
        Name: 'KL',
        Email: 'kari@example.com',
      },
      { UserName: 'per', FullName: 'Per Moe', Name: 'PM', Email: 'per@example.com' },
    ],
    Statuses: [
      { Name: 'Open', Status: 'Active' },
      { Name: 'Waiting', Status: 'Active', IsDefault: true },
      { Name: 'Closed', Status: 'Closed' },
    ],
    Priorities: [{ Name: 'Normal' }, { Name: 'Urgent', Flags: 'External' }],
    Categories: [
      {
        Name: 'Desk',
        DelegateMethod: 'Even',
        Members: [{ UserName: 'kari' }, { UserName: 'PER' }],
      },
      { Name: 'Desk Printers', ParentName: 'Desk', DelegateMethod: 'Not', Members: [] },
    ],
    TicketTypes: [{ Name: 'Question', DefaultTicketPriority: 'Urgent' }],
    Persons: [
      {
        Firstname: 'Ola',
        Lastname: 'Nordmann',
        Email: 'Ola@Example.org',
        SupportAssociate: 'kari',
      },
    ],
    Sales: [{ Title: 'Licence', Person: 'ola@example.org', Amount: 1000, Probability: 50 }],
    Projects: [{ Name: 'Rollout', Associate: 'per' }],
    Tags: [{ Name: 'VIP' }],
  }
}
