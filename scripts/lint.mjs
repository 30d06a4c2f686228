// npm run lint: ESLint, the boundary check and Prettier side by side (ESLint's type-checking takes
// most of the time on one core; the other two fit on the other). Prints each one's output and time
// as it finishes; fails if any fails.
import { spawn } from 'node:child_process';

const checks = ['lint:eslint', 'lint:boundaries', 'format:check'];
const started = performance.now();

const results = await Promise.all(
  checks.map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code) => {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stdout.write(
            `${code === 0 ? 'ok  ' : 'FAIL'} ${script} (${seconds} s)\n${output.trim() ? output.trimEnd() + '\n' : ''}`,
          );
          resolve(code === 0);
        });
      }),
  ),
);
if (results.includes(false)) process.exit(1);
