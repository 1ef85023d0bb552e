/** The few commands of the simulated guest shell. Output uses CRLF, as a serial tty does. */

export interface ShellContext {
  vmName: string;
  user: string;
  now: number;
  uptimeSeconds: number;
}

export type ShellOutcome =
  | { kind: 'output'; text: string }
  | { kind: 'logout'; text: string }
  | { kind: 'flood'; bytes: number; chunkBytes: number }
  | { kind: 'burst'; count: number; bytes: number };

/** Enough to make a one-megabyte flood a few seconds of work, not a hang. */
const MAX_FLOOD_BYTES = 1024 ** 3;

const HELP = [
  'Commands:',
  '  help                     this list',
  '  uname [-a|-r]            kernel name and version',
  '  uptime                   time since boot',
  '  ls                       list the home directory',
  '  echo TEXT                print TEXT',
  '  date                     current date (UTC)',
  '  cat /etc/os-release      distribution details',
  '  colors                   ANSI 16 and 256 colour samples',
  '  flood BYTES [CHUNK]      print exactly BYTES bytes of numbered lines, CHUNK bytes per message (1024)',
  '  burst COUNT [BYTES]      send COUNT messages of BYTES bytes at once (overflows the 256-message buffer)',
  '  clear                    clear the screen',
  '  exit, logout             end the session',
];

const OS_RELEASE = [
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
  'NAME="Debian GNU/Linux"',
  'VERSION_ID="12"',
  'VERSION="12 (bookworm)"',
  'VERSION_CODENAME=bookworm',
  'ID=debian',
  'HOME_URL="https://www.debian.org/"',
  'SUPPORT_URL="https://www.debian.org/support"',
  'BUG_REPORT_URL="https://bugs.debian.org/"',
];

const lines = (xs: string[]) => xs.map((l) => `${l}\r\n`).join('');

export function runShellCommand(line: string, ctx: ShellContext): ShellOutcome {
  const trimmed = line.trim();
  const [cmd = '', ...args] = trimmed.split(/\s+/);
  const out = (text: string): ShellOutcome => ({ kind: 'output', text });
  switch (cmd) {
    case '':
      return out('');
    case 'help':
      return out(lines(HELP));
    case 'uname':
      if (args[0] === '-a')
        return out(`Linux ${ctx.vmName} 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64 GNU/Linux\r\n`);
      if (args[0] === '-r') return out('6.1.0-18-amd64\r\n');
      return out('Linux\r\n');
    case 'uptime':
      return out(`${uptimeLine(ctx.now, ctx.uptimeSeconds)}\r\n`);
    case 'ls':
      return out('backups  notes.txt  projects  startup.sh\r\n');
    case 'echo':
      return out(`${trimmed.slice(4).replace(/^\s+/, '')}\r\n`);
    case 'date':
      return out(`${dateLine(ctx.now)}\r\n`);
    case 'cat':
      if (args.length === 0) return out('');
      return out(
        args
          .map((f) => (f === '/etc/os-release' ? lines(OS_RELEASE) : `cat: ${f}: No such file or directory\r\n`))
          .join(''),
      );
    case 'colors':
      return out(colorSamples());
    case 'clear':
      return out('\x1b[H\x1b[2J');
    case 'exit':
    case 'logout':
      return { kind: 'logout', text: 'logout\r\n' };
    case 'flood': {
      const bytes = positiveInt(args[0]);
      const chunkBytes = args[1] === undefined ? 1024 : positiveInt(args[1]);
      if (bytes === null || chunkBytes === null || bytes > MAX_FLOOD_BYTES)
        return out(`flood: usage: flood BYTES [CHUNK]  (1 ≤ BYTES ≤ ${MAX_FLOOD_BYTES})\r\n`);
      return { kind: 'flood', bytes, chunkBytes };
    }
    case 'burst': {
      const count = positiveInt(args[0]);
      const bytes = args[1] === undefined ? 64 : positiveInt(args[1]);
      if (count === null || bytes === null || count > 100_000) return out('burst: usage: burst COUNT [BYTES]\r\n');
      return { kind: 'burst', count, bytes };
    }
    default:
      return out(`-bash: ${cmd}: command not found\r\n`);
  }
}

function positiveInt(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

function clockTime(d: Date): string {
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

export function dateLine(now: number): string {
  const d = new Date(now);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${clockTime(d)} UTC ${d.getUTCFullYear()}`;
}

function uptimeLine(now: number, seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const since = days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${String(hours).padStart(2)}:${two(minutes)}` : hours > 0 ? `${String(hours).padStart(2)}:${two(minutes)}` : `${minutes} min`;
  return ` ${clockTime(new Date(now))} up ${since},  1 user,  load average: 0.42, 0.37, 0.30`;
}

function colorSamples(): string {
  const reset = '\x1b[0m';
  let text = '';
  let fg = '';
  let bright = '';
  for (let i = 0; i < 8; i++) {
    fg += `\x1b[3${i}m 3${i} `;
    bright += `\x1b[9${i}m 9${i} `;
  }
  text += `${fg}${reset}\r\n${bright}${reset}\r\n`;
  let bg = '';
  for (let i = 0; i < 8; i++) bg += `\x1b[4${i}m 4${i} `;
  text += `${bg}${reset}\r\n`;
  text += `\x1b[1mbold${reset} \x1b[2mdim${reset} \x1b[3mitalic${reset} \x1b[4munderline${reset} \x1b[7minverse${reset}\r\n`;
  for (let row = 0; row < 16; row++) {
    let line = '';
    for (let col = 0; col < 16; col++) {
      const n = row * 16 + col;
      line += `\x1b[48;5;${n}m${String(n).padStart(4)}`;
    }
    text += `${line}${reset}\r\n`;
  }
  return text;
}
