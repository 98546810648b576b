/**
 * How the link health line names its source and its trouble: short enough for one line ("/dev/ttyUSB0",
 * "…/app", "meter.local:2000"), the full path kept for a tooltip, and the host's reason with the
 * path it already named taken out, so nothing is said twice or in brackets within brackets.
 */
import type { LinkState, SourceConfig } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';

const MAX_PATH = 24;

/** A device or file path cut to about MAX_PATH characters, keeping its last segment readable. */
export function shortPath(path: string): string {
  if (path.length <= MAX_PATH) return path;
  const separator = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const base = path.split(separator).filter(Boolean).at(-1) ?? path;
  // by-id names are long: their start names the adapter, their end the port.
  const name = base.length <= MAX_PATH - 2 ? base : `${base.slice(0, 12)}…${base.slice(-8)}`;
  return `…${separator}${name}`;
}

/** The source as the health line names it (short), and in full for a tooltip; null for none. */
export function linkTarget(source: SourceConfig | null): { short: string; full: string } | null {
  if (!source) return null;
  switch (source.kind) {
    case 'serial':
    case 'file':
      return { short: shortPath(source.path), full: source.path };
    case 'tcp': {
      const full = `${source.host}:${source.port}`;
      return { short: full, full };
    }
    case 'demo':
      return { short: t('link.demoTarget'), full: t('link.demoTarget') };
  }
}

/** The host's one-line reason without the source path it starts with; other mentions shortened. */
export function linkReason(link: LinkState): string | null {
  const message = link.message?.trim();
  if (!message) return null;
  const path = link.source && (link.source.kind === 'serial' || link.source.kind === 'file') ? link.source.path : null;
  if (!path) return message;
  const rest = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
  return rest.split(path).join(shortPath(path));
}
