import type en from '../en/report'

export default {
  documentTitle: '{title} — AllocLab 报告',
  heading: 'AllocLab 报告',
  madeBy: '由 AllocLab {appVersion}（引擎 {engineVersion}）于 {date} 生成。',
  selfContained:
    '本文件自成一体：不从任何地方加载内容，因此离线也能打开，可以直接打印或转发给别人。',
  contents: '目录',
  section: {
    experiment: '实验',
    scenario: '场景',
    configurations: '配置',
    summary: '汇总',
    cost: '开销',
    timing: '实测耗时',
    charts: '随时间的变化',
    maps: '内存布局图',
    keySteps: '关键步骤',
    final: '最终结构'
  },
  experiment: {
    name: '名称',
    notes: '备注',
    tags: '标签',
    status: '运行状态',
    requests: '场景中的请求数'
  },
  scenario: {
    truncated: '场景共有 {lines} 行，这里只列出前 {shown} 行。完整文本见 JSON 导出文件。'
  },
  config: {
    index: '#',
    label: '分配器（规范写法）',
    family: '类别',
    status: '状态',
    done: '已执行请求数',
    short: '#{index} {family}',
    error: '没有结果：{message}',
    cancelled: '在 {total} 个请求中执行了 {done} 个后被取消；各项数据只统计这些请求。'
  },
  summary: {
    caption:
      '每个配置占一行。当各配置的数值不同时，★ 标出每一列中最好的值（按该指标的取向取最小或最大）。峰值是该指标达到过的最大值，并注明首次达到它的那个请求。',
    peakOf: '{metric}峰值',
    finalOf: '结束时的{metric}',
    perRequestOf: '每个请求的{metric}',
    atStep: '第 {step} 个请求之后',
    never: '始终为 0',
    best: '最好',
    sampled:
      '外部碎片、空闲块数和元数据每隔 {stride} 个请求读取一次，所以它们的峰值是这些读数中的最大值。'
  },
  cost: {
    caption: '把每个请求的确定性操作计数加总：在任何机器上都相同。',
    examined: '检查的表项',
    splits: '分割次数',
    merges: '合并次数',
    ctorCalls: '构造函数调用',
    ctorSaved: '省下的构造函数调用',
    slabsGrown: '新增的 slab',
    slabsReaped: '回收的 slab',
    copied: 'realloc 复制的字节'
  },
  timing: {
    caption:
      '生成本报告的这台机器上的实际耗时。它随机器和每次运行而不同，所以只应在同一份报告之内比较。',
    elapsed: '总耗时',
    nsPerRequest: '每个请求'
  },
  chart: {
    title: '{metric}',
    axisRequests: '请求',
    axisUnit: {
      bytes: '字节',
      count: '个数',
      ratio: '百分比'
    },
    buckets: '每个点代表 {size} 个请求：折线是其中的最大值，阴影带从最小值延伸到最大值。',
    exact: '每个请求一个点。',
    sampledEvery: '每隔 {stride} 个请求读取一次。',
    noTimeline: '{config}：没有记录时间线，无从绘图。',
    description: '{metric}在第 0 到第 {last} 个请求之间的变化，每个配置一条折线。'
  },
  map: {
    caption:
      '在关键的几个时刻，内存池中每个字节的用途，从左（偏移 0）到右。每个像素显示覆盖其中大部分字节的那种状态。',
    before: '第一个请求之前',
    after: '第 {step} 个请求之后',
    reason: {
      end: '运行结束',
      firstFailure: '第一次失败',
      peakExternal: '外部碎片峰值',
      peakInternal: '内部碎片峰值',
      chosen: '指定的步骤'
    },
    scale: '从 0 到 {pool}；每个像素代表 {perPixel}。',
    mixed: '包含多种状态的像素',
    legend: '图例',
    description: '{config}的内存布局图，{when}。'
  },
  keySteps: {
    caption: '运行出现转折的那些请求：它们为什么得到这样的结果，以及前后相邻的请求。',
    firstFailure: '第一次失败',
    largestFailed: '失败的最大请求',
    peakExternal: '外部碎片峰值',
    peakInternal: '内部碎片峰值',
    noFailure: '所有分配都成功了。',
    noExternal: '空闲内存从未被分散：外部碎片始终为 0。',
    noInternal: '没有哪个请求得到的比它申请的多：内部碎片始终为 0。',
    request: '第 {step} 个请求（第 {line} 行）：{request}。',
    failedBecause: {
      'no-memory': '它失败了：空闲内存总共只有 {freeBytes}，少于它所需的 {size}。',
      fragmented:
        '尽管空闲内存总共有 {freeBytes}，它还是失败了：这些内存分散在 {freeBlocks} 个块中，最大的只有 {largestFree}。'
    },
    failedBare: {
      'no-memory': '它失败了：空闲内存总量不够。',
      fragmented: '尽管空闲内存总量足够，它还是失败了：没有任何一个空闲块足够大。'
    },
    largestFailedText: '第 {step} 个请求申请了 {size}：{cause}。',
    cause: {
      'no-memory': '空闲内存总量不够',
      fragmented: '空闲内存总量足够，但没有任何一个块足够大'
    },
    externalText:
      '在它之后，外部碎片达到 {value}：{freeBytes} 空闲内存分散在 {freeBlocks} 个块中，最大的为 {largestFree}。比最大空闲块还大的请求会失败，哪怕空闲内存总量更多。',
    externalBare: '在它之后，外部碎片达到 {value}。',
    internalText: '在它之后，内部碎片达到 {value}：为申请的 {requested} 实际预留了 {allocated}。',
    internalBare: '在它之后，内部碎片达到 {value}。',
    window: '前后相邻的请求',
    column: {
      step: '请求',
      line: '行',
      request: '申请',
      status: '结果',
      place: '地址 / 页框',
      granted: '分得',
      examined: '检查'
    },
    noTimeline: '这个配置没有记录时间线，无法列出它的步骤。'
  },
  final: {
    buddyinfo: '各阶的空闲块数（从 0 阶开始），按 /proc/buddyinfo 的格式',
    slabinfo: 'slab 缓存，按 /proc/slabinfo 的格式',
    freeList: '最后一个请求之后的空闲链表：共 {count} 个块',
    freeListMore: '……另有 {count} 个块。',
    address: '地址',
    size: '大小',
    none: '没有最终结构：运行没有完成。'
  },
  cli: {
    option:
      '把这次运行的报告写入 FILE：.html（自成一体，可离线打开）、.pdf（需要 Chromium 或 Chrome）、.json（整个运行）或 .csv（逐请求的指标）',
    badExtension:
      '“{file}”的扩展名不是报告格式；请使用 .html、.pdf、.json 或 .csv（例如 report.html）。',
    written: '已将报告写入 {file}（{size}）。'
  },
  pdf: {
    noBrowser:
      '没有找到可用来生成 PDF 的 Chromium 或 Chrome（查找过：{looked}）。请安装其中之一，或用 CHROMIUM_PATH 指向它；也可以写出 .html 报告，再用任意浏览器打印。',
    failed: 'Chromium 无法把报告打印成 PDF：{detail}'
  }
} satisfies typeof en
