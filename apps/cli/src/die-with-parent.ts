// Loaded into an app's own process by `sitrep` (main.ts runs `serve` and `digest` as children):
// the app ends when `sitrep` does. A SIGKILLed `sitrep` cannot forward a signal, and its API
// child went on serving, holding the port, so the restart failed; the IPC channel `sitrep`
// opens closes with it whatever kills it, and the app then shuts down as on SIGTERM.
if (process.channel) {
  // the channel alone must not keep the app alive once its work is done
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
