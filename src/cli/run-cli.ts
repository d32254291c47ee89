/**
 * Runs a CLI's `main` and exits with the code it resolves to (0 when it resolves to nothing).
 * A rejection prints `<failure>: <message>` and exits 1; an interruption (an `AbortError`, from
 * Ctrl-C through an AbortSignal) prints "Interrupted." and exits 130, as shells expect.
 */
export function runCli(failure: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (err: Error) => {
      const interrupted = err.name === 'AbortError'
      console.error(interrupted ? 'Interrupted.' : `${failure}: ${err.message}`)
      process.exit(interrupted ? 130 : 1)
    },
  )
}
