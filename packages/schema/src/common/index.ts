export * from './formats.ts'
export * from './rights.ts'
export * from './types.ts'
