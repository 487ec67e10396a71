// Preloaded into the measured CLI (node --import): writes its peak RSS on exit, to the file in RSS_OUT.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.RSS_OUT) writeFileSync(process.env.RSS_OUT, String(Math.round(process.resourceUsage().maxRSS / 1024)));
});
