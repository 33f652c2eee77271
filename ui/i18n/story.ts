/**
 * Story mode's strings, in English and Chinese: `t(lang, 'story.next')`.
 */
import type { Text } from './text.ts';

/** Story mode (the step texts themselves are in scenarios/story.ts). */
export const STORY = {
  story: { en: 'Story', zh: '课堂故事' },
  stepOf: { en: 'Step {n} of {total}', zh: '第 {n} 步，共 {total} 步' },
  predict: { en: 'Predict', zh: '先预测' },
  run: { en: 'Run', zh: '运行' },
  running: { en: 'Running… day {day} of {days}', zh: '运行中…… 第 {day} / {days} 天' },
  whatHappened: { en: 'What happened', zh: '结果' },
  youPredicted: { en: 'You predicted: “{answer}”.', zh: '你的预测：“{answer}”。' },
  right: { en: 'Right.', zh: '预测正确。' },
  notQuite: { en: 'Not quite: the run says "{answer}".', zh: '不太对：运行结果是“{answer}”。' },
  next: { en: 'Next step', zh: '下一步' },
  sandbox: { en: 'Open the sandbox', zh: '进入自由模式' },
  leave: { en: 'Leave the story', zh: '退出故事' },
  chooseFirst: { en: 'Choose an answer to run the step.', zh: '选一个答案后才能运行。' },
  goTo: { en: 'Go to step {n}: {title}', zh: '跳到第 {n} 步：{title}' },
  passage: { en: 'From the article', zh: '原文' },
  again: { en: 'Run again', zh: '再运行一次' },
} as const satisfies Record<string, Text>;
