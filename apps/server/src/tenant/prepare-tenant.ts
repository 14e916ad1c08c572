import type { CoreDeps } from '../modules/service-module.ts'

/**
 * First start: the admin associate; then the demo tenant and the tenant file when asked.
 * (Filled in by the reference-data work.)
 */
export async function prepareTenant(_deps: CoreDeps): Promise<void> {}
