import type en from '../en/vocabulary'

export default {
  metric: {
    requestedLive: {
      label: '在用请求量',
      description: '程序申请、目前仍未释放的字节数。'
    },
    allocatedLive: {
      label: '在用分配量',
      description: '为在用请求实际预留的字节数，包括头部、对齐和取整。'
    },
    internalFragmentation: {
      label: '内部碎片',
      description: '分配给请求却超出其所需的字节：在用分配量减去在用请求量。'
    },
    liveBlocks: { label: '在用块数', description: '尚未释放的分配。' },
    peakRequested: {
      label: '请求量峰值',
      description: '到目前为止同时在用的请求字节数的最大值。'
    },
    failNoMemory: {
      label: '失败：内存不足',
      description: '因空闲内存总量小于所需而被拒绝的请求。'
    },
    failFragmented: {
      label: '失败：碎片化',
      description: '空闲内存总量足够、却没有任何一个空闲块足够大而被拒绝的请求。'
    },
    examined: {
      label: '检查的表项',
      description: '分配器为这次请求查看过的空闲链表表项（或链表头）数量。'
    },
    splits: { label: '分割次数', description: '为满足这次请求而一分为二的块数。' },
    merges: {
      label: '合并次数',
      description: '这次请求中与相邻块或伙伴合并的空闲块数。'
    },
    freeBytes: { label: '空闲字节', description: '空闲块或空闲页框中的字节数。' },
    freeBlocks: { label: '空闲块数', description: '互不相连的空闲块有多少个。' },
    largestFree: {
      label: '最大空闲块',
      description: '最大空闲块的大小，也就是此刻能够成功的最大请求。'
    },
    metadataBytes: {
      label: '元数据',
      description: '用于管理内存本身的内存：头部、尾部、每个页框的记录、slab 描述符。'
    },
    highWater: {
      label: '高水位线',
      description: '曾经分配出去的最高池内偏移。'
    },
    externalFragmentation: {
      label: '外部碎片',
      description: '空闲内存有多分散：1 − 最大空闲块 ÷ 空闲总量（没有空闲内存时为 0）。'
    },
    utilization: {
      label: '利用率',
      description: '请求量峰值 ÷ 高水位线，即 malloc-lab 的计算方法。'
    }
  },
  unit: {
    bytes: '字节',
    count: '个',
    ratio: '比例'
  },
  mapState: {
    free: '空闲',
    used: '已请求',
    overhead: '元数据',
    slack: '空隙（填充与取整）',
    cached: '缓存对象（已构造、空闲）',
    unobtained: '尚未取得（位于堆的 break 之后）'
  },
  runStatus: {
    queued: '排队中',
    running: '运行中',
    done: '已完成',
    cancelled: '已取消',
    failed: '失败'
  },
  requestStatus: {
    ok: '成功',
    'no-memory': '失败：内存不足',
    fragmented: '失败：碎片化',
    invalid: '被拒绝',
    noop: '不适用'
  },
  peak: {
    at: '第 {step} 步达到 {value}',
    never: '从未出现'
  }
} satisfies typeof en
