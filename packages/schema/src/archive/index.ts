export * from './ticket-archive.ts'
export * from './ticket-archive-columns.ts'
