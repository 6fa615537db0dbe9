import type en from '../en/timeline'

export default {
  runNotFound: '自 AllocLab 这次启动以来，没有启动过名为“{runId}”的运行。',
  runFromEarlierSession:
    '运行“{runId}”属于 AllocLab 之前的一次会话。运行只保存在内存中，AllocLab 退出时就结束了；请重新运行该场景。',
  runEvicted:
    '为了让已记录的运行不超出 {limit} 的内存预算，运行“{runId}”已被关闭；最久未使用的运行最先关闭。请重新运行该场景，或用 --run-budget 或 ALLOCLAB_RUN_BUDGET 允许使用更多内存。',
  overBudget:
    '这次运行大约需要 {need} 内存，但所有已记录的运行总共只能使用 {limit}，其中最多只能腾出 {free}（其余的被仍在运行或正在回放中查看的运行占用）。请减少配置或缩短场景、关闭其他运行、不记录时间线，或用 --run-budget 或 ALLOCLAB_RUN_BUDGET 允许使用更多内存。',
  configNotFound: '运行“{runId}”没有第 {config} 号配置；它共有 {count} 个配置。',
  notRecorded:
    '运行“{runId}”的第 {config} 号配置没有时间线：它的状态是 {status}，或运行时没有开启记录。',
  stepOutOfRange: '第 {step} 步超出了已记录的请求范围 0..{last}。',
  unknownMetric: '未知的指标列“{name}”。可用的列：{known}。',
  scenarioHasErrors: '场景中有 {count} 处错误：',
  csvOption: '把每个配置逐请求的指标列写入 FILE（一个 CSV 文件，第一列为 “config”）',
  csvWritten: '已将 {rows} 行逐请求指标写入 {file}。',
  structural: {
    coalescedBelow:
      '与紧挨在它前面（低地址一侧）、位于 {belowAddr} 的空闲块（{belowSize} 字节）合并 → 成为位于 {addr} 的空闲块（{size} 字节）。',
    coalescedAbove:
      '与紧挨在它后面（高地址一侧）、位于 {aboveAddr} 的空闲块（{aboveSize} 字节）合并 → 成为位于 {addr} 的空闲块（{size} 字节）。',
    coalescedBoth:
      '与前面（低地址一侧）位于 {belowAddr} 的空闲块（{belowSize} 字节）和后面（高地址一侧）位于 {aboveAddr} 的空闲块（{aboveSize} 字节）合并 → 成为位于 {addr} 的空闲块（{size} 字节）。',
    splitRemainder:
      '拆分位于 {addr} 的块（{size} 字节）：请求占用前 {kept} 字节，剩下位于 {remainderAddr} 的 {remainderSize} 字节留作空闲块。',
    buddySplit:
      '把从第 {frame} 号页框开始的 {order} 阶空闲块逐次对半拆分到 {resultOrder} 阶；拆出的高地址一半依次放入低一阶的空闲链表：{halves}。',
    buddyHalf: '第 {frame} 号页框（{order} 阶）',
    buddyMergedFirst: '与第 {frame} 号页框开始的伙伴块（{order} 阶）合并',
    buddyMergedThen: '再与第 {frame} 号页框开始的伙伴块（{order} 阶）合并',
    buddyMerged: '{steps} → 成为从第 {frame} 号页框开始的 {order} 阶空闲块。',
    stepSeparator: '，',
    listSeparator: '、'
  }
} satisfies typeof en satisfies typeof en
