import type en from '../en/compare'

export default {
  noRun: {
    title: '选择一次要对比的运行',
    body: '对比页面把一次运行的所有配置并排列出：先在工作台里用多个分配器运行同一个场景，再从这里或回放页面打开它。',
    toWorkbench: '打开工作台',
    continue: '继续查看“{title}”'
  },
  toReplay: '回放这次运行',
  table: {
    heading: '汇总',
    caption: '这次运行的所有配置。点击列标题可按该列排序；每列的最佳值都有标记。',
    best: '最佳',
    bestLabel: '本列最佳',
    sortAscending: '从低到高排序',
    sortDescending: '从高到低排序',
    notAvailable: '无数据',
    atStep: '于第 {step} 步',
    never: '从未出现',
    failuresCause: '内存不足 {noMemory} 次 · 碎片导致 {fragmented} 次',
    columns: {
      config: '配置',
      utilization: '利用率',
      externalFragmentation: '外部碎片峰值',
      internalFragmentation: '内部碎片峰值',
      failures: '失败次数',
      examined: '每个请求检查的表项数',
      nsPerRequest: '每个请求的耗时',
      metadataBytes: '元数据',
      ctorSaved: '省下的构造函数调用'
    },
    status: '状态'
  },
  charts: {
    heading: '随时间变化（叠加显示）'
  },
  diff: {
    heading: '同一步并排对比',
    left: '左侧',
    right: '右侧',
    step: '对比的步',
    useReplayStep: '使用回放中当前的步（第 {step} 步）',
    handles: '每个存活句柄所在的位置',
    handle: '句柄',
    same: '位置相同',
    differs: '位置不同',
    missing: '未存活',
    onlyDifferences: '只显示位置不同的句柄',
    noHandles: '在这一步，两个配置中都没有存活的句柄。',
    summaryDiff: '{total} 个存活句柄中有 {count} 个位置不同。',
    loading: '正在对比…',
    failed: '无法在这一步对比这两个配置。',
    place: '{addr} · {size}',
    placeFrames: '第 {frame} 号页框 · {size}',
    needTwo: '并排对比需要两个留有时间线的配置。'
  }
} satisfies typeof en
