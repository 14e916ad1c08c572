export { type CarrierKind, type Carriers, carrierKinds } from './carrier-kinds.ts'
export { defaultStatusFor, defaults, type ReferenceDefaults } from './defaults.ts'
export { loadCarriers } from './load-carriers.ts'
export {
  type BatchReader,
  createReferenceReader,
  type ReferenceReader,
} from './reference-reader.ts'
