export * from './tenant-file.ts'
