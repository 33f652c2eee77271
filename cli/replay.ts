/**
 * `hotline-lab replay FILE`: replay a classroom game (the teacher's download, issue 13) on the
 * model and check that every recorded number comes out again, bit for bit.
 */
import { readFile, stat } from 'node:fs/promises';
import { checkGameRecord, compareReplay, replayGame } from '../scenarios/classroom.ts';
import { writeOutput } from './output.ts';
import { UsageError } from './usage-error.ts';

/** Game files are small (a few hundred rounds of plans); refuse anything far larger. */
const MAX_GAME_BYTES = 20_000_000;

export async function replayCommand(positional: string[]): Promise<number> {
  if (positional.length !== 1) throw new UsageError('replay needs one game file: hotline-lab replay game.json / 需要一个游戏文件');
  const path = positional[0];
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UsageError(`cannot read '${path}' / 无法读取该文件`);
  }
  if (size > MAX_GAME_BYTES)
    throw new UsageError(`'${path}' is larger than ${MAX_GAME_BYTES} bytes: not a game file / 文件过大，不是游戏文件`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`'${path}' is not JSON: ${e instanceof Error ? e.message : String(e)} / 不是 JSON 文件`);
  }
  const checked = checkGameRecord(json);
  if (!checked.ok) throw new UsageError(checked.problems.map((p) => `${path}: ${p}`));
  const game = checked.game;
  const replay = replayGame(game);
  const diffs = compareReplay(game, replay);
  process.stderr.write(
    `replayed ${game.rounds.length} rounds of ${game.preset} (seed ${game.seed}, model ${game.model}, ${game.players.length} players)\n`,
  );
  const rows = Object.entries(replay.summary).map(([k, v]) => `${k.padEnd(28)} ${v}`);
  await writeOutput(`${rows.join('\n')}\n`);
  if (!game.summary) {
    process.stderr.write('the file records no summary: nothing to compare / 文件没有记录摘要，无可比较\n');
    return 0;
  }
  if (diffs.length) {
    for (const d of diffs.slice(0, 20)) process.stderr.write(`differs: ${d}\n`);
    process.stderr.write(`the replay differs from the recorded game in ${diffs.length} figures / 重放与记录不一致\n`);
    return 1;
  }
  process.stderr.write('identical: every recorded figure replayed bit for bit / 完全一致：所有记录数字逐位重现\n');
  return 0;
}
