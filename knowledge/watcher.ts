import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { KnowledgeBase } from './knowledge-base.js';

/** What a reload did: the new article count, or the error that kept the old content in place. */
export type ReloadOutcome = { readonly ok: true; readonly articles: number } | { readonly ok: false; readonly error: unknown };

export interface WatchOptions {
  /** Wait this long after the last change before re-indexing (editors write in bursts). Default 250 ms. */
  readonly debounceMs?: number;
  /** Called after each reload attempt (log it; the knowledge component has no logger). */
  readonly onReload?: (outcome: ReloadOutcome) => void;
  /**
   * When the knowledge base read its sources (ms since the epoch), for a watch begun later: a
   * source file changed since then is reloaded at once, as if the change had been seen.
   */
  readonly changedSince?: number;
}

export interface ArticleWatcher {
  close(): void;
}

const DEFAULTS = { debounceMs: 250 } as const;

/**
 * A folder is watched recursively. A single file (a `.jsonl` export, a `.md` article) is watched
 * through its folder, filtered by name: editors and export jobs often write a new file and rename
 * it over the old one, and a watch on the old file would then never fire again.
 */
function watchSource(source: string, onChange: () => void): FSWatcher {
  let isDirectory = false;
  try {
    isDirectory = statSync(source).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (isDirectory) return watch(source, { recursive: true }, onChange);
  const name = basename(source);
  return watch(dirname(source), (_event, changed) => {
    if (changed === null || changed.toString() === name) onChange();
  });
}

/** True when a file in `source` (a folder, recursively, or a file) was modified after `since`. */
function changedAfter(source: string, since: number): boolean {
  try {
    const stat = statSync(source);
    if (!stat.isDirectory()) return stat.mtimeMs > since;
    if (stat.mtimeMs > since) return true; // a file added or removed
    return readdirSync(source).some((entry) => changedAfter(join(source, entry), since));
  } catch {
    return true; // gone since: the reload reports it
  }
}

/**
 * Hot reload: watches the knowledge sources (directories recursively, JSONL files directly) and
 * rebuilds the knowledge base after changes, debounced. A bad article keeps the previous content
 * and reports KB.BAD_ARTICLE through `onReload`; the next good save loads again.
 */
export function watchArticles(kb: KnowledgeBase, sources: readonly string[], options: WatchOptions = {}): ArticleWatcher {
  const debounceMs = options.debounceMs ?? DEFAULTS.debounceMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const reload = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    do {
      again = false;
      running = kb.reload().then(
        () => options.onReload?.({ ok: true, articles: kb.articles.length }),
        (error: unknown) => options.onReload?.({ ok: false, error }),
      );
      await running;
      running = undefined;
    } while (again && !closed);
  };

  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload();
    }, debounceMs);
  };

  const watchers: FSWatcher[] = sources.map((source) => watchSource(source, schedule));
  if (options.changedSince !== undefined && sources.some((source) => changedAfter(source, options.changedSince as number))) schedule();
  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
