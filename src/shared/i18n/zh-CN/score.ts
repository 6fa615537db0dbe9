import type en from '../en/score'

export default {
  cli: {
    summary:
      '像 mdriver 一样在 malloc-lab 跟踪上给分配器打分（正确性、利用率、操作数、秒数、千次操作每秒、性能指数）',
    allocatorOption: '分配器规格，或预设名称，如 csapp-textbook（可重复，以便比较多个）',
    jsonOption: '以 JSON 输出得分',
    utilWeightOption: '性能指数中利用率的权重，0 到 1（mdriver 为 0.6）',
    libcKopsOption: '吞吐量达到多少千次操作每秒即得满分（mdriver 为 600）',
    runsOption: '每个跟踪运行的次数；secs 取最快的一次（默认 3）',
    needTrace:
      '请至少给出一个 malloc-lab 跟踪文件，例如 "alloclab score amptjp-bal.rep --allocator csapp-textbook"。',
    needAllocator: '请用 --allocator SPEC 指定要打分的分配器（规格或预设名称）。',
    badNumber: '{option} 必须是 {min} 到 {max} 之间的数，而不是 "{value}"。'
  },
  column: {
    trace: '跟踪',
    valid: '正确',
    util: '利用率',
    ops: '操作数',
    secs: '秒',
    Kops: '千次/秒'
  },
  yes: '是',
  no: '否',
  total: '合计',
  resultsFor: '{allocator} 的结果：',
  spec: '  （{spec}）',
  invalidTrace: '{trace} 不正确：{problem}',
  perfIndex: '性能指数 = {util}（利用率）+ {thru}（吞吐量）= {index}/100'
} satisfies typeof en
