/**
 * The start-up caches of the intent classifier and the knowledge index on a {@link FileCache}.
 * Each entry's key hashes `code` (a {@link sourceFingerprint} of the code that makes it) with the
 * description of its inputs the component hands over, so neither a changed input nor changed code
 * can be answered from an old entry.
 */
import { endianness } from 'node:os';
import type { ClassifierModelCache } from '../../bot/recognizer.js';
import type { ClassifierModel } from '../../bot/nlu/classifier.js';
import type { AnalyzerCache, AnalyzerSnapshot, IndexCache, IndexSnapshot } from '../../knowledge/index.js';
import { cacheKey, type FileCache } from './file-cache.js';

const MODEL_MAGIC = 'classifier-model/1/f64le';
/** Typed arrays use the machine's byte order; the file's is little-endian. */
const BIG_ENDIAN = endianness() === 'BE';

/** Header (labels, features) as JSON, then the weights as little-endian doubles at an 8-byte boundary. */
export function encodeModel(model: ClassifierModel): Buffer {
  const header = Buffer.from(JSON.stringify({ magic: MODEL_MAGIC, labels: model.labels, features: model.features, weights: model.weights.length }), 'utf8');
  const offset = Math.ceil((4 + header.length) / 8) * 8;
  const out = Buffer.alloc(offset + model.weights.length * 8);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  for (let i = 0; i < model.weights.length; i++) out.writeDoubleLE(model.weights[i] as number, offset + i * 8);
  return out;
}

/** The model {@link encodeModel} wrote, or undefined for anything else. */
export function decodeModel(bytes: Buffer): ClassifierModel | undefined {
  try {
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { magic?: unknown; labels?: unknown; features?: unknown; weights?: unknown };
    if (header.magic !== MODEL_MAGIC || !Array.isArray(header.labels) || !Array.isArray(header.features) || typeof header.weights !== 'number') return undefined;
    const offset = Math.ceil((4 + length) / 8) * 8;
    if (bytes.length !== offset + header.weights * 8) return undefined;
    // One copy of the bytes: 200,000 weights read one by one cost 30–400 ms of a start.
    const weights = new Float64Array(header.weights);
    const view = new Uint8Array(weights.buffer);
    view.set(bytes.subarray(offset, offset + header.weights * 8));
    if (BIG_ENDIAN) for (let i = 0; i < weights.length; i++) weights[i] = bytes.readDoubleLE(offset + i * 8);
    return { labels: header.labels.map(String), features: header.features.map(String), weights };
  } catch {
    return undefined;
  }
}

export function fileClassifierCache(cache: FileCache, code: string): ClassifierModelCache {
  return {
    load(training) {
      const bytes = cache.read('classifier', cacheKey(code, training));
      return bytes ? decodeModel(bytes) : undefined;
    },
    save(training, model) {
      cache.write('classifier', cacheKey(code, training), encodeModel(model));
    },
  };
}

/** A snapshot kept as JSON under a kind and a key of its inputs' text and the code that makes it; a damaged entry is a miss. */
function jsonCache<T>(cache: FileCache, kind: string, code: string): { load(inputs: string): T | undefined; save(inputs: string, snapshot: T): void } {
  return {
    load(inputs) {
      const bytes = cache.read(kind, cacheKey(code, inputs));
      if (!bytes) return undefined;
      try {
        return JSON.parse(bytes.toString('utf8')) as T;
      } catch {
        return undefined;
      }
    },
    save(inputs, snapshot) {
      cache.write(kind, cacheKey(code, inputs), JSON.stringify(snapshot));
    },
  };
}

export function fileIndexCache(cache: FileCache, code: string): IndexCache {
  return jsonCache<IndexSnapshot>(cache, 'knowledge-index', code);
}

export function fileAnalyzerCache(cache: FileCache, code: string): AnalyzerCache {
  return jsonCache<AnalyzerSnapshot>(cache, 'analyzer', code);
}
