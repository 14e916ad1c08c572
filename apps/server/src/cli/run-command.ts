import { EnvError } from '../env.ts'

/**
 * Runs an operator command's `main` with the process arguments and turns its result into the
 * exit code; any failure is one line on stderr (never a stack) and exit code 1.
 */
export async function runCommand(main: (args: string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(
      `${error instanceof EnvError || error instanceof Error ? error.message : String(error)}\n`
    )
    process.exitCode = 1
  }
}
