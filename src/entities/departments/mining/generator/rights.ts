import { MiningRightKind, MiningTransferMethod } from '../mining-enums.js';
import type { RecordFrame } from '../../../../generator/category-generator.js';
import { INDUSTRIES } from '../../../../generator/names.js';
import type { GeneratedSubject } from '../../../../generator/subjects.js';
import { type Mineral, TRADES } from './minerals.js';

function tradeOf(name: string): string | undefined {
  return [...INDUSTRIES.miner].sort((a, b) => b.length - a.length).find((t) => name.includes(t));
}

/**
 * A right holder whose trade fits the mineral, drawn by the pool's popularity;
 * exploration rights also go to the geological survey firms.
 */
export function minerFor(f: RecordFrame, mineral: Mineral, exploration: boolean): GeneratedSubject {
  const fits = [...(TRADES[mineral.name] ?? ['矿业']), ...(exploration ? ['地质矿产勘查'] : [])];
  let first: GeneratedSubject | undefined;
  for (let i = 0; i < 40; i++) {
    const s = f.subjects.draw(f.rng, 'miner');
    first ??= s;
    if (fits.includes(tradeOf(s.name) ?? '')) return s;
  }
  return first!;
}

export const TRANSFER_ZH: Record<MiningTransferMethod, string> = {
  [MiningTransferMethod.TENDER]: '招标',
  [MiningTransferMethod.AUCTION]: '拍卖',
  [MiningTransferMethod.LISTING]: '挂牌',
  [MiningTransferMethod.AGREEMENT]: '协议',
  [MiningTransferMethod.FIRST_TO_APPLY]: '申请在先',
};

/** 青海省 mining-right trade numbers: QHKY2024-C-015 (采矿权), QHKY2024-T-015 (探矿权). */
export function tradeNo(f: RecordFrame, kind: MiningRightKind): string {
  return `QHKY${f.year}-${kind === MiningRightKind.MINING ? 'C' : 'T'}-${String(f.rng.int(1, 120)).padStart(3, '0')}`;
}
