// Loaded with `node -r` by bench/batch.mjs: the process's peak resident memory, on stderr at exit.
process.on('exit', () => {
  try {
    require('node:fs').writeSync(2, `cs-pay-max-rss ${process.resourceUsage().maxRSS}\n`);
  } catch {}
});
